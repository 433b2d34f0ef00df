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
import schemas.MlFeatureStoreV2;
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
 * players averaging at least {@code --minMinutes} over the last 10.
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
    return Runs.drive("train", options, (p, files, sink, facts) -> {
      DateRange range = DateRange.of(options.getStartDate(), options.getEndDate());
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
          .apply("FitGbm", ParDo.of(new FitFn(options.getModelOut(), params, range)));
      facts.put("start_date", range.start());
      facts.put("end_date", range.end());
      facts.put("model_out", options.getModelOut());
      Writes.health(sink,
          Writes.healthOf(in).universe(f.context).features(f.store.features).lines(f.lines),
          range::contains);
      return date -> false; // writes no table
    });
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
                out.output(KV.of(row.getGameDate() + "|" + PlayerKeys.of(row.getPlayerId(), row.getPlayerLookup()), KV.of(row.getFeatures(), actual)));
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

    FitFn(String modelOut, GbmModel.Params params, DateRange range) {
      this.modelOut = modelOut;
      this.params = params;
      this.range = range;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, KV<List<Double>, Double>>>> all) throws IOException {
      // A fixed order, so the same rows give the same model whatever order the runner delivered them in.
      TreeMap<String, KV<List<Double>, Double>> sorted = new TreeMap<>();
      all.getValue().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      List<List<Double>> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      sorted.values().forEach(e -> {
        x.add(e.getKey());
        y.add(e.getValue());
      });
      String id = GbmModel.SYSTEM_ID + ":" + range.start() + ".." + range.end() + ":" + x.size() + "rows";
      GbmModel model = GbmModel.train(x, y, params, id);
      ObjectNode facts = new ObjectMapper().createObjectNode();
      facts.put("trained_from", range.start());
      facts.put("trained_to", range.end());
      facts.put("rows", x.size());
      facts.put("rounds", params.rounds);
      facts.put("max_depth", params.maxDepth);
      facts.put("eta", params.eta);
      model.save(modelOut, facts);
      Metrics.counter("train", "models_written").inc();
    }
  }
}
