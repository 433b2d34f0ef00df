package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
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
import schemas.GradingSummary;
import schemas.PlayerGameSummary;
import schemas.PlayerPropPrediction;
import schemas.PredictionGrade;
import schemas.Rows;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;

/**
 * Each date's predictions against that date's box scores, per market: GRADES per prediction (the market's stats
 * summed; actual == line is a PUSH; a player who did not play, or has no box score, is VOID; profit at the pick's
 * odds) and SUMMARIES per date, market and system (a void row is counted, never averaged in).
 */
public class GradePredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  private static final String NEXT = "2024-01-21";

  /** One system's pick in a market, at {@code odds} (null: PASS). */
  static PlayerPropPrediction pick(String player, String date, String market, Double line, double predicted, String rec,
      Double odds) {
    return Rows.prediction(player, date, "ensemble_v1", line, predicted, rec).toBuilder()
        .setMarket(market).setOdds(odds).build();
  }

  /** Ann: 25 points, 6 rebounds, 4 assists (PRA 35). Bob: 12, 2, 1. */
  private static PlayerGameSummary ann() {
    return Rows.playerGame("ann", "BOS", "NYK", D, 34, 25).toBuilder().setReb(6).setDreb(6).setAst(4).build();
  }

  private static PlayerGameSummary bob() {
    return Rows.playerGame("bob", "BOS", "NYK", D, 22, 12).toBuilder().setReb(2).setDreb(2).setAst(1).build();
  }

  @Test
  public void gradesEachMarketAgainstItsOwnStatsAndSummarizesPerMarketAndSystem() {
    PCollection<PlayerPropPrediction> predictions = p.apply("Predictions", Create.timestamped(
            onItsDate(pick("ann", D, "player_points", 20.5, 24.0, "OVER", -110.0)), // 25: WIN +0.9091, error 1
            onItsDate(pick("ann", D, "player_rebounds", 8.5, 7.0, "UNDER", 120.0)), // 6: WIN +1.2, error 1
            onItsDate(pick("ann", D, "player_points_rebounds_assists", 36.5, 38.0, "OVER", -130.0)), // 35: LOSS, error 3
            onItsDate(pick("bob", D, "player_points", 12.0, 10.0, "UNDER", -110.0)), // 12: PUSH 0, error 2
            onItsDate(pick("bob", D, "player_rebounds", null, 3.0, "PASS", null)), // 2, no line: NO_BET, error 1
            onItsDate(pick("dnp", D, "player_points", 15.5, 18.0, "OVER", -110.0)), // 0 minutes: VOID
            onItsDate(pick("ann", NEXT, "player_points", 20.5, 22.0, "OVER", -110.0))) // no box scores yet: VOID
        .withCoder(SchemaCoders.of(PlayerPropPrediction.class)));
    PCollection<PlayerGameSummary> boxScores = p.apply("BoxScores", Create.timestamped(
            box(ann()), box(bob()),
            box(Rows.playerGame("dnp", "BOS", "NYK", D, 0, 0)),
            // Ann's game of the day before must not grade anything of D
            box(Rows.playerGame("ann", "BOS", "MIA", "2024-01-19", 30, 40)))
        .withCoder(SchemaCoders.of(PlayerGameSummary.class)));

    PCollectionTuple out = predictions.apply(new GradePredictions(boxScores));

    PAssert.that(out.get(GradePredictions.GRADES).apply("GradeText", MapElements.into(TypeDescriptors.strings())
            .via(g -> String.join("|", g.getGameDate(), g.getPlayerLookup(), g.getMarket(), g.getOutcome(),
                String.valueOf(g.getActualValue()), String.valueOf(g.getAbsoluteError()),
                g.getProfit() == null ? "null" : String.format("%.4f", g.getProfit()), String.valueOf(g.getUngradeableReason())))))
        .containsInAnyOrder(
            D + "|ann|player_points|WIN|25|1.0|0.9091|null",
            D + "|ann|player_rebounds|WIN|6|1.0|1.2000|null",
            D + "|ann|player_points_rebounds_assists|LOSS|35|3.0|-1.0000|null",
            D + "|bob|player_points|PUSH|12|2.0|0.0000|null",
            D + "|bob|player_rebounds|NO_BET|2|1.0|0.0000|null",
            D + "|dnp|player_points|VOID|null|null|0.0000|did_not_play",
            NEXT + "|ann|player_points|VOID|null|null|0.0000|did_not_play");
    PAssert.that(out.get(GradePredictions.SUMMARIES).apply("SummaryText", MapElements.into(TypeDescriptors.strings())
            .via(GradePredictionsTest::text)))
        .containsInAnyOrder(
            D + "|player_points|ensemble_v1|n=3|graded=2|void=1|mae=1.5|withLine=2|maeWithLine=1.5|lineMae=2.25|w/l/p=1/0/1"
                + "|noLine=0|hit=1.0|staked=2|profit=0.9091|roi=0.4545",
            D + "|player_rebounds|ensemble_v1|n=2|graded=2|void=0|mae=1.0|withLine=1|maeWithLine=1.0|lineMae=2.5|w/l/p=1/0/0"
                + "|noLine=1|hit=1.0|staked=1|profit=1.2000|roi=1.2000",
            D + "|player_points_rebounds_assists|ensemble_v1|n=1|graded=1|void=0|mae=3.0|withLine=1|maeWithLine=3.0|lineMae=1.5"
                + "|w/l/p=0/1/0|noLine=0|hit=0.0|staked=1|profit=-1.0000|roi=-1.0000",
            NEXT + "|player_points|ensemble_v1|n=1|graded=0|void=1|mae=null|withLine=0|maeWithLine=null|lineMae=null|w/l/p=0/0/0"
                + "|noLine=0|hit=null|staked=0|profit=0.0000|roi=null");
    p.run().waitUntilFinish();
  }

  private static String text(GradingSummary s) {
    return String.join("|", s.getGameDate(), s.getMarket(), s.getSystemId(), "n=" + s.getPredictions(),
        "graded=" + s.getGraded(), "void=" + s.getVoidDidNotPlay(), "mae=" + s.getMae(), "withLine=" + s.getGradedWithLine(),
        "maeWithLine=" + s.getMaeWithLine(), "lineMae=" + s.getLineMae(),
        "w/l/p=" + s.getWins() + "/" + s.getLosses() + "/" + s.getPushes(), "noLine=" + s.getNoLine(), "hit=" + s.getHitRate(),
        "staked=" + s.getStaked(), "profit=" + String.format("%.4f", s.getProfit()),
        "roi=" + (s.getRoi() == null ? "null" : String.format("%.4f", s.getRoi())));
  }

  /**
   * ROI is profit over units staked at each pick's own price: a push is staked and returned, a void and a PASS stake
   * nothing. Four picks: +150 won (+1.5), −200 won (+0.5), −110 lost (−1), a push (0): 1.0 over 4 units.
   */
  @Test
  public void theSummarysRoiIsProfitAtEachPicksOddsOverUnitsStaked() {
    List<PredictionGrade> rows = List.of(
        GradePredictions.grade(pick("a", D, "player_points", 20.5, 24.0, "OVER", 150.0), game("a", 25)),
        GradePredictions.grade(pick("b", D, "player_points", 20.5, 18.0, "UNDER", -200.0), game("b", 12)),
        GradePredictions.grade(pick("c", D, "player_points", 20.5, 24.0, "OVER", -110.0), game("c", 10)),
        GradePredictions.grade(pick("d", D, "player_points", 20.0, 24.0, "OVER", -110.0), game("d", 20)),
        GradePredictions.grade(pick("e", D, "player_points", 20.5, 24.0, "OVER", -110.0), null),
        GradePredictions.grade(pick("f", D, "player_points", 20.5, 21.0, "PASS", null), game("f", 30)));
    GradingSummary s = GradePredictions.summarize(D, "player_points", "ensemble_v1", rows);
    assertThat(s.getStaked(), equalTo(4));
    assertThat(s.getProfit(), closeTo(1.5 + 0.5 - 1, 1e-9));
    assertThat(s.getRoi(), closeTo(1.0 / 4, 1e-9));
    assertThat(s.getWins() + "/" + s.getLosses() + "/" + s.getPushes(), equalTo("2/1/1"));
    assertThat(s.getHitRate(), closeTo(2 / 3.0, 1e-9));
    assertThat(s.getVoidDidNotPlay(), equalTo(1));
    assertThat(s.getPassesWithLine(), equalTo(1));
    // the line's MAE on the same five graded rows: |20.5−25| + |20.5−12| + |20.5−10| + |20−20| + |20.5−30|
    assertThat(s.getLineMae(), closeTo((4.5 + 8.5 + 10.5 + 0 + 9.5) / 5, 1e-9));
    GradingSummary none = GradePredictions.summarize(D, "player_points", "ensemble_v1", rows.subList(4, 6));
    assertThat(none.getStaked(), equalTo(0));
    assertThat(none.getRoi(), nullValue());
  }

  private static PlayerGameSummary game(String player, int points) {
    return Rows.playerGame(player, "BOS", "NYK", D, 30, points);
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
