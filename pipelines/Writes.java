package pipelines;

import pipelines.reports.HealthReport;
import io.inputs.ReadInputs;
import io.tables.TableSink;
import org.apache.beam.sdk.values.PCollection;
import schemas.Tables;
import schemas.UpcomingPlayerGameContext;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MlFeatureStoreV2;
import schemas.PlayerPropPrediction;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptor;
import schemas.PredictionGrade;
import org.apache.beam.sdk.transforms.SerializableFunction;
import transforms.predictions.BuildExport;
import transforms.health.BuildHealthFacts;
import transforms.predictions.BuildPredictions;
import transforms.predictions.GradePredictions;
import transforms.predictions.ModelBundle;
import schemas.vocabulary.Markets;
import transforms.features.FeatureStore;
import transforms.predictions.PredictionSystem;
import schemas.vocabulary.DateRange;

/** The tables every feature-building pipeline writes, in one place so backfill and same-day write the same set. */
final class Writes {
  private Writes() {}

  /**
   * With {@code --model}, the day's predictions from its feature rows, each as of its row's {@code as_of}.
   *
   * @param predicting the run's {@link #predicting}: null without --model
   */
  static @Nullable PCollection<PlayerPropPrediction> predictions(
      TableSink sink, @Nullable Predicting predicting, FeatureOptions options, FeatureStore store) {
    if (predicting == null) {
      return null;
    }
    PCollection<PlayerPropPrediction> predictions = store.features.apply("BuildPlayerPropPredictions", predicting.transform(options));
    sink.write(predictions, Tables.PLAYER_PROP_PREDICTIONS);
    export(sink, predictions.apply("PendingGrades",
        MapElements.into(TypeDescriptor.of(PredictionGrade.class)).via(GradePredictions::pending)));
    return predictions;
  }

  /** The health facts every run has: its inputs' dead letters and freshness, and who played. */
  static BuildHealthFacts.Inputs healthOf(ReadInputs.Inputs in) {
    return new BuildHealthFacts.Inputs(in.deadLetters).played(in.gameSummaries).offers(in.propOffers).schedule(in.schedule)
        .shotZones(in.shotZones);
  }

  /** The facts of the run's health report (see {@link HealthReport}), for the dates in scope. */
  static void health(TableSink sink, BuildHealthFacts.Inputs inputs, SerializableFunction<String, Boolean> inScope) {
    sink.writeDocuments(BuildHealthFacts.of(inputs, inScope), HealthReport.FOLDER);
  }

  /**
   * With {@code --model}, predictions of the feature rows re-emitted as lines move (same-day watch). The day's
   * export stays the morning's: its document is one per date and the live rows would replace it mid-day.
   */
  static void lineUpdatePredictions(
      TableSink sink, @Nullable Predicting predicting, FeatureOptions options, PCollection<MlFeatureStoreV2> updates) {
    if (predicting == null) {
      return;
    }
    sink.write(updates.apply("BuildLineUpdatePredictions", predicting.transform(options)),
        Tables.PLAYER_PROP_PREDICTIONS_LINE_UPDATES);
  }

  /** The keys of the markets a run predicts (none without --model): what its health facts count per market. */
  static List<String> marketKeys(@Nullable Predicting predicting) {
    List<String> keys = new ArrayList<>();
    if (predicting != null) {
      predicting.markets.forEach(m -> keys.add(m.key()));
    }
    return keys;
  }

  /** What a run with --model predicts with: the systems, their calibration, the markets. */
  static final class Predicting {
    final ModelBundle bundle;
    final List<PredictionSystem> systems;
    final List<Markets.Market> markets;

    Predicting(ModelBundle bundle, List<Markets.Market> markets) {
      this.bundle = bundle;
      this.systems = PredictionSystem.of(bundle);
      this.markets = markets;
    }

    BuildPredictions transform(FeatureOptions options) {
      return new BuildPredictions(systems, bundle.calibration(), markets, options.getMinMinutes(), options.getMinEv());
    }
  }

