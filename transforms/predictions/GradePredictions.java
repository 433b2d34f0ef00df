package transforms.predictions;

import schemas.vocabulary.PlayerKeys;
import transforms.daily.GroupByDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.GradingSummary;
import schemas.PlayerGameSummary;
import schemas.PlayerPropPrediction;
import schemas.PredictionGrade;
import schemas.SchemaCoders;
import schemas.vocabulary.Markets;

/**
 * Phase 5B: each date's predictions against that date's box scores ({@code prediction_grades}), per market: the
 * actual value is the market's stats summed ({@link Markets#actual}), a pick whose actual equals its line is a PUSH,
 * a player who did not play is VOID, and each pick's profit is that of one unit staked at its recorded odds
 * ({@link Odds#profit}). Per date, market and system a {@code grading_summary}: MAE over the rows that have an
 * actual, the line's own MAE over the rows that have a line, the hit rate of the OVER/UNDER picks with its 95%
 * Wilson interval, and units staked, profit and ROI. A void row is counted, never averaged in.
 */
public final class GradePredictions extends PTransform<PCollection<PlayerPropPrediction>, PCollectionTuple> {
  public static final TupleTag<PredictionGrade> GRADES = new TupleTag<PredictionGrade>() {};
  public static final TupleTag<GradingSummary> SUMMARIES = new TupleTag<GradingSummary>() {};

  private final PCollection<PlayerGameSummary> boxScores;

  public GradePredictions(PCollection<PlayerGameSummary> boxScores) {
    this.boxScores = boxScores;
  }

  @Override
  public PCollectionTuple expand(PCollection<PlayerPropPrediction> predictions) {
    TupleTag<PlayerPropPrediction> p = new TupleTag<>();
    TupleTag<PlayerGameSummary> b = new TupleTag<>();
    PCollectionTuple out =
        KeyedPCollectionTuple.of(p, GroupByDate.keyedDaily("Predictions", predictions, PlayerPropPrediction::getGameDate))
            .and(b, GroupByDate.keyedDaily("BoxScores", boxScores, PlayerGameSummary::getGameDate))
            .apply("JoinDayBoxScores", CoGroupByKey.create())
            .apply("Grade", ParDo.of(new GradeDayFn(p, b)).withOutputTags(GRADES, TupleTagList.of(SUMMARIES)));
    out.get(GRADES).setCoder(SchemaCoders.of(PredictionGrade.class));
    out.get(SUMMARIES).setCoder(SchemaCoders.of(GradingSummary.class));
    return out;
  }

  /** WIN, LOSS or PUSH (actual == line) for an OVER/UNDER pick; NO_BET for PASS or without a line. */
  public static String outcome(String recommendation, @Nullable Double line, int actual) {
    if (recommendation.equals("PASS") || line == null) {
      return "NO_BET";
    }
    if (actual == line) {
      return "PUSH";
    }
    boolean over = actual > line;
    return over == recommendation.equals("OVER") ? "WIN" : "LOSS";
  }

