package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static transforms.features.FeatureRows.D;
import static transforms.features.FeatureRows.context;
import static transforms.features.FeatureRows.game;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerDailyCache;
import schemas.vocabulary.GameDates;
import transforms.games.History;

/** One cache row per context row, in its daily window, from the player's games before the row's own date only. */
public class BuildPlayerDailyCacheTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void eachContextRowGetsItsPlayersCacheAsOfItsOwnDate() throws Exception {
    History history =
        FeatureRows.history(p,
            List.of(
                game("annexample", "2024-01-10", 30, 20),
                game("annexample", "2024-01-18", 30, 12),
                game("annexample", D, 40, 50), // D itself: only the later date may see it
                game("annexample", "2024-01-23", 30, 18)),
            List.of(), List.of(), List.of());
    PCollection<PlayerDailyCache> cache =
        FeatureRows.context(p,
                context("annexample", D, "BOS", "NYK"),
                context("bobexample", D, "NYK", "BOS"), // no history at all
                context("annexample", "2024-01-25", "BOS", "MIA"))
            .apply(new BuildPlayerDailyCache(history));

    PAssert.that(cache).satisfies(rows -> {
      Map<String, PlayerDailyCache> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getCacheDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "annexample@2024-01-25", "bobexample@2024-01-20"));
      PlayerDailyCache annD = by.get("annexample@2024-01-20");
      assertThat(annD.getGamesPlayedSeason(), equalTo(2));
      assertThat(annD.getPointsAvgSeason(), closeTo(16.0, 1e-12));
      assertThat(annD.getLastGameDate(), equalTo("2024-01-18"));
      assertThat(annD.getOpponentTeamAbbr(), equalTo("NYK"));
      PlayerDailyCache annLater = by.get("annexample@2024-01-25");
      assertThat(annLater.getGamesPlayedSeason(), equalTo(4));
      assertThat(annLater.getPointsAvgSeason(), closeTo(25.0, 1e-12));
      assertThat(annLater.getOpponentTeamAbbr(), equalTo("MIA"));
      PlayerDailyCache bob = by.get("bobexample@2024-01-20");
      assertThat(bob.getGamesPlayedSeason(), equalTo(0));
      assertThat(bob.getPointsAvgSeason(), nullValue());
      return null;
    });
    // Each row is in its context row's daily window, where the day's joins look for it.
    PAssert.that(cache).inWindow(day(D)).satisfies(rows -> {
      assertThat(FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getCacheDate()).keySet(),
          contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      return null;
    });
    PAssert.that(cache).inWindow(day("2024-01-25")).satisfies(rows -> {
      assertThat(FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getCacheDate()).keySet(),
          contains("annexample@2024-01-25"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  static IntervalWindow day(String date) {
    return new IntervalWindow(GameDates.timestampOf(date), GameDates.timestampOf(java.time.LocalDate.parse(date).plusDays(1)));
  }
}
