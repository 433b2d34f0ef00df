package transforms.predictions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MarketLine;
import schemas.MlFeatureStoreV2;
import schemas.PlayerPropPrediction;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;
import schemas.vocabulary.Markets;

/**
 * {@code player_prop_predictions}: for every feature row that is quality-ready and whose player averages at least
 * {@code minMinutes} over his last 10 games, each system's prediction of each market's stat, priced against that
 * market's line ({@link MlFeatureStoreV2#lineOf}): P(over/under/push) from the system's out-of-sample residuals in
 * the market ({@link Calibration}), the market's de-vigged P(over) ({@link Odds#devig}), and OVER / UNDER / PASS by
 * expected value at the offered price ({@link BetDecision}, at least {@code minEv} per unit staked).
 *
 * <p>Every market is predicted for every eligible row, with or without a line: a row without a line in the market,
 * or without a price on both sides, or whose system has no residuals in it, is a PASS with null odds and expected
 * value (its predicted value still counts for MAE). Rows left out are counted by reason
 * ({@code predictions:skipped_*}); the rows written per market, system and call as
 * {@code predictions:<market>:<system>:<OVER|UNDER|PASS>}, and the PASSes that could not be priced as
 * {@code predictions:<market>:no_line}, {@code :unpriced} and {@code :uncalibrated}.
 */
public final class BuildPredictions extends PTransform<PCollection<MlFeatureStoreV2>, PCollection<PlayerPropPrediction>> {
  private final List<PredictionSystem> systems;
  private final Calibration calibration;
  private final List<Markets.Market> markets;
  private final double minMinutes;
  private final double minEv;