  /** The 95% Wilson score interval of k successes in n trials; null when n is 0. */
  public static double @Nullable [] wilson(int k, int n) {
    if (n == 0) {
      return null;
    }
    double z = 1.959963984540054;
    double p = (double) k / n;
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** A prediction as an export/grade row, before or after its game: PENDING until graded. */
  public static PredictionGrade pending(PlayerPropPrediction p) {
    return PredictionGrade.builder()
        .setPlayerLookup(p.getPlayerLookup())
        .setPlayerId(p.getPlayerId())
        .setGameDate(p.getGameDate())
        .setMarket(p.getMarket())
        .setSystemId(p.getSystemId())
        .setLine(p.getLine())
        .setTeamAbbr(p.getTeamAbbr())
        .setOpponentTeamAbbr(p.getOpponentTeamAbbr())
        .setPredictedValue(p.getPredictedValue())
        .setRecommendation(p.getRecommendation())
        .setConfidence(p.getConfidence())
        .setPOver(p.getPOver())
        .setMarketPOver(p.getMarketPOver())
        .setOdds(p.getOdds())
        .setExpectedValue(p.getExpectedValue())
        .setOutcome("PENDING")
        .build();
  }

  /**
   * One prediction graded against the player's box score of the day (null: he has none with minutes): VOID when he
   * did not play, else the market's actual value, the error, the outcome and the profit at the pick's odds.
   */
  public static PredictionGrade grade(PlayerPropPrediction p, @Nullable PlayerGameSummary played) {
    PredictionGrade.Builder g = pending(p).toBuilder();
    if (played == null || played.getMinutes() <= 0) {
      return g.setOutcome("VOID").setProfit(0.0).setUngradeableReason("did_not_play").build();
    }
    Markets.Market market = Markets.of(p.getMarket());
    if (market == null) {
      throw new IllegalArgumentException("a prediction of market '" + p.getMarket() + "', which this build does not carry");
    }
    int actual = Markets.actual(market, played);
    String outcome = outcome(p.getRecommendation(), p.getLine(), actual);
    return g.setActualValue(actual)
        .setAbsoluteError(Math.abs(p.getPredictedValue() - actual))
        .setOutcome(outcome)
        .setProfit(profit(outcome, p.getOdds()))
        .build();
  }

  /** A settled pick's profit at its odds; 0 for what stakes nothing (NO_BET, VOID) or is refunded (PUSH). */
  static double profit(String outcome, @Nullable Double odds) {
    if (odds == null) {
      if (outcome.equals("WIN") || outcome.equals("LOSS")) {
        throw new IllegalArgumentException("an OVER/UNDER pick without odds cannot be settled");
      }
      return 0;
    }
    return Odds.profit(outcome, odds);
  }

  /** The summary of one date, market and system from its graded rows. */
  public static GradingSummary summarize(String date, String market, String system, List<PredictionGrade> rows) {
    int graded = 0;
    int voided = 0;
    int noLine = 0;
    int passes = 0;
    int wins = 0;
    int losses = 0;
    int pushes = 0;
    double errors = 0;
    int withLine = 0;
    double errorsWithLine = 0;
    double lineErrors = 0;
    List<BettingMetrics.Pick> picks = new ArrayList<>();
    double profit = 0;
    for (PredictionGrade g : rows) {
      if (g.getActualValue() == null) {
        voided++;
        continue;
      }
      graded++;
      errors += g.getAbsoluteError();
      if (g.getLine() == null) {
        noLine++;
      } else {
        withLine++;
        errorsWithLine += g.getAbsoluteError();
        lineErrors += Math.abs(g.getLine() - g.getActualValue());
      }
      switch (g.getOutcome()) {
        case "WIN":
          wins++;
          break;
        case "LOSS":
          losses++;
          break;
        case "PUSH":
          pushes++;
          break;
        default:
          if (g.getLine() != null) {
            passes++;
          }
      }
      if (g.getOdds() != null) {
        picks.add(new BettingMetrics.Pick(g.getOutcome(), g.getOdds()));
        profit += g.getProfit();
      }
    }
    double[] ci = wilson(wins, wins + losses);
    return GradingSummary.builder()
        .setGameDate(date)
        .setMarket(market)
        .setSystemId(system)
        .setPredictions(rows.size())
        .setGraded(graded)
        .setVoidDidNotPlay(voided)
        .setMae(graded == 0 ? null : errors / graded)
        .setGradedWithLine(withLine)
        .setMaeWithLine(withLine == 0 ? null : errorsWithLine / withLine)
        .setLineMae(withLine == 0 ? null : lineErrors / withLine)
        .setNoLine(noLine)
        .setPassesWithLine(passes)
        .setWins(wins)
        .setLosses(losses)
        .setPushes(pushes)
        .setHitRate(wins + losses == 0 ? null : (double) wins / (wins + losses))
        .setHitRateCiLow(ci == null ? null : ci[0])
        .setHitRateCiHigh(ci == null ? null : ci[1])
        .setStaked(wins + losses + pushes)
        .setProfit(profit)
        .setRoi(BettingMetrics.roi(picks))
        .build();
  }

  static final class GradeDayFn extends DoFn<KV<String, CoGbkResult>, PredictionGrade> {
    private final TupleTag<PlayerPropPrediction> predictions;
    private final TupleTag<PlayerGameSummary> boxScores;

    GradeDayFn(TupleTag<PlayerPropPrediction> predictions, TupleTag<PlayerGameSummary> boxScores) {
      this.predictions = predictions;
      this.boxScores = boxScores;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> day, MultiOutputReceiver out) {
      Map<String, PlayerGameSummary> played = new HashMap<>();
      for (PlayerGameSummary s : day.getValue().getAll(boxScores)) {
        if (s.getMinutes() > 0) {
          played.put(PlayerKeys.of(s.getPlayerId(), s.getPlayerLookup()), s);
        }
      }
      // market → system → rows
      Map<String, Map<String, List<PredictionGrade>>> byMarket = new TreeMap<>();
      for (PlayerPropPrediction p : day.getValue().getAll(predictions)) {
        PredictionGrade g = grade(p, played.get(PlayerKeys.of(p.getPlayerId(), p.getPlayerLookup())));
        Metrics.counter("grading", p.getMarket() + ":" + g.getOutcome()).inc();
        byMarket.computeIfAbsent(p.getMarket(), k -> new TreeMap<>())
            .computeIfAbsent(p.getSystemId(), k -> new ArrayList<>()).add(g);
        out.get(GRADES).output(g);
      }
      byMarket.forEach((market, bySystem) -> bySystem.forEach(
          (system, rows) -> out.get(SUMMARIES).output(summarize(day.getKey(), market, system, rows))));
    }
  }
}
