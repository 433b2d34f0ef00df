package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static transforms.features.FeatureRows.D;
import static transforms.features.FeatureRows.context;
import static transforms.features.FeatureRows.zones;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerShotZoneAnalysis;
import transforms.games.History;

/** One shot profile per context row, from the player's zone games of D's season before D. */
public class BuildPlayerShotZoneAnalysisTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void eachContextRowGetsItsPlayersShotMixBeforeTheDate() throws Exception {
    History history =
        FeatureRows.history(p, List.of(), List.of(),
            List.of(
                zones("annexample", "BOS", "NYK", "2023-03-01", 90, 90, 0, 0, 0, 0), // last season
                zones("annexample", "BOS", "NYK", "2024-01-10", 6, 4, 2, 1, 2, 0),
                zones("annexample", "BOS", "MIA", "2024-01-18", 4, 2, 0, 0, 6, 3),
                zones("annexample", "BOS", "NYK", D, 0, 0, 90, 90, 0, 0)), // D itself
            List.of());
    PCollection<PlayerShotZoneAnalysis> out =
        FeatureRows.context(p, context("annexample", D, "BOS", "NYK"), context("bobexample", D, "NYK", "BOS"))
            .apply(new BuildPlayerShotZoneAnalysis(history));

    PAssert.that(out).satisfies(rows -> {
      Map<String, PlayerShotZoneAnalysis> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getAnalysisDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      PlayerShotZoneAnalysis ann = by.get("annexample@2024-01-20");
      assertThat(ann.getSeason(), equalTo("2023-24"));
      assertThat(ann.getGamesInSample(), equalTo(2));
      assertThat(ann.getZoneFgaLast10(), equalTo(20));
      assertThat(ann.getPctPaint(), closeTo(0.5, 1e-12));
      assertThat(ann.getPctMidRange(), closeTo(0.1, 1e-12));
      assertThat(ann.getPctThree(), closeTo(0.4, 1e-12));
      assertThat(ann.getFgPctPaint(), closeTo(0.6, 1e-12));
      assertThat(ann.getFgPctMidRange(), closeTo(0.5, 1e-12));
      assertThat(ann.getFgPctThree(), closeTo(0.375, 1e-12));
      PlayerShotZoneAnalysis bob = by.get("bobexample@2024-01-20");
      assertThat(bob.getGamesInSample(), equalTo(0));
      assertThat(bob.getPctPaint(), nullValue());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
