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
import transforms.predictions.GbmModel;
import transforms.features.FeatureStore;
import transforms.predictions.PredictionSystem;
import schemas.vocabulary.DateRange;

/** The tables every feature-building pipeline writes, in one place so backfill and same-day write the same set. */
final class Writes {
  private Writes() {}

  /**
   * With {@code --model}, the day's predictions from its feature rows, each as of its row's {@code as_of}.
   *
   * @param systems the run's {@link #systems}: none without --model
   */
  static @Nullable PCollection<PlayerPropPrediction> predictions(
      TableSink sink, List<PredictionSystem> systems, FeatureOptions options, FeatureStore store) {
    if (systems.isEmpty()) {
      return null;
    }
    PCollection<PlayerPropPrediction> predictions = store.features.apply(
        "BuildPlayerPropPredictions",
        new BuildPredictions(systems, options.getMinMinutes(), options.getPassEdge()));
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
      TableSink sink, List<PredictionSystem> systems, FeatureOptions options, PCollection<MlFeatureStoreV2> updates) {
    if (systems.isEmpty()) {
      return;
    }
    sink.write(
        updates.apply(
            "BuildLineUpdatePredictions",
            new BuildPredictions(systems, options.getMinMinutes(), options.getPassEdge())),
        Tables.PLAYER_PROP_PREDICTIONS_LINE_UPDATES);
  }

  /**
   * The systems of {@code --model} (none without it), loaded once per run. Refused here (a usage error, exit 2): a
   * model of another contract version, and a model trained on dates the run predicts unless
   * {@code --allowTrainingOverlap} names a range covering the overlap.
   *
   * @param predicted the dates the run predicts
   */
  static List<PredictionSystem> systems(FeatureOptions options, DateRange predicted) {
    String models = options.getModel();
    if (models == null || models.isBlank()) {
      return List.of();
    }
    String allowed = options.getAllowTrainingOverlap();
    DateRange allowedRange = allowed == null || allowed.isBlank() ? null : DateRange.parse(allowed.trim(), "--allowTrainingOverlap");
    List<GbmModel> loaded = new ArrayList<>();
    for (String path : models.split(",")) {
      GbmModel model = GbmModel.load(path.trim());
      DateRange overlap = model.overlap(predicted);
      if (overlap != null && (allowedRange == null || !allowedRange.covers(overlap))) {
        String first = overlap.start() != null ? overlap.start() : predicted.start();
        DateRange trained = model.trainedOn();
        throw new IllegalArgumentException(
            "model " + path.trim() + " was trained on " + trained.start() + ".." + trained.end() + ", which reaches "
                + (first == null ? "the first date" : first) + ", a date this run predicts (" + predicted
                + "): its predictions there would be scored on games it has seen. Use a model trained before the "
                + "first predicted date, or accept the leak with --allowTrainingOverlap="
                + (overlap.start() == null ? "" : overlap.start()) + ".." + (overlap.end() == null ? "" : overlap.end()));
      }
      loaded.add(model);
    }
    return PredictionSystem.forModels(loaded);
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
