package pipelines;

import schemas.vocabulary.PlayerKeys;
import io.inputs.ReadInputs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import pipelines.reports.RunSummary;
import schemas.MlFeatureStoreV2;
import transforms.features.FeatureContract;
import schemas.PlayerGameSummary;
import schemas.TeamGameSummary;
import transforms.games.BuildTeamGameSummaries;
import schemas.vocabulary.DateRange;
import transforms.predictions.GbmModel;
import transforms.daily.GroupByDate;
import transforms.predictions.BuildPredictions;

/**
 * {@code train}: the backfill graph's feature rows over a range (the same transforms, so the model learns from
 * exactly what it will be given), joined with each player's actual points that day, fit as gbm_v1 and written
 * with the feature contract version. The training set is the prediction population: quality-ready rows of
 * players averaging at least {@code --minMinutes} over the last 10, given to the model as the predictions give
 * them ({@link FeatureContract#modelInput}). A run that cannot learn (no row, or fewer than
 * {@code --minTrainingRows}) writes no model and exits 2 with the count of rows by reason.
 */
public final class Train {
  private Train() {}

  private static final KvCoder<String, KV<List<Double>, Double>> EXAMPLE =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(ListCoder.of(DoubleCoder.of()), DoubleCoder.of()));

  static int main(String[] args) {
    TrainOptions options = Runs.options(args, TrainOptions.class);
    return options == null ? 2 : run(options);
  }

  /** Runs with parsed options (the command line's, or a test's holding what a command line cannot). */
  static int run(TrainOptions options) {
    DateRange[] trained = new DateRange[1];
    return Runs.drive("train", options, (p, files, sink, facts) -> {
      DateRange range = DateRange.of(options.getStartDate(), options.getEndDate());
      trained[0] = range;
      ReadInputs.Inputs in = p.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options)));
      PCollection<TeamGameSummary> teamGames = in.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries());
      FeatureGraph f = FeatureGraph.played(p, files, in, teamGames, range, options);
      GbmModel.Params params = new GbmModel.Params();
      params.rounds = options.getRounds();
      params.maxDepth = options.getMaxDepth();
      params.eta = options.getEta();
      examples(f.store.features, FeatureGraph.inRange(in.gameSummaries, range, PlayerGameSummary::getGameDate, "Actuals"),
              options.getMinMinutes())
          .apply("AllExamples", Window.into(new GlobalWindows()))
          .apply("KeyTrainingSet", WithKeys.of("training_set"))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), EXAMPLE))
          .apply("TrainingSet", GroupByKey.create())
          .apply("FitGbm", ParDo.of(new FitFn(options.getModelOut(), params, range, options.getMinTrainingRows())));
      facts.put("start_date", range.start());
      facts.put("end_date", range.end());
      facts.put("model_out", options.getModelOut());
      Writes.health(sink,
          Writes.healthOf(in).universe(f.context).features(f.store.features).lines(f.lines),
          range::contains);
      return date -> false; // writes no table
    }, summary -> refusal(summary, trained[0], options));
  }

  /** Why no model was written, counted by reason (one line), or null when one was. */
  static @Nullable String refusal(RunSummary summary, DateRange range, TrainOptions options) {
    if (summary.counter("train", "models_written") > 0) {
      return null;
    }
    long rows = summary.counter("features", "feature_rows");
    if (rows == 0) {
      return "train: no feature row in " + range.start() + ".." + range.end()
          + ": no box score with minutes > 0 is dated in the range; no model written";
    }
    return "train: " + summary.counter("train", "examples") + " training rows in " + range.start() + ".." + range.end()
        + ", fewer than --minTrainingRows=" + options.getMinTrainingRows() + ": of " + rows + " feature rows, "
        + summary.counter("train", "skipped_not_quality_ready") + " not quality-ready, "
        + summary.counter("train", "skipped_minutes_below_threshold") + " under --minMinutes=" + options.getMinMinutes()
        + ", " + summary.counter("train", "skipped_no_actual_points") + " without actual points; no model written";
  }

  /** (date|player, (features, actual points)) for every trainable row whose player played that day. */
  static PCollection<KV<String, KV<List<Double>, Double>>> examples(
      PCollection<MlFeatureStoreV2> features, PCollection<PlayerGameSummary> actuals, double minMinutes) {
    TupleTag<MlFeatureStoreV2> f = new TupleTag<>();
    TupleTag<PlayerGameSummary> a = new TupleTag<>();
    return KeyedPCollectionTuple.of(f, GroupByDate.keyedDaily("TrainFeatures", features, MlFeatureStoreV2::getGameDate))
        .and(a, GroupByDate.keyedDaily("TrainActuals", actuals, PlayerGameSummary::getGameDate))
        .apply("JoinDayActuals", CoGroupByKey.create())
        .apply("Examples", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, KV<List<Double>, Double>>>() {
          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> day, OutputReceiver<KV<String, KV<List<Double>, Double>>> out) {
            Map<String, Double> points = new HashMap<>();
            for (PlayerGameSummary s : day.getValue().getAll(a)) {
              points.put(PlayerKeys.of(s.getPlayerId(), s.getPlayerLookup()), (double) s.getPoints());
            }
            for (MlFeatureStoreV2 row : day.getValue().getAll(f)) {
              Double actual = points.get(PlayerKeys.of(row.getPlayerId(), row.getPlayerLookup()));
              String skip = BuildPredictions.skipReason(row, minMinutes);
              if (skip != null) {
                Metrics.counter("train", skip).inc();
              } else if (actual == null) {
                Metrics.counter("train", "skipped_no_actual_points").inc();
              } else {
                Metrics.counter("train", "examples").inc();
                List<Double> x = new ArrayList<>();
                for (double v : FeatureContract.modelInput(row)) {
                  x.add(v);
                }
                out.output(KV.of(row.getGameDate() + "|" + PlayerKeys.of(row.getPlayerId(), row.getPlayerLookup()), KV.of(x, actual)));
              }
            }
          }
        }))
        .setCoder(EXAMPLE);
  }

  static final class FitFn extends DoFn<KV<String, Iterable<KV<String, KV<List<Double>, Double>>>>, Void> {
    private final String modelOut;
    private final GbmModel.Params params;
    private final DateRange range;
    private final int minRows;

    FitFn(String modelOut, GbmModel.Params params, DateRange range, int minRows) {
      this.modelOut = modelOut;
      this.params = params;
      this.range = range;
      this.minRows = minRows;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, KV<List<Double>, Double>>>> all) throws IOException {
      // A fixed order, so the same rows give the same model whatever order the runner delivered them in.
      TreeMap<String, KV<List<Double>, Double>> sorted = new TreeMap<>();
      all.getValue().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      if (sorted.size() < minRows) {
        Metrics.counter("train", "too_few_rows").inc();
        return;
      }
      List<double[]> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      sorted.values().forEach(e -> {
        x.add(e.getKey().stream().mapToDouble(Double::doubleValue).toArray());
        y.add(e.getValue());
      });
      // Each row again with every optional feed missing: a season with all feeds never shows the trees a missing
      // value, and a tree's default branch for one it never saw is arbitrary. With these copies the model learns
      // what to do without shot zones, lines or team stats (a partial-roster export) from the same games.
      int rows = x.size();
      for (int i = 0; i < rows; i++) {
        x.add(FeatureContract.withOptionalFeedsMissing(x.get(i)));
        y.add(y.get(i));
      }
      String id = GbmModel.SYSTEM_ID + ":" + range.start() + ".." + range.end() + ":" + rows + "rows";
      GbmModel model = GbmModel.train(x, y, params, id);
      ObjectNode facts = new ObjectMapper().createObjectNode();
      facts.put("trained_from", range.start());
      facts.put("trained_to", range.end());
      facts.put("rows", rows);
      facts.put("training_rows_with_optional_feeds_missing", rows);
      facts.put("rounds", params.rounds);
      facts.put("max_depth", params.maxDepth);
      facts.put("eta", params.eta);
      model.save(modelOut, facts);
      Metrics.counter("train", "models_written").inc();
    }
  }
}
