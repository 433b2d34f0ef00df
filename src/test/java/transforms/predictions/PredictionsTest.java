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

/** Phase 5 rules: who gets a prediction, PASS, grading outcomes, the hit-rate interval, model refusal. */
public class PredictionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** A feature row with these values (the others 1.0); a line when {@code line} is not null. */
  public static MlFeatureStoreV2 row(String player, boolean ready, double minutesLast10, Double line) {
    List<String> names = FeatureContract.names();
    List<Double> f = new ArrayList<>(Collections.nCopies(names.size(), 1.0));
    f.set(names.indexOf("pts_avg_last_5"), 20.0);
    f.set(names.indexOf("pts_avg_last_10"), 18.0);
    f.set(names.indexOf("pts_avg_season"), 16.0);
    f.set(names.indexOf("pts_std_last_10"), 5.0);
    f.set(names.indexOf("minutes_avg_last_10"), minutesLast10);
    f.set(names.indexOf("pts_has_line"), line == null ? 0.0 : 1.0);
    f.set(names.indexOf("pts_line"), line == null ? 0.0 : line);
    List<String> sources = new ArrayList<>(Collections.nCopies(names.size(), FeatureContract.COMPUTED));
    if (line == null) {
      for (String vegas : List.of("pts_line", "pts_opening_line", "pts_line_move")) {
        sources.set(names.indexOf(vegas), FeatureContract.MISSING_OPTIONAL);
      }
    }
    return MlFeatureStoreV2.builder()
        .setPlayerLookup(player).setGameDate("2024-01-20").setSeason("2023-24").setTeamAbbr("BOS").setOpponentTeamAbbr("NYK")
        .setFeatureSchemaVersion(FeatureContract.VERSION).setFeatureCount(names.size()).setFeatureNames(names)
        .setFeatures(f).setFeatureSources(sources).setDefaultedFeatures(List.of())
        .setDefaultFeatureCount(0).setRequiredDefaultCount(0).setVegasDefaultCount(line == null ? 3 : 0)
        .setShotZoneMissingCount(0).setGameLineMissingCount(0).setMissingFeeds(List.of())
        .setGamesPlayedSeason(20).setIsQualityReady(ready).setFeatureQualityScore(100).setCacheMissFallbackUsed(false)
        .setDataQualityIssues(List.of()).setLineSnapshotTime(line == null ? null : "2024-01-20T15:00:00Z")
        .setUniverseSource("played").setAsOf(AS_OF).build();
  }

  /** The rows' as-of instant: 17:00 US/Eastern, seven hours after their 15:00Z line. */
  static final String AS_OF = "2024-01-20T22:00:00Z";

  @Test
  public void predictionsAreAsOfTheirRowAndTheDataAgeIsMeasuredFromIt() {
    PCollection<PlayerPropPrediction> out =
        p.apply(Create.of(row("starter", true, 32, 17.5), row("noline", true, 15, null))
                .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
            .apply(new BuildPredictions(List.of(PredictionSystem.BASELINE), 15, 1.5));
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
    assertThat(BuildPredictions.dataAgeHours(r, asOf), equalTo(-1.0));
  }

  @Test
  public void onlyReadyRowsOfRotationPlayersArePredictedAndTheRestAreCounted() {
    PCollection<PlayerPropPrediction> out =
        p.apply(Create.of(
                row("starter", true, 32, 17.5), row("bench", true, 9, null), row("rookie", false, 30, 12.5),
                row("noline", true, 15, null))
                .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)))
            .apply(new BuildPredictions(List.of(PredictionSystem.BASELINE), 15, 1.5));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(r -> r.getPlayerLookup() + "|" + r.getRecommendation() + "|"
                + (r.getEdge() == null ? "null" : String.format("%.2f", r.getEdge())))))
        // baseline = 0.5·20 + 0.3·18 + 0.2·16 = 18.6; edge vs 17.5 = 1.1 < 1.5: PASS; no line: PASS, null edge
        .containsInAnyOrder("starter|PASS|1.10", "noline|PASS|null");
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
  public void passWithoutALineOrUnderTheThresholdElseTheEdgesSide() {
    assertThat(BuildPredictions.recommendation(null, 1.5), equalTo("PASS"));
    assertThat(BuildPredictions.recommendation(1.49, 1.5), equalTo("PASS"));
    assertThat(BuildPredictions.recommendation(-1.49, 1.5), equalTo("PASS"));
    assertThat(BuildPredictions.recommendation(1.5, 1.5), equalTo("OVER"));
    assertThat(BuildPredictions.recommendation(-3.0, 1.5), equalTo("UNDER"));
    assertThat(BuildPredictions.confidence(null, 5, "PASS"), equalTo(0.5));
    assertThat(BuildPredictions.confidence(5.0, 5, "OVER"), closeTo(0.8413, 1e-4)); // Φ(1)
    assertThat(BuildPredictions.confidence(-3.0, 1, "UNDER"), closeTo(0.8413, 1e-4)); // σ floored at 3
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
        grade("PASS", null, 10, 12.0), PredictionGrade.builder().setPlayerLookup("out").setGameDate("2024-01-20")
            .setSystemId("s").setTeamAbbr("BOS").setOpponentTeamAbbr("NYK").setPredictedPoints(30).setRecommendation("OVER")
            .setLine(20.5).setConfidence(0.9).setOutcome("UNGRADEABLE").setUngradeableReason("did_not_play").build());
    GradingSummary s = GradePredictions.summarize("2024-01-20", "s", rows);
    assertThat(s.getPredictions(), equalTo(5));
    assertThat(s.getGraded(), equalTo(4));
    assertThat(s.getUngradeableDidNotPlay(), equalTo(1));
    assertThat(s.getMae(), closeTo((1 + 6 + 3 + 2) / 4.0, 1e-9));
    assertThat(s.getWins(), equalTo(1));
    assertThat(s.getLosses(), equalTo(1));
    assertThat(s.getPushes(), equalTo(1));
    assertThat(s.getNoLine(), equalTo(1));
    assertThat(s.getHitRate(), equalTo(0.5));
  }

  private static PredictionGrade grade(String rec, Double line, int actual, double predicted) {
    PlayerPropPrediction p = PlayerPropPrediction.builder()
        .setPlayerLookup("p" + actual).setGameDate("2024-01-20").setSystemId("s").setLine(line).setTeamAbbr("BOS")
        .setOpponentTeamAbbr("NYK").setPredictedPoints(predicted).setEdge(line == null ? null : predicted - line)
        .setRecommendation(rec).setConfidence(0.6).setFeatureQualityScore(100).setFeatureDataAgeHours(12)
        .setModelVersion("m").setFeatureSchemaVersion(FeatureContract.VERSION).build();
    return GradePredictions.grade(p, played(actual));
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
    GbmModel model = GbmModel.train(x, y, params, "nan-model");
    assertThat(model.predict(x.get(0)), closeTo(20.0, 0.5));
    assertThat(model.predict(x.get(1)), closeTo(5.0, 0.5));
  }

  @Test
  public void aModelOfAnotherFeatureContractIsRefused() throws Exception {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] f = new double[FeatureContract.names().size()];
      java.util.Arrays.fill(f, i % 7);
      x.add(f);
      y.add(3.0 * (i % 7) + 1);
    }
    GbmModel.Params params = new GbmModel.Params();
    params.rounds = 200;
    GbmModel model = GbmModel.train(x, y, params, "test-model");
    Path file = tmp.getRoot().toPath().resolve("m.ubj");
    model.save(file.toString(), new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
    GbmModel back = GbmModel.load(file.toString());
    assertThat(back.predict(x.get(5)), closeTo(3.0 * 5 + 1, 0.5));

    Path meta = Path.of(file + ".meta.json");
    Files.writeString(meta, Files.readString(meta).replace(FeatureContract.VERSION, "v0_old"));
    IllegalArgumentException refused = null;
    try {
      GbmModel.load(file.toString());
    } catch (IllegalArgumentException e) {
      refused = e;
    }
    assertThat(refused == null ? "" : refused.getMessage(), containsString("trained on feature contract 'v0_old'"));
  }
}
