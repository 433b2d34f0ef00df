package transforms.predictions;

import transforms.features.AsOfTest;
import transforms.features.FeatureContract;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.GradingSummary;
import schemas.MlFeatureStoreV2;
import schemas.PlayerPropPrediction;
import schemas.PredictionGrade;
import schemas.SchemaCoders;
import schemas.MarketLine;
import schemas.Rows;
import schemas.vocabulary.Markets;
import java.util.Map;

/** Phase 5 rules: who gets a prediction, PASS, grading outcomes, the hit-rate interval, model refusal. */
public class PredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /**
   * A feature row with these values (the others 1.0); with a points line at −110 both ways (snapshot 15:00Z) when
   * {@code line} is not null.
   */
  public static MlFeatureStoreV2 row(String player, boolean ready, double minutesLast10, Double line) {
    return rowWithLines(player, ready, minutesLast10, line == null ? List.of() : List.of(line(Markets.Market.POINTS, line, -110.0, -110.0)));
  }

  /** A consensus line of {@code market} as the feature row carries it, snapshot 15:00Z, opened half a point lower. */
  public static MarketLine line(Markets.Market market, double line, Double overOdds, Double underOdds) {
    return MarketLine.builder().setMarket(market.key()).setLine(line).setOpeningLine(line - 0.5).setOverOdds(overOdds)
        .setUnderOdds(underOdds).setBooksCount(3).setSnapshotTime("2024-01-20T15:00:00Z")
        .setOpeningSnapshotTime("2024-01-20T13:00:00Z").setGameTime("2024-01-21T00:30:00Z").build();
  }

  /** A feature row with these lines; its points block averages 20 / 18 / 16 over the last 5 / last 10 / season. */
  public static MlFeatureStoreV2 rowWithLines(String player, boolean ready, double minutesLast10, List<MarketLine> lines) {
    List<String> names = FeatureContract.names();
    List<Double> f = new ArrayList<>(Collections.nCopies(names.size(), 1.0));
    f.set(names.indexOf("pts_avg_last_5"), 20.0);
    f.set(names.indexOf("pts_avg_last_10"), 18.0);
    f.set(names.indexOf("pts_avg_season"), 16.0);
    f.set(names.indexOf("pts_std_last_10"), 5.0);
    f.set(names.indexOf("minutes_avg_last_10"), minutesLast10);
    MarketLine points = lines.stream().filter(l -> l.getMarket().equals(Markets.Market.POINTS.key())).findFirst().orElse(null);
    f.set(names.indexOf("pts_has_line"), points == null ? 0.0 : 1.0);
    f.set(names.indexOf("pts_line"), points == null ? 0.0 : points.getLine());
    List<String> sources = new ArrayList<>(Collections.nCopies(names.size(), FeatureContract.COMPUTED));
    if (points == null) {
      for (String vegas : List.of("pts_line", "pts_opening_line", "pts_line_move")) {
        sources.set(names.indexOf(vegas), FeatureContract.MISSING_OPTIONAL);
      }
    }
    return MlFeatureStoreV2.builder()
        .setPlayerLookup(player).setGameDate("2024-01-20").setSeason("2023-24").setTeamAbbr("BOS").setOpponentTeamAbbr("NYK")
        .setFeatureSchemaVersion(FeatureContract.VERSION).setFeatureCount(names.size()).setFeatureNames(names)
        .setFeatures(f).setFeatureSources(sources).setDefaultedFeatures(List.of())
        .setDefaultFeatureCount(0).setRequiredDefaultCount(0).setVegasDefaultCount(points == null ? 3 : 0)
        .setShotZoneMissingCount(0).setGameLineMissingCount(0).setMissingFeeds(List.of())
        .setGamesPlayedSeason(20).setIsQualityReady(ready).setFeatureQualityScore(100).setCacheMissFallbackUsed(false)
        .setDataQualityIssues(List.of()).setLineSnapshotTime(points == null ? null : points.getSnapshotTime())
        .setUniverseSource("played").setAsOf(AS_OF).setMarketLines(lines).build();
  }

  static final List<Markets.Market> POINTS = List.of(Markets.Market.POINTS);

  /** The rows' as-of instant: 17:00 US/Eastern, seven hours after their 15:00Z line. */
  static final String AS_OF = "2024-01-20T22:00:00Z";

  @Test
  public void predictionsAreAsOfTheirRowAndTheDataAgeIsMeasuredFromIt() {
    PCollection<PlayerPropPrediction> out =
        p.apply(Create.of(row("starter", true, 32, 17.5), row("noline", true, 15, null))
                .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
            .apply(new BuildPredictions(List.of(PredictionSystem.BASELINE), Calibration.none(), POINTS, 15, BetDecision.DEFAULT_MIN_EV));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getPlayerLookup() + "|" + r.getAsOf() + "|" + r.getFeatureDataAgeHours())))
        // with a line: from its 15:00Z snapshot; without: from the start of the date (05:00Z), the box scores'
        .containsInAnyOrder("starter|" + AS_OF + "|7.0", "noline|" + AS_OF + "|17.0");
    p.run().waitUntilFinish();
  }

  @Test
  public void theDataAgeIsNeverClamped() {
    MlFeatureStoreV2 r = row("starter", true, 32, 17.5);
    // as of 14:00Z, before the 15:00Z line it carries: a negative age must show, not read as fresh
    long asOf = java.time.Instant.parse("2024-01-20T14:00:00Z").toEpochMilli();
    assertThat(BuildPredictions.dataAgeHours(r, r.lineOf(Markets.Market.POINTS), asOf), equalTo(-1.0));
  }

  @Test
  public void onlyReadyRowsOfRotationPlayersArePredictedAndTheRestAreCounted() {
    PCollection<PlayerPropPrediction> out =
        p.apply(Create.of(
                row("starter", true, 32, 17.5), row("bench", true, 9, null), row("rookie", false, 30, 12.5),
                row("noline", true, 15, null))
                .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
            .apply(new BuildPredictions(List.of(PredictionSystem.BASELINE), Calibration.none(), POINTS, 15, BetDecision.DEFAULT_MIN_EV));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getPlayerLookup() + "|" + r.getRecommendation() + "|"
                + (r.getEdge() == null ? "null" : String.format("%.2f", r.getEdge())) + "|" + r.getPOver())))
        // baseline = 0.5·20 + 0.3·18 + 0.2·16 = 18.6; edge vs 17.5 = 1.1; without residuals, no P(over): PASS
        .containsInAnyOrder("starter|PASS|1.10|null", "noline|PASS|null|null");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(counter(result, "skipped_minutes_below_threshold"), equalTo(1L));
    assertThat(counter(result, "skipped_not_quality_ready"), equalTo(1L));
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults m = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.named("predictions", name)).build());
    long total = 0;
    for (var c : m.getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  @Test
  public void gradingWinsLosesPushesAndNeverAveragesAPlayerWhoDidNotPlay() {
    assertThat(GradePredictions.outcome("OVER", 20.5, 25), equalTo("WIN"));
    assertThat(GradePredictions.outcome("OVER", 20.5, 18), equalTo("LOSS"));
    assertThat(GradePredictions.outcome("UNDER", 20.5, 18), equalTo("WIN"));
    assertThat(GradePredictions.outcome("UNDER", 20.0, 20), equalTo("PUSH"));
    assertThat(GradePredictions.outcome("PASS", 20.5, 30), equalTo("NO_BET"));
    List<PredictionGrade> rows = List.of(
        grade("OVER", 20.5, 25, 24.0), grade("OVER", 20.5, 18, 24.0), grade("UNDER", 20.0, 20, 17.0),
        grade("PASS", null, 10, 12.0), GradePredictions.grade(Rows.prediction("out", "2024-01-20", "s", 20.5, 30, "OVER"), null));
    GradingSummary s = GradePredictions.summarize("2024-01-20", "player_points", "s", rows);
    assertThat(s.getPredictions(), equalTo(5));
    assertThat(s.getGraded(), equalTo(4));
    assertThat(s.getVoidDidNotPlay(), equalTo(1));
    assertThat(s.getMae(), closeTo((1 + 6 + 3 + 2) / 4.0, 1e-9));
    assertThat(s.getWins(), equalTo(1));
    assertThat(s.getLosses(), equalTo(1));
    assertThat(s.getPushes(), equalTo(1));
    assertThat(s.getNoLine(), equalTo(1));
    assertThat(s.getHitRate(), equalTo(0.5));
  }

  private static PredictionGrade grade(String rec, Double line, int actual, double predicted) {
    return GradePredictions.grade(Rows.prediction("p" + actual, "2024-01-20", "s", line, predicted, rec), played(actual));
  }

  private static schemas.PlayerGameSummary played(int points) {
    try {
      return AsOfTest.game("2024-01-20", 30, points);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  public void theHitRateIntervalIsWilsons() {
    double[] ci = GradePredictions.wilson(7, 10);
    assertThat(ci[0], closeTo(0.3968, 1e-4));
    assertThat(ci[1], closeTo(0.8922, 1e-4));
    assertThat(GradePredictions.wilson(0, 0), nullValue());
    double[] all = GradePredictions.wilson(20, 20);
    assertThat(all[1], equalTo(1.0));
    assertThat(all[0], lessThan(1.0));
  }

  @Test
  public void theModelTellsAnUnknownValueFromZero() {
    // Half the rows have no shot zones (NaN, what modelInput gives for a missing feed) and score 20; the other half
    // have a real 0 and score 5. A model fed the stored default would see the same number for both.
    int paint = FeatureContract.indexOf("pct_paint");
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] f = new double[FeatureContract.names().size()];
      java.util.Arrays.fill(f, 1.0);
      f[paint] = i % 2 == 0 ? Double.NaN : 0.0;
      x.add(f);
      y.add(i % 2 == 0 ? 20.0 : 5.0);
    }
    GbmModel.Params params = new GbmModel.Params();
    params.rounds = 200;
    params.eta = 0.3;
    GbmModel model = GbmModel.train(x, y, params);
    assertThat(model.predict(x.get(0)), closeTo(20.0, 0.5));
    assertThat(model.predict(x.get(1)), closeTo(5.0, 0.5));
  }

  /** A model of y = slope × (the value of every feature) + 1, on rows whose features are all 0..6. */
  public static GbmModel linearModel(double slope) {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] f = new double[FeatureContract.names().size()];
      java.util.Arrays.fill(f, i % 7);
      x.add(f);
      y.add(slope * (i % 7) + 1);
    }
    GbmModel.Params params = new GbmModel.Params();
    params.rounds = 200;
    return GbmModel.train(x, y, params);
  }

  private static double[] allFeatures(double v) {
    double[] f = new double[FeatureContract.names().size()];
    java.util.Arrays.fill(f, v);
    return f;
  }

  /**
   * A bundle saved and loaded: each market's model predicts the same, its blend weight and residuals (to 1e-4) come
   * back, P(over) from them is the same, and the meta names every market's file, relative to the bundle's folder.
   */
  @Test
  public void aBundleRoundTripsEveryMarketsModelWeightAndResiduals() throws Exception {
    Map<Markets.Market, ModelBundle.MarketFit> fits = new java.util.LinkedHashMap<>();
    double[] residuals = new double[40];
    for (int i = 0; i < residuals.length; i++) {
      residuals[i] = (i % 4) * 2 - 3 + 0.000_01 * i; // −3, −1, 1, 3, each 10 times (stored to 1e-4)
    }
    fits.put(Markets.Market.POINTS, new ModelBundle.MarketFit(linearModel(3), 0.62,
        Map.of(GbmModel.SYSTEM_ID, residuals, PredictionSystem.BASELINE_ID, new double[] {-1, 1}), null));
    fits.put(Markets.Market.REBOUNDS, new ModelBundle.MarketFit(linearModel(1), 0.0, Map.of(), null));
    ModelBundle bundle = ModelBundle.of("gbm_v1:test", "2024-01-01", "2024-01-31", fits);
    Path dir = tmp.newFolder("bundle").toPath();
    String path = dir.resolve("gbm_v1").toString();
    bundle.save(path, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("rows", 200));

    Path moved = tmp.newFolder("moved").toPath();
    for (String f : List.of("gbm_v1.meta.json", "gbm_v1.player_points.ubj", "gbm_v1.player_rebounds.ubj")) {
      Files.move(dir.resolve(f), moved.resolve(f)); // the meta names its files relative to its folder
    }
    ModelBundle back = ModelBundle.load(moved.resolve("gbm_v1").toString());
    assertThat(back.markets(), equalTo(java.util.EnumSet.of(Markets.Market.POINTS, Markets.Market.REBOUNDS)));
    assertThat(back.model(Markets.Market.POINTS).predict(allFeatures(5)), closeTo(3.0 * 5 + 1, 0.5));
    assertThat(back.model(Markets.Market.REBOUNDS).predict(allFeatures(5)), closeTo(1.0 * 5 + 1, 0.5));
    assertThat(back.model(Markets.Market.POINTS).predict(allFeatures(2)),
        equalTo(bundle.model(Markets.Market.POINTS).predict(allFeatures(2))));
    assertThat(back.blendWeight(Markets.Market.POINTS), equalTo(0.62));
    assertThat(back.blendWeight(Markets.Market.REBOUNDS), equalTo(0.0));
    assertThat(back.residuals(GbmModel.SYSTEM_ID, Markets.Market.POINTS)[39], closeTo(3.0004, 1e-12));
    assertThat(back.residuals(GbmModel.SYSTEM_ID, Markets.Market.REBOUNDS), nullValue());
    assertThat(back.trainedOn().toString(), equalTo(bundle.trainedOn().toString()));
    // residuals −3, −1, 1, 3: predicted 25 against 22.5 is over unless r = −3
    OverProbability.Chances c = back.calibration().chances(GbmModel.SYSTEM_ID, Markets.Market.POINTS, 25, 22.5);
    assertThat(c.over(), equalTo(0.75));
    assertThat(back.calibration().chances(GbmModel.SYSTEM_ID, Markets.Market.REBOUNDS, 25, 22.5), nullValue());
    assertThat("two baseline residuals: a normal, not shares", back.calibration()
        .chances(PredictionSystem.BASELINE_ID, Markets.Market.POINTS, 25, 24.5).over(), closeTo(0.6382, 1e-3));

    Path meta = moved.resolve("gbm_v1.meta.json");
    Files.writeString(meta, Files.readString(meta).replace(FeatureContract.VERSION, "v0_old"));
    IllegalArgumentException refused = null;
    try {
      ModelBundle.load(moved.resolve("gbm_v1").toString());
    } catch (IllegalArgumentException e) {
      refused = e;
    }
    assertThat(refused == null ? "" : refused.getMessage(), containsString("trained on feature contract 'v0_old'"));
  }
}
