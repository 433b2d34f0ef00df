package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricsFilter;
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
import schemas.vocabulary.Markets;

/**
 * Each system's prediction of each market for every eligible row, priced against the market's line: P(over) from
 * the system's residuals, the de-vigged market, and the call by expected value at the offered odds, computed here by
 * hand. Who is skipped, and the skip counters, are in {@link PredictionsTest}.
 */
public class BuildPredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** A system that always says 25. */
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
    public double predict(MlFeatureStoreV2 row, Markets.Market market) {
      return 25;
    }
  };

  private static final Markets.Market POINTS = Markets.Market.POINTS;

  /** fixed_25's residuals in points: −3, −1, 1, 3, ten times each (40: the empirical shares are used). */
  static Calibration calibration() {
    double[] r = new double[40];
    for (int i = 0; i < r.length; i++) {
      r[i] = (i % 4) * 2 - 3;
    }
    return Calibration.of(Map.of(TWENTY_FIVE.id(), Map.of(POINTS, r, Markets.Market.REBOUNDS, r)));
  }

  private static String text(PlayerPropPrediction r) {
    return String.join("|", r.getPlayerLookup(), r.getMarket(), r.getSystemId(), String.valueOf(r.getLine()),
        String.format("%.1f", r.getPredictedValue()), "p=" + r.getPOver() + "/" + r.getPUnder() + "/" + r.getPPush(),
        "market=" + (r.getMarketPOver() == null ? "null" : String.format("%.4f", r.getMarketPOver())),
        r.getRecommendation(), "odds=" + r.getOdds(),
        "ev=" + (r.getExpectedValue() == null ? "null" : String.format("%.4f", r.getExpectedValue())),
        "conf=" + r.getConfidence(), "snap=" + r.getLineSnapshotTime());
  }

  /**
   * By hand, with fixed_25 and residuals −3, −1, 1, 3 (a quarter each):
   * <ul>
   *   <li>22.5 at −110/−110: over unless r = −3, P = 0.75/0.25; EV(over) = 0.75 × 100/110 − 0.25 = 0.4318 ≥ 0.03: OVER;
   *   <li>27.5 at +120/−150: under unless r = 3, P = 0.25/0.75; EV(under) = 0.75 × 100/150 − 0.25 = 0.25, EV(over) =
   *       0.25 × 1.2 − 0.75 < 0: UNDER at −150; the market's P(over) = (100/220) / (100/220 + 150/250) = 0.4310;
   *   <li>22.5 with no under price: the same chances, but a one-sided offer is not priced: PASS, no odds, no EV;
   *   <li>24.5 at −110/−110: P = 0.5/0.5, each side's EV −0.0455: PASS with its chances;
   *   <li>no points line: PASS, nothing priced.
   * </ul>
   * The baseline has no residuals here: every row of it is PASS without P(over), whatever its line.
   */
  @Test
  public void eachMarketIsPricedAgainstItsLineAndCalledByExpectedValueAtTheOfferedOdds() {
    PCollection<MlFeatureStoreV2> rows = p.apply(Create.of(
            PredictionsTest.rowWithLines("over", true, 32, List.of(PredictionsTest.line(POINTS, 22.5, -110.0, -110.0))),
            PredictionsTest.rowWithLines("under", true, 32, List.of(PredictionsTest.line(POINTS, 27.5, 120.0, -150.0))),
            PredictionsTest.rowWithLines("oneprice", true, 32, List.of(PredictionsTest.line(POINTS, 22.5, -110.0, null))),
            PredictionsTest.rowWithLines("thin", true, 32, List.of(PredictionsTest.line(POINTS, 24.5, -110.0, -110.0))),
            PredictionsTest.rowWithLines("noline", true, 32, List.of()),
            PredictionsTest.rowWithLines("resting", false, 32, List.of(PredictionsTest.line(POINTS, 22.5, -110.0, -110.0))))
        .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)));
    PCollection<PlayerPropPrediction> out = rows.apply(new BuildPredictions(
        List.of(PredictionSystem.BASELINE, TWENTY_FIVE), calibration(), List.of(POINTS), 15, BetDecision.DEFAULT_MIN_EV));
    String snap = "snap=2024-01-20T15:00:00Z";
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings()).via(BuildPredictionsTest::text))).containsInAnyOrder(
        "over|player_points|fixed_25|22.5|25.0|p=0.75/0.25/0.0|market=0.5000|OVER|odds=-110.0|ev=0.4318|conf=0.75|" + snap,
        "under|player_points|fixed_25|27.5|25.0|p=0.25/0.75/0.0|market=0.4310|UNDER|odds=-150.0|ev=0.2500|conf=0.75|" + snap,
        "oneprice|player_points|fixed_25|22.5|25.0|p=0.75/0.25/0.0|market=null|PASS|odds=null|ev=null|conf=null|" + snap,
        "thin|player_points|fixed_25|24.5|25.0|p=0.5/0.5/0.0|market=0.5000|PASS|odds=null|ev=null|conf=null|" + snap,
        "noline|player_points|fixed_25|null|25.0|p=null/null/null|market=null|PASS|odds=null|ev=null|conf=null|snap=null",
        "over|player_points|baseline_avg_v1|22.5|18.6|p=null/null/null|market=0.5000|PASS|odds=null|ev=null|conf=null|" + snap,
        "under|player_points|baseline_avg_v1|27.5|18.6|p=null/null/null|market=0.4310|PASS|odds=null|ev=null|conf=null|" + snap,
        "oneprice|player_points|baseline_avg_v1|22.5|18.6|p=null/null/null|market=null|PASS|odds=null|ev=null|conf=null|" + snap,
        "thin|player_points|baseline_avg_v1|24.5|18.6|p=null/null/null|market=0.5000|PASS|odds=null|ev=null|conf=null|" + snap,
        "noline|player_points|baseline_avg_v1|null|18.6|p=null/null/null|market=null|PASS|odds=null|ev=null|conf=null|snap=null");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(counter(result, "player_points:fixed_25:OVER"), equalTo(1L));
    assertThat(counter(result, "player_points:fixed_25:UNDER"), equalTo(1L));
    assertThat(counter(result, "player_points:fixed_25:PASS"), equalTo(3L));
    assertThat(counter(result, "player_points:baseline_avg_v1:PASS"), equalTo(5L));
    assertThat("a row of each system", counter(result, "player_points:no_line"), equalTo(2L));
    assertThat(counter(result, "player_points:unpriced"), equalTo(1L));
    assertThat("the baseline's four rows with a line", counter(result, "player_points:uncalibrated"), equalTo(4L));
  }

  /**
   * One row, three markets: each priced against its own line and odds (the same residuals here, so the calls are the
   * hand-computed ones above), and a market the row has no line in is a PASS with nothing priced.
   */
  @Test
  public void eachMarketOfARowIsPricedAgainstItsOwnLineAndAMarketWithoutOneIsAPass() {
    PCollection<MlFeatureStoreV2> rows = p.apply(Create.of(PredictionsTest.rowWithLines("two", true, 32, List.of(
                PredictionsTest.line(POINTS, 22.5, -110.0, -110.0),
                PredictionsTest.line(Markets.Market.REBOUNDS, 27.5, 120.0, -150.0))))
        .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)));
    PCollection<PlayerPropPrediction> out = rows.apply(new BuildPredictions(List.of(TWENTY_FIVE), calibration(),
        List.of(POINTS, Markets.Market.REBOUNDS, Markets.Market.THREES), 15, BetDecision.DEFAULT_MIN_EV));
    String snap = "snap=2024-01-20T15:00:00Z";
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings()).via(BuildPredictionsTest::text))).containsInAnyOrder(
        "two|player_points|fixed_25|22.5|25.0|p=0.75/0.25/0.0|market=0.5000|OVER|odds=-110.0|ev=0.4318|conf=0.75|" + snap,
        "two|player_rebounds|fixed_25|27.5|25.0|p=0.25/0.75/0.0|market=0.4310|UNDER|odds=-150.0|ev=0.2500|conf=0.75|" + snap,
        "two|player_threes|fixed_25|null|25.0|p=null/null/null|market=null|PASS|odds=null|ev=null|conf=null|snap=null");
    p.run().waitUntilFinish();
  }

  static long counter(PipelineResult result, String name) {
    long total = 0;
    for (var c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("predictions", name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  /** A line update's row is as of its snapshot: the prediction is too, and the line is 0 hours old. */
  @Test
  public void aRowBuiltAtItsLineSnapshotIsPredictedThere() {
    MlFeatureStoreV2 update = PredictionsTest.row("withline", true, 32, 17.5).toBuilder().setAsOf("2024-01-20T15:00:00Z").build();
    PCollection<String> out = p.apply(Create.of(update).withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
        .apply(new BuildPredictions(List.of(TWENTY_FIVE), calibration(), List.of(POINTS), 15, BetDecision.DEFAULT_MIN_EV))
        .apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getRecommendation() + "|age=" + r.getFeatureDataAgeHours() + "|as of " + r.getAsOf()));
    // 25 against 17.5: over whatever the residual, at −110: EV 100/110 = 0.909
    PAssert.that(out).containsInAnyOrder("OVER|age=0.0|as of 2024-01-20T15:00:00Z");
    p.run().waitUntilFinish();
  }
}
