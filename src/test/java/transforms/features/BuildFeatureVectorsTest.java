package transforms.features;

import transforms.context.CompleteContext;
import schemas.vocabulary.GameDates;
import transforms.games.History;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;
import schemas.FeatureStoreGap;
import schemas.LeagueDay;
import schemas.MlFeatureStoreV2;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.SchemaCoders;
import schemas.TeamDefenseZoneAnalysis;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;

/** Every universe row ends as a feature row or a gap with its reason; a missing cache row is recomputed and flagged. */
public class BuildFeatureVectorsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private <T> PCollection<T> empty(Class<T> type) {
    return p.apply(type.getSimpleName(), Create.empty(SchemaCoders.of(type)));
  }

  @Test
  public void aFailingRowBecomesAGapAndTheOthersStillGetFeatures() throws Exception {
    String d = "2024-01-20";
    PlayerGameSummary before = AsOfTest.game("2024-01-18", 30, 12);
    UpcomingPlayerGameContext good = AsOfTest.context(d, "NYK");
    // A date no calendar has: the as-of computation cannot place it, and must not sink the day.
    UpcomingPlayerGameContext bad = good.toBuilder().setPlayerLookup("badrow").setPlayerId("2").setGameDate("2024-02-30").build();
    PCollection<UpcomingPlayerGameContext> context =
        p.apply("Context", Create.timestamped(
                TimestampedValue.of(good, GameDates.timestampOf(d)), TimestampedValue.of(bad, GameDates.timestampOf(d)))
            .withCoder(SchemaCoders.of(UpcomingPlayerGameContext.class)))
            .apply(Window.into(GameDates.dailyWindows()));
    History history =
        p.apply("Games", Create.of(before).withCoder(SchemaCoders.of(PlayerGameSummary.class)))
            .apply("HistoryViews", History.of(empty(TeamGameSummary.class), empty(ZoneGame.class), empty(LeagueDay.class)));
    // No cache rows at all: every player's cache is a miss, recomputed from history.
    DayTables tables =
        DayTables.of(
            empty(PlayerDailyCache.class).apply("CacheDaily", Window.into(GameDates.dailyWindows())),
            empty(PlayerShotZoneAnalysis.class).apply("ZonesDaily", Window.into(GameDates.dailyWindows())),
            empty(TeamDefenseZoneAnalysis.class).apply("TeamsDaily", Window.into(GameDates.dailyWindows())),
            history,
            FeatureRows.noOptionalFeeds(p));
    PCollectionTuple out = context.apply(new BuildFeatureVectors(tables));

    PAssert.that(out.get(BuildFeatureVectors.FEATURES)).satisfies(rows -> {
      int n = 0;
      for (MlFeatureStoreV2 r : rows) {
        n++;
        assertThat(r.getPlayerLookup(), equalTo("annexample"));
        assertThat(r.getCacheMissFallbackUsed(), equalTo(true));
        assertThat(r.getGamesPlayedSeason(), equalTo(1));
        assertThat(r.getIsQualityReady(), equalTo(false)); // one prior game, fewer than 5
      }
      assertThat(n, equalTo(1));
      return null;
    });
    PAssert.that(out.get(BuildFeatureVectors.GAPS)).satisfies(rows -> {
      int n = 0;
      for (FeatureStoreGap g : rows) {
        n++;
        assertThat(g.getPlayerLookup(), equalTo("badrow"));
        assertThat(g.getReason(), containsString("feature computation failed"));
      }
      assertThat(n, equalTo(1));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
