package transforms.predictions;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.MlFeatureStoreV2;
import schemas.PlayerPropPrediction;
import schemas.SchemaCoders;

/**
 * One row per system for each predicted feature row, the recommendation against the line, and the row's as-of
 * instant, from which the data's age is measured.
 * Who is skipped, and the counters, are in {@link PredictionsTest}.
 */
public class BuildPredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** A system that always says 25 points. */
  static final PredictionSystem TWENTY_FIVE = new PredictionSystem() {
    @Override
    public String id() {
      return "fixed_25";
    }

    @Override
    public String version() {
      return "fixed_25_v0";
    }

    @Override
    public double predict(schemas.MlFeatureStoreV2 row) {
      return 25;
    }
  };

  private static final List<PredictionSystem> SYSTEMS = List.of(PredictionSystem.BASELINE, TWENTY_FIVE);

  private PCollection<String> predict(BuildPredictions predictions) {
    return p.apply(Create.of(
                // the line's snapshot is 15:00Z = 10:00 US/Eastern on 2024-01-20
                PredictionsTest.row("withline", true, 32, 17.5),
                PredictionsTest.row("noline", true, 32, null),
                PredictionsTest.row("resting", false, 32, 20.5))
            .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
        .apply(predictions)
        .apply(MapElements.into(TypeDescriptors.strings()).via(BuildPredictionsTest::text));
  }

  private static String text(PlayerPropPrediction r) {
    return String.join("|", r.getPlayerLookup(), r.getSystemId(), r.getModelVersion(), String.valueOf(r.getLine()),
        String.format("%.1f", r.getPredictedPoints()), r.getRecommendation(), String.format("age=%.1f", r.getFeatureDataAgeHours()),
        String.valueOf(r.getLineSnapshotTime()), "as of " + r.getAsOf());
  }

  @Test
  public void eachSystemPredictsEveryReadyRowAsOfItsRow() {
    // baseline 18.6 vs 17.5: edge 1.1 < 1.5, PASS; fixed 25 vs 17.5: OVER; no line: PASS for both; not ready: none.
    // The rows are as of 22:00Z: 7 h after the line's 15:00Z snapshot, 17 h after the start of the game date.
    PAssert.that(predict(new BuildPredictions(SYSTEMS, 15, 1.5))).containsInAnyOrder(
        "withline|baseline_avg_v1|baseline_avg_v1|17.5|18.6|PASS|age=7.0|2024-01-20T15:00:00Z|as of " + PredictionsTest.AS_OF,
        "withline|fixed_25|fixed_25_v0|17.5|25.0|OVER|age=7.0|2024-01-20T15:00:00Z|as of " + PredictionsTest.AS_OF,
        "noline|baseline_avg_v1|baseline_avg_v1|null|18.6|PASS|age=17.0|null|as of " + PredictionsTest.AS_OF,
        "noline|fixed_25|fixed_25_v0|null|25.0|PASS|age=17.0|null|as of " + PredictionsTest.AS_OF);
    p.run().waitUntilFinish();
  }

  @Test
  public void aRowBuiltAtItsLineSnapshotIsPredictedThere() {
    // a line update's row is as of its snapshot: the prediction is too, and the line is 0 hours old
    MlFeatureStoreV2 update = PredictionsTest.row("withline", true, 32, 17.5).toBuilder().setAsOf("2024-01-20T15:00:00Z").build();
    PCollection<String> out = p.apply(Create.of(update).withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
        .apply(new BuildPredictions(List.of(TWENTY_FIVE), 15, 10.0))
        .apply(MapElements.into(TypeDescriptors.strings()).via(BuildPredictionsTest::text));
    PAssert.that(out).containsInAnyOrder(
        "withline|fixed_25|fixed_25_v0|17.5|25.0|PASS|age=0.0|2024-01-20T15:00:00Z|as of 2024-01-20T15:00:00Z");
    p.run().waitUntilFinish();
  }
}
