package transforms.predictions;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerGameSummary;
import schemas.PlayerPropPrediction;
import schemas.Rows;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;

/**
 * Each date's predictions against that date's box scores: GRADES per prediction (a player who did not play, or
 * has no box score, is UNGRADEABLE) and SUMMARIES per date and system (he is counted, never averaged in).
 */
public class GradePredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  private static final String NEXT = "2024-01-21";

  @Test
  public void gradesEachPredictionAgainstItsOwnDatesBoxScoreAndSummarizesPerSystem() {
    PCollection<PlayerPropPrediction> predictions = p.apply("Predictions", Create.timestamped(
            onItsDate(Rows.prediction("ann", D, "baseline", 20.5, 24.0, "OVER")), // 25 points: WIN, error 1
            onItsDate(Rows.prediction("ann", D, "gbm", 20.5, 18.0, "UNDER")), // LOSS, error 7
            onItsDate(Rows.prediction("bob", D, "baseline", 12.0, 10.0, "UNDER")), // 12 points: PUSH, error 2
            onItsDate(Rows.prediction("bob", D, "gbm", null, 13.0, "PASS")), // no line: NO_BET, error 1
            onItsDate(Rows.prediction("dnp", D, "baseline", 15.5, 18.0, "OVER")), // 0 minutes: UNGRADEABLE
            onItsDate(Rows.prediction("ann", NEXT, "baseline", 20.5, 22.0, "OVER"))) // no box scores yet that date
        .withCoder(SchemaCoders.of(PlayerPropPrediction.class)));
    PCollection<PlayerGameSummary> boxScores = p.apply("BoxScores", Create.timestamped(
            box(Rows.playerGame("ann", "BOS", "NYK", D, 34, 25)),
            box(Rows.playerGame("bob", "BOS", "NYK", D, 22, 12)),
            box(Rows.playerGame("dnp", "BOS", "NYK", D, 0, 0)),
            // Ann's game of the day before must not grade anything of D
            box(Rows.playerGame("ann", "BOS", "MIA", "2024-01-19", 30, 40)))
        .withCoder(SchemaCoders.of(PlayerGameSummary.class)));

    PCollectionTuple out = predictions.apply(new GradePredictions(boxScores));

    PAssert.that(out.get(GradePredictions.GRADES).apply("GradeText", MapElements.into(TypeDescriptors.strings())
            .via(g -> String.join("|", g.getGameDate(), g.getPlayerLookup(), g.getSystemId(), g.getOutcome(),
                String.valueOf(g.getActualPoints()), String.valueOf(g.getAbsoluteError()), String.valueOf(g.getUngradeableReason())))))
        .containsInAnyOrder(
            D + "|ann|baseline|WIN|25|1.0|null",
            D + "|ann|gbm|LOSS|25|7.0|null",
            D + "|bob|baseline|PUSH|12|2.0|null",
            D + "|bob|gbm|NO_BET|12|1.0|null",
            D + "|dnp|baseline|UNGRADEABLE|null|null|did_not_play",
            NEXT + "|ann|baseline|UNGRADEABLE|null|null|did_not_play");
    PAssert.that(out.get(GradePredictions.SUMMARIES).apply("SummaryText", MapElements.into(TypeDescriptors.strings())
            .via(s -> String.join("|", s.getGameDate(), s.getSystemId(), "n=" + s.getPredictions(), "graded=" + s.getGraded(),
                "dnp=" + s.getUngradeableDidNotPlay(), "mae=" + s.getMae(), "w/l/p=" + s.getWins() + "/" + s.getLosses() + "/"
                    + s.getPushes(), "noLine=" + s.getNoLine(), "hit=" + s.getHitRate()))))
        .containsInAnyOrder(
            D + "|baseline|n=3|graded=2|dnp=1|mae=1.5|w/l/p=1/0/1|noLine=0|hit=1.0",
            D + "|gbm|n=2|graded=2|dnp=0|mae=4.0|w/l/p=0/1/0|noLine=1|hit=0.0",
            NEXT + "|baseline|n=1|graded=0|dnp=1|mae=null|w/l/p=0/0/0|noLine=0|hit=null");
    p.run().waitUntilFinish();
  }

  /** A box score as ReadInputs gives it: stamped with its game date. */
  private static TimestampedValue<PlayerGameSummary> box(PlayerGameSummary s) {
    return TimestampedValue.of(s, GameDates.timestampOf(s.getGameDate()));
  }

  /** A prediction as BuildPredictions gives it: at its feature row's time, the start of its game date. */
  private static TimestampedValue<PlayerPropPrediction> onItsDate(PlayerPropPrediction r) {
    return TimestampedValue.of(r, GameDates.timestampOf(r.getGameDate()));
  }
}