  /**
   * The markets of {@code --markets} (every market when it is not given), in the order of {@link Markets.Market};
   * an unknown key is a usage error.
   */
  static List<Markets.Market> markets(FeatureOptions options) {
    String given = options.getMarkets();
    if (given == null || given.isBlank()) {
      return List.of(Markets.Market.values());
    }
    java.util.Set<Markets.Market> chosen = java.util.EnumSet.noneOf(Markets.Market.class);
    for (String key : given.split(",")) {
      Markets.Market m = Markets.of(key.trim());
      if (m == null) {
        throw new IllegalArgumentException("--markets: unknown market '" + key.trim() + "'; the markets are "
            + java.util.Arrays.stream(Markets.Market.values()).map(Markets.Market::key).collect(java.util.stream.Collectors.joining(",")));
      }
      chosen.add(m);
    }
    return List.copyOf(chosen);
  }

  /**
   * The model bundle of {@code --model} with the run's markets (null without it), loaded once per run. Refused here
   * (a usage error, exit 2): a bundle of another contract version, one without a model of a market the run predicts,
   * and one trained on dates the run predicts unless {@code --allowTrainingOverlap} names a range covering the overlap.
   *
   * @param predicted the dates the run predicts
   */
  static @Nullable Predicting predicting(FeatureOptions options, DateRange predicted) {
    String path = options.getModel();
    List<Markets.Market> markets = markets(options);
    if (path == null || path.isBlank()) {
      return null;
    }
    path = path.trim();
    if (path.contains(",")) {
      throw new IllegalArgumentException("--model takes one model bundle (the path train's --modelOut was given), not a list: " + path);
    }
    String allowed = options.getAllowTrainingOverlap();
    DateRange allowedRange = allowed == null || allowed.isBlank() ? null : DateRange.parse(allowed.trim(), "--allowTrainingOverlap");
    ModelBundle bundle = ModelBundle.load(path);
    List<String> lacking = new ArrayList<>();
    for (Markets.Market m : markets) {
      if (!bundle.markets().contains(m)) {
        lacking.add(m.key());
      }
    }
    if (!lacking.isEmpty()) {
      throw new IllegalArgumentException("model " + path + " has no model of " + String.join(", ", lacking)
          + " (it has " + bundle.markets().stream().map(Markets.Market::key).collect(java.util.stream.Collectors.joining(", "))
          + "): train those markets, or leave them out with --markets");
    }
    DateRange overlap = bundle.overlap(predicted);
    if (overlap != null && (allowedRange == null || !allowedRange.covers(overlap))) {
      String first = overlap.start() != null ? overlap.start() : predicted.start();
      DateRange trained = bundle.trainedOn();
      throw new IllegalArgumentException(
          "model " + path + " was trained on " + trained.start() + ".." + trained.end() + ", which reaches "
              + (first == null ? "the first date" : first) + ", a date this run predicts (" + predicted
              + "): its predictions there would be scored on games it has seen. Use a model trained before the "
              + "first predicted date, or accept the leak with --allowTrainingOverlap="
              + (overlap.start() == null ? "" : overlap.start()) + ".." + (overlap.end() == null ? "" : overlap.end()));
    }
    return new Predicting(bundle, markets);
  }

  /** Phase 6: the per-date JSON documents of the web page, from predictions (pending) or grades. */
  static void export(TableSink sink, PCollection<PredictionGrade> rows) {
    sink.writeDocuments(rows.apply("BuildExport", new BuildExport()), EXPORT_FOLDER);
  }

  static final String EXPORT_FOLDER = "export";

  static void featureStore(TableSink sink, PCollection<UpcomingPlayerGameContext> context, FeatureStore store) {
    sink.write(context, Tables.UPCOMING_PLAYER_GAME_CONTEXT);
    if (store.cacheComputed) {
      sink.write(store.dailyCache, Tables.PLAYER_DAILY_CACHE);
    }
    sink.write(store.shotZones, Tables.PLAYER_SHOT_ZONE_ANALYSIS);
    sink.write(store.teamDefense, Tables.TEAM_DEFENSE_ZONE_ANALYSIS);
    sink.write(store.compositeFactors, Tables.PLAYER_COMPOSITE_FACTORS);
    sink.write(store.features, Tables.ML_FEATURE_STORE_V2);
    sink.write(store.gaps, Tables.FEATURE_STORE_GAPS);
  }
}
