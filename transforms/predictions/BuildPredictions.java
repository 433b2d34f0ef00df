package transforms.predictions;

import schemas.vocabulary.GameDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MlFeatureStoreV2;
import schemas.PlayerPropPrediction;
import schemas.SchemaCoders;

/**
 * {@code player_prop_predictions}: each system's points prediction for every feature row that is
 * quality-ready and whose player averages at least {@code minMinutes} over his last 10 games, with the
 * recommendation against the line. A row left out is counted by reason ({@code predictions:skipped_*}).
 */
public final class BuildPredictions extends PTransform<PCollection<MlFeatureStoreV2>, PCollection<PlayerPropPrediction>> {
  private final List<PredictionSystem> systems;
  private final double minMinutes;
  private final double passEdge;

  /**
   * Each prediction is made as of its feature row's {@code as_of} (the run's as-of instant for that row: a
   * same-day run's launch, a backfill's tip-off or {@code --asOfTime}, a line update's snapshot), so a replay
   * gives the rows the live run gave.
   *
   * @param passEdge below this |predicted − line|, the recommendation is PASS
   */
  public BuildPredictions(List<PredictionSystem> systems, double minMinutes, double passEdge) {
    this.systems = systems;
    this.minMinutes = minMinutes;
    this.passEdge = passEdge;
  }

  @Override
  public PCollection<PlayerPropPrediction> expand(PCollection<MlFeatureStoreV2> features) {
    return features.apply("Predict", ParDo.of(new PredictFn(this))).setCoder(SchemaCoders.of(PlayerPropPrediction.class));
  }

  /** Why a feature row gets no prediction (the counter's name), or null when it gets one. Train uses the same rule. */
  public static @Nullable String skipReason(MlFeatureStoreV2 row, double minMinutes) {
    if (!row.getIsQualityReady()) {
      return "skipped_not_quality_ready";
    }
    if (PredictionSystem.feature(row.getFeatures(), "minutes_avg_last_10") < minMinutes) {
      return "skipped_minutes_below_threshold";
    }
    return null;
  }

  /** OVER, UNDER or PASS: PASS without a line or when the edge is under the threshold. */
  public static String recommendation(@Nullable Double edge, double passEdge) {
    if (edge == null || Math.abs(edge) < passEdge) {
      return "PASS";
    }
    return edge > 0 ? "OVER" : "UNDER";
  }

  /** Φ(|edge| / σ) with σ ≥ 3 points: how often a normal error of the player's spread lands on the edge's side. */
  public static double confidence(@Nullable Double edge, double pointsStd, String recommendation) {
    if (edge == null || recommendation.equals("PASS")) {
      return 0.5;
    }
    return normalCdf(Math.abs(edge) / Math.max(3.0, pointsStd));
  }

  static double normalCdf(double z) {
    // Abramowitz and Stegun 26.2.17, |error| < 7.5e-8
    double t = 1 / (1 + 0.2316419 * Math.abs(z));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double upper = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    return z >= 0 ? 1 - upper : upper;
  }

  /**
   * Hours from the newest input behind the row (its line's snapshot, or the box scores complete at the start of its
   * date) to its as-of instant. Not clamped: the line is taken before the as-of by construction, so a negative age
   * can only mean a run as of a time before its date began, and it shows.
   */
  static double dataAgeHours(MlFeatureStoreV2 row, long asOfMillis) {
    long newest = LocalDate.parse(row.getGameDate()).atStartOfDay(GameDates.EASTERN).toInstant().toEpochMilli();
    if (row.getLineSnapshotTime() != null) {
      newest = Math.max(newest, Instant.parse(row.getLineSnapshotTime()).toEpochMilli());
    }
    return (asOfMillis - newest) / 3_600_000.0;
  }

  static final class PredictFn extends DoFn<MlFeatureStoreV2, PlayerPropPrediction> {
    private final List<PredictionSystem> systems;
    private final double minMinutes;
    private final double passEdge;

    PredictFn(BuildPredictions spec) {
      this.systems = spec.systems;
      this.minMinutes = spec.minMinutes;
      this.passEdge = spec.passEdge;
    }

    @ProcessElement
    public void process(@Element MlFeatureStoreV2 row, OutputReceiver<PlayerPropPrediction> out) {
      String skip = skipReason(row, minMinutes);
      if (skip != null) {
        Metrics.counter("predictions", skip).inc();
        return;
      }
      List<Double> f = row.getFeatures();
      Double line = PredictionSystem.feature(f, "pts_has_line") == 0 ? null : PredictionSystem.feature(f, "pts_line");
      if (row.getAsOf() == null) {
        throw new IllegalStateException(row.getPlayerLookup() + " " + row.getGameDate() + ": a feature row without as_of");
      }
      long predictedAt = Instant.parse(row.getAsOf()).toEpochMilli();
      for (PredictionSystem s : systems) {
        double predicted = s.predict(row);
        Double edge = line == null ? null : predicted - line;
        String rec = recommendation(edge, passEdge);
        Metrics.counter("predictions", s.id() + ":" + rec).inc();
        out.output(
            PlayerPropPrediction.builder()
                .setPlayerLookup(row.getPlayerLookup())
                .setPlayerId(row.getPlayerId())
                .setGameDate(row.getGameDate())
                .setSystemId(s.id())
                .setLine(line)
                .setTeamAbbr(row.getTeamAbbr())
                .setOpponentTeamAbbr(row.getOpponentTeamAbbr())
                .setPredictedPoints(predicted)
                .setEdge(edge)
                .setRecommendation(rec)
                .setConfidence(confidence(edge, PredictionSystem.feature(f, "pts_std_last_10"), rec))
                .setFeatureQualityScore(row.getFeatureQualityScore())
                .setFeatureDataAgeHours(dataAgeHours(row, predictedAt))
                .setModelVersion(s.version())
                .setFeatureSchemaVersion(row.getFeatureSchemaVersion())
                .setLineSnapshotTime(row.getLineSnapshotTime())
                .setAsOf(row.getAsOf())
                .build());
      }
    }
  }
}