  /**
   * Each prediction is made as of its feature row's {@code as_of} (the run's as-of instant for that row: a
   * same-day run's launch, a backfill's tip-off or {@code --asOfTime}, a line update's snapshot), so a replay
   * gives the rows the live run gave.
   *
   * @param calibration where each system's P(over) comes from in each market
   * @param markets the markets predicted
   * @param minEv the least expected value per unit staked of a pick ({@link BetDecision#DEFAULT_MIN_EV})
   */
  public BuildPredictions(List<PredictionSystem> systems, Calibration calibration, Collection<Markets.Market> markets,
      double minMinutes, double minEv) {
    this.systems = systems;
    this.calibration = calibration;
    this.markets = List.copyOf(markets);
    this.minMinutes = minMinutes;
    this.minEv = minEv;
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

  /** Why a prediction with a line could not be priced (a PASS), or null when it was. */
  enum Unpriced { NO_LINE, UNPRICED, UNCALIBRATED }

  /**
   * One system's prediction of one market for one row: the predicted value, and against the market's line (if any)
   * the chances, the market's probability and the call. {@code unpriced}, when given, receives why a row is a PASS
   * before any expected value could be computed.
   */
  public static PlayerPropPrediction predict(MlFeatureStoreV2 row, Markets.Market market, PredictionSystem system,
      Calibration calibration, double minEv) {
    return predict(row, market, system, calibration, minEv, null);
  }

  static PlayerPropPrediction predict(MlFeatureStoreV2 row, Markets.Market market, PredictionSystem system,
      Calibration calibration, double minEv, @Nullable List<Unpriced> unpriced) {
    if (row.getAsOf() == null) {
      throw new IllegalStateException(row.getPlayerLookup() + " " + row.getGameDate() + ": a feature row without as_of");
    }
    double predicted = system.predict(row, market);
    MarketLine line = row.lineOf(market);
    PlayerPropPrediction.Builder b = PlayerPropPrediction.builder()
        .setPlayerLookup(row.getPlayerLookup())
        .setPlayerId(row.getPlayerId())
        .setGameDate(row.getGameDate())
        .setMarket(market.key())
        .setSystemId(system.id())
        .setTeamAbbr(row.getTeamAbbr())
        .setOpponentTeamAbbr(row.getOpponentTeamAbbr())
        .setPredictedValue(predicted)
        .setFeatureQualityScore(row.getFeatureQualityScore())
        .setFeatureDataAgeHours(dataAgeHours(row, line, Instant.parse(row.getAsOf()).toEpochMilli()))
        .setModelVersion(system.version())
        .setFeatureSchemaVersion(row.getFeatureSchemaVersion())
        .setAsOf(row.getAsOf())
        .setRecommendation("PASS");
    if (line == null) {
      note(unpriced, Unpriced.NO_LINE);
      return b.build();
    }
    Odds.Fair fair = Odds.devig(line.getOverOdds(), line.getUnderOdds());
    b.setLine(line.getLine())
        .setEdge(predicted - line.getLine())
        .setOverOdds(line.getOverOdds())
        .setUnderOdds(line.getUnderOdds())
        .setMarketPOver(fair == null ? null : fair.over())
        .setLineSnapshotTime(line.getSnapshotTime());
    OverProbability.Chances chances = calibration.chances(system.id(), market, predicted, line.getLine());
    if (chances == null) {
      note(unpriced, Unpriced.UNCALIBRATED);
      return b.build();
    }
    b.setPOver(chances.over()).setPUnder(chances.under()).setPPush(chances.push());
    BetDecision.Decision d = BetDecision.decide(
        chances.over(), chances.under(), chances.push(), line.getOverOdds(), line.getUnderOdds(), minEv);
    if (fair == null) {
      note(unpriced, Unpriced.UNPRICED);
    }
    return b.setRecommendation(d.recommendation())
        .setOdds(d.odds())
        .setExpectedValue(d.ev())
        .setConfidence(d.recommendation().equals("OVER") ? Double.valueOf(chances.over())
            : d.recommendation().equals("UNDER") ? Double.valueOf(chances.under()) : null)
        .build();
  }

  private static void note(@Nullable List<Unpriced> unpriced, Unpriced why) {
    if (unpriced != null) {
      unpriced.add(why);
    }
  }

  static double normalCdf(double z) {
    // Abramowitz and Stegun 26.2.17, |error| < 7.5e-8
    double t = 1 / (1 + 0.2316419 * Math.abs(z));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double upper = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    return z >= 0 ? 1 - upper : upper;
  }

  /**
   * Hours from the newest input behind the prediction (the market line's snapshot, or the box scores complete at the
   * start of its date) to its as-of instant. Not clamped: the line is taken before the as-of by construction, so a
   * negative age can only mean a run as of a time before its date began, and it shows.
   */
  static double dataAgeHours(MlFeatureStoreV2 row, @Nullable MarketLine line, long asOfMillis) {
    long newest = LocalDate.parse(row.getGameDate()).atStartOfDay(GameDates.EASTERN).toInstant().toEpochMilli();
    if (line != null) {
      newest = Math.max(newest, Instant.parse(line.getSnapshotTime()).toEpochMilli());
    }
    return (asOfMillis - newest) / 3_600_000.0;
  }

  static final class PredictFn extends DoFn<MlFeatureStoreV2, PlayerPropPrediction> {
    private final List<PredictionSystem> systems;
    private final Calibration calibration;
    private final List<Markets.Market> markets;
    private final double minMinutes;
    private final double minEv;

    PredictFn(BuildPredictions spec) {
      this.systems = spec.systems;
      this.calibration = spec.calibration;
      this.markets = spec.markets;
      this.minMinutes = spec.minMinutes;
      this.minEv = spec.minEv;
    }

    @ProcessElement
    public void process(@Element MlFeatureStoreV2 row, OutputReceiver<PlayerPropPrediction> out) {
      String skip = skipReason(row, minMinutes);
      if (skip != null) {
        Metrics.counter("predictions", skip).inc();
        return;
      }
      for (Markets.Market market : markets) {
        for (PredictionSystem s : systems) {
          List<Unpriced> why = new ArrayList<>(1);
          PlayerPropPrediction p = predict(row, market, s, calibration, minEv, why);
          Metrics.counter("predictions", market.key() + ":" + s.id() + ":" + p.getRecommendation()).inc();
          for (Unpriced u : why) {
            Metrics.counter("predictions", market.key() + ":" + u.name().toLowerCase(java.util.Locale.ROOT)).inc();
          }
          out.output(p);
        }
      }
    }
  }
}
