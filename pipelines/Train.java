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
import transforms.predictions.ModelBundle;
import transforms.predictions.PredictionSystem;
import schemas.vocabulary.Markets;
import schemas.MarketLine;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import transforms.daily.GroupByDate;
import transforms.predictions.BuildPredictions;

/**
 * {@code train}: the backfill graph's feature rows over a range (the same transforms, so the models learn from
 * exactly what they will be given), joined with each player's box score that day, and one gbm_v1 model per market
 * ({@code --markets}, default all eight) fit on that market's actual value ({@link Markets#actual}) from the whole
 * model input ({@link FeatureContract#modelInput}: the line, opening line and move are features where they exist,
 * NaN where not), written as one {@link ModelBundle}. The training set is the prediction population: quality-ready
 * rows of players averaging at least {@code --minMinutes} over the last 10, the same rows for every market.
 *
 * <p>Per market, the last {@value #HOLDOUT_SHARE_PERCENT}% of the training dates are a time-ordered holdout: a model
 * fit on the earlier dates predicts them, the ensemble's weight w (gbm_v1 against baseline_avg_v1) is the one in
 * 0, 0.01, …, 1 with the least holdout MAE, and the holdout residuals (actual − predicted) of each system are
 * recorded: they are what P(over) is computed from ({@link transforms.predictions.Calibration}), so it is never
 * calibrated on rows a model was fit on. The market's model is then refit on every date. A run that cannot learn
 * (no row, fewer than {@code --minTrainingRows} rows, or fewer than two dates to hold one out) writes no bundle and
 * exits 2 with the rows counted by reason.
 */
public final class Train {
  private Train() {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Train.class);

  /** Values per market in an example's targets: actual, baseline prediction, line (NaN without one). */
  private static final int TARGETS = 3;

  /** The share of the training dates held out, the latest ones. */
  static final int HOLDOUT_SHARE_PERCENT = 20;

  /** (date|player, (model input, per market [actual, baseline, line or NaN])). */
  private static final KvCoder<String, KV<List<Double>, List<Double>>> EXAMPLE =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(ListCoder.of(DoubleCoder.of()), ListCoder.of(DoubleCoder.of())));

  static int main(String[] args) {
    TrainOptions options = Runs.options(args, TrainOptions.class);
    return options == null ? 2 : run(options);
  }

  /** Runs with parsed options (the command line's, or a test's holding what a command line cannot). */
  static int run(TrainOptions options) {
    DateRange[] trained = new DateRange[1];
    List<Markets.Market> markets = new ArrayList<>();
    return Runs.drive("train", options, (p, files, sink, facts) -> {
      DateRange range = DateRange.of(options.getStartDate(), options.getEndDate());
      trained[0] = range;
      markets.addAll(Writes.markets(options));
      ReadInputs.Inputs in = p.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options)));
      PCollection<TeamGameSummary> teamGames = in.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries());
      FeatureGraph f = FeatureGraph.played(p, files, in, teamGames, range, options);
      GbmModel.Params params = new GbmModel.Params();
      params.rounds = options.getRounds();
      params.maxDepth = options.getMaxDepth();
      params.eta = options.getEta();
      examples(f.store.features, FeatureGraph.inRange(in.gameSummaries, range, PlayerGameSummary::getGameDate, "Actuals"),
              options.getMinMinutes(), markets)
          .apply("AllExamples", Window.into(new GlobalWindows()))
          .apply("KeyTrainingSet", WithKeys.of("training_set"))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), EXAMPLE))
          .apply("TrainingSet", GroupByKey.create())
          .apply("FitGbm", ParDo.of(new FitFn(options.getModelOut(), params, options.getMinTrainingRows(), markets)));
      facts.put("start_date", range.start());
      facts.put("end_date", range.end());
      facts.put("model_out", options.getModelOut());
      ArrayNode m = facts.putArray("markets");
      markets.forEach(market -> m.add(market.key()));
      Writes.health(sink,
          Writes.healthOf(in).universe(f.context).features(f.store.features).lines(f.lines),
          range::contains);
      return date -> false; // writes no table
    }, summary -> refusal(summary, trained[0], options, markets));
  }

  /**
   * Why no bundle was written, counted by reason (one line), or null when one was. Every market is trained on the
   * same rows (a row's box score settles all of them), so a refusal for too few rows names every market of the run.
   */
  static @Nullable String refusal(RunSummary summary, DateRange range, TrainOptions options, List<Markets.Market> markets) {
    if (summary.counter("train", "models_written") > 0) {
      return null;
    }
    long rows = summary.counter("features", "feature_rows");
    if (rows == 0) {
      return "train: no feature row in " + range.start() + ".." + range.end()
          + ": no box score with minutes > 0 is dated in the range; no model written";
    }
    String names = markets.stream().map(Markets.Market::key).collect(Collectors.joining(", "));
    if (summary.counter("train", "too_few_dates") > 0) {
      return "train: the " + summary.counter("train", "examples") + " training rows in " + range.start() + ".." + range.end()
          + " are of one game date: a model needs later dates held out to calibrate P(over) on (markets " + names
          + "); no model written";
    }
    return "train: " + summary.counter("train", "examples") + " training rows in " + range.start() + ".." + range.end()
        + ", fewer than --minTrainingRows=" + options.getMinTrainingRows() + " for each market (" + names + "): of " + rows
        + " feature rows, " + summary.counter("train", "skipped_not_quality_ready") + " not quality-ready, "
        + summary.counter("train", "skipped_minutes_below_threshold") + " under --minMinutes=" + options.getMinMinutes()
        + ", " + summary.counter("train", "skipped_no_box_score") + " without a box score; no model written";
  }

  /**
   * (date|player, (model input, per market of {@code markets} its actual value and its baseline prediction)) for
   * every trainable row whose player played that day.
   */
  static PCollection<KV<String, KV<List<Double>, List<Double>>>> examples(
      PCollection<MlFeatureStoreV2> features, PCollection<PlayerGameSummary> actuals, double minMinutes,
      List<Markets.Market> markets) {
    TupleTag<MlFeatureStoreV2> f = new TupleTag<>();
    TupleTag<PlayerGameSummary> a = new TupleTag<>();
    List<Markets.Market> ms = List.copyOf(markets);
    return KeyedPCollectionTuple.of(f, GroupByDate.keyedDaily("TrainFeatures", features, MlFeatureStoreV2::getGameDate))
        .and(a, GroupByDate.keyedDaily("TrainActuals", actuals, PlayerGameSummary::getGameDate))
        .apply("JoinDayActuals", CoGroupByKey.create())
        .apply("Examples", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, KV<List<Double>, List<Double>>>>() {
          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> day, OutputReceiver<KV<String, KV<List<Double>, List<Double>>>> out) {
            Map<String, PlayerGameSummary> played = new HashMap<>();
            for (PlayerGameSummary s : day.getValue().getAll(a)) {
              played.put(PlayerKeys.of(s.getPlayerId(), s.getPlayerLookup()), s);
            }
            for (MlFeatureStoreV2 row : day.getValue().getAll(f)) {
              PlayerGameSummary game = played.get(PlayerKeys.of(row.getPlayerId(), row.getPlayerLookup()));
              String skip = BuildPredictions.skipReason(row, minMinutes);
              if (skip != null) {
                Metrics.counter("train", skip).inc();
              } else if (game == null) {
                Metrics.counter("train", "skipped_no_box_score").inc();
              } else {
                Metrics.counter("train", "examples").inc();
                List<Double> x = new ArrayList<>();
                for (double v : FeatureContract.modelInput(row)) {
                  x.add(v);
                }
                List<Double> targets = new ArrayList<>();
                for (Markets.Market m : ms) {
                  MarketLine line = row.lineOf(m);
                  targets.add((double) Markets.actual(m, game));
                  targets.add(PredictionSystem.baseline(row, m));
                  targets.add(line == null ? Double.NaN : line.getLine());
                }
                out.output(KV.of(row.getGameDate() + "|" + PlayerKeys.of(row.getPlayerId(), row.getPlayerLookup()), KV.of(x, targets)));
              }
            }
          }
        }))
        .setCoder(EXAMPLE);
  }

  /** The training rows in time order (date, then player key), as arrays. */
  static final class TrainingSet {
    final List<String> dates = new ArrayList<>();
    final List<double[]> x = new ArrayList<>();
    /** Per row, per market of the run: [actual, baseline, line or NaN]. */
    final List<double[]> targets = new ArrayList<>();

    int size() {
      return x.size();
    }
  }

  /**
   * One market's fit: a model on the rows before the holdout, the blend weight and every system's residuals on the
   * holdout, then the model refit on every row. {@code k} is the market's position among the run's markets.
   */
  static ModelBundle.MarketFit fitMarket(TrainingSet set, int holdoutFrom, int k, GbmModel.Params params) {
    List<double[]> early = set.x.subList(0, holdoutFrom);
    List<double[]> late = set.x.subList(holdoutFrom, set.size());
    GbmModel fitted = fit(early, labels(set, 0, holdoutFrom, k), params);
    double[] gbm = fitted.predict(late);
    int n = late.size();
    double[] actual = new double[n];
    double[] baseline = new double[n];
    double[] line = new double[n];
    for (int i = 0; i < n; i++) {
      actual[i] = set.targets.get(holdoutFrom + i)[TARGETS * k];
      baseline[i] = set.targets.get(holdoutFrom + i)[TARGETS * k + 1];
      line[i] = set.targets.get(holdoutFrom + i)[TARGETS * k + 2];
    }
    double w = bestBlendWeight(actual, gbm, baseline);
    double[] ensemble = new double[n];
    for (int i = 0; i < n; i++) {
      ensemble[i] = PredictionSystem.blend(w, gbm[i], baseline[i]);
    }
    Map<String, double[]> residuals = new TreeMap<>();
    residuals.put(PredictionSystem.BASELINE_ID, residuals(actual, baseline));
    residuals.put(GbmModel.SYSTEM_ID, residuals(actual, gbm));
    residuals.put(PredictionSystem.ENSEMBLE_ID, residuals(actual, ensemble));
    ObjectNode facts = new ObjectMapper().createObjectNode();
    ObjectNode holdout = facts.putObject("holdout");
    holdout.put("from", set.dates.get(holdoutFrom));
    holdout.put("to", set.dates.get(set.size() - 1));
    holdout.put("rows", n);
    holdout.put("fit_rows", holdoutFrom);
    ObjectNode mae = holdout.putObject("mae");
    residuals.forEach((system, r) -> mae.put(system, meanAbsolute(r)));
    // On the holdout rows with a line, each system's MAE beside the line's own: the bar a line-aware model must clear.
    int withLine = 0;
    Map<String, Double> sums = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(line[i])) {
        continue;
      }
      withLine++;
      final int row = i;
      residuals.forEach((system, r) -> sums.merge(system, Math.abs(r[row]), Double::sum));
      sums.merge("line", Math.abs(actual[i] - line[i]), Double::sum);
    }
    holdout.put("rows_with_line", withLine);
    ObjectNode maeWithLine = holdout.putObject("mae_with_line");
    for (Map.Entry<String, Double> e : sums.entrySet()) {
      maeWithLine.put(e.getKey(), e.getValue() / withLine);
    }
    GbmModel all = fit(set.x, labels(set, 0, set.size(), k), params);
    return new ModelBundle.MarketFit(all, w, residuals, facts);
  }

  /**
   * The weight in 0, 0.01, …, 1 of w × gbm + (1 − w) × baseline with the least mean absolute error (the smallest w
   * of a tie, rounding aside): a grid, because MAE is flat in places and a grid's answer is exact and deterministic.
   */
  static double bestBlendWeight(double[] actual, double[] gbm, double[] baseline) {
    double best = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int step = 0; step <= 100; step++) {
      double w = step / 100.0;
      double error = 0;
      for (int i = 0; i < actual.length; i++) {
        error += Math.abs(actual[i] - PredictionSystem.blend(w, gbm[i], baseline[i]));
      }
      // a weight must beat the best so far by more than rounding: blends of equal predictions differ in the last bits
      if (error < bestError - 1e-9 * Math.max(1, actual.length)) {
        bestError = error;
        best = w;
      }
    }
    return best;
  }

  private static double[] residuals(double[] actual, double[] predicted) {
    double[] r = new double[actual.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = actual[i] - predicted[i];
    }
    return r;
  }

  private static double meanAbsolute(double[] r) {
    double sum = 0;
    for (double v : r) {
      sum += Math.abs(v);
    }
    return r.length == 0 ? Double.NaN : sum / r.length;
  }

  private static List<Double> labels(TrainingSet set, int from, int to, int k) {
    List<Double> y = new ArrayList<>();
    for (int i = from; i < to; i++) {
      y.add(set.targets.get(i)[TARGETS * k]);
    }
    return y;
  }

  /**
   * Fits one model. Each row goes in again with every optional feed missing: a season with all feeds never shows the
   * trees a missing value, and a tree's default branch for one it never saw is arbitrary. With these copies the model
   * learns what to do without shot zones, lines or team stats (a partial-roster export) from the same games.
   */
  private static GbmModel fit(List<double[]> rows, List<Double> labels, GbmModel.Params params) {
    List<double[]> x = new ArrayList<>(rows);
    List<Double> y = new ArrayList<>(labels);
    for (int i = 0; i < rows.size(); i++) {
      x.add(FeatureContract.withOptionalFeedsMissing(rows.get(i)));
      y.add(labels.get(i));
    }
    return GbmModel.train(x, y, params);
  }

  /** The first row of the holdout: the first row of the latest {@value #HOLDOUT_SHARE_PERCENT}% of the dates. */
  static int holdoutStart(List<String> rowDates) {
    List<String> dates = new ArrayList<>(new java.util.TreeSet<>(rowDates));
    int cut = Math.max(1, Math.min(dates.size() - 1,
        (int) Math.round(dates.size() * (100 - HOLDOUT_SHARE_PERCENT) / 100.0)));
    return rowDates.indexOf(dates.get(cut));
  }

  /**
   * Every market's fit, in the run's market order. The markets are independent (each its own single-threaded booster,
   * so each model is the same whatever runs beside it), so they are fit side by side, one per core.
   */
  static Map<Markets.Market, ModelBundle.MarketFit> fitAllMarkets(
      TrainingSet set, int holdoutFrom, List<Markets.Market> markets, GbmModel.Params params) throws IOException {
    int threads = Math.max(1, Math.min(markets.size(), Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<ModelBundle.MarketFit>> futures = new ArrayList<>();
      for (int k = 0; k < markets.size(); k++) {
        int market = k;
        futures.add(pool.submit(() -> {
          long start = System.nanoTime();
          ModelBundle.MarketFit fit = fitMarket(set, holdoutFrom, market, params);
          LOG.info("train: {} fitted in {} s on {} rows (holdout {} rows from {}: w = {})", markets.get(market).key(),
              Math.round((System.nanoTime() - start) / 1e9), set.size(), set.size() - holdoutFrom,
              set.dates.get(holdoutFrom), fit.blendWeight());
          return fit;
        }));
      }
      Map<Markets.Market, ModelBundle.MarketFit> fits = new LinkedHashMap<>();
      for (int k = 0; k < markets.size(); k++) {
        fits.put(markets.get(k), futures.get(k).get());
      }
      return fits;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("train interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("fitting a market failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static final class FitFn extends DoFn<KV<String, Iterable<KV<String, KV<List<Double>, List<Double>>>>>, Void> {
    private final String modelOut;
    private final GbmModel.Params params;
    private final int minRows;
    private final List<Markets.Market> markets;

    FitFn(String modelOut, GbmModel.Params params, int minRows, List<Markets.Market> markets) {
      this.modelOut = modelOut;
      this.params = params;
      this.minRows = minRows;
      this.markets = List.copyOf(markets);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, KV<List<Double>, List<Double>>>>> all) throws IOException {
      // A fixed order (date, then player), so the same rows give the same models whatever order the runner delivered
      // them in, and the holdout is the latest dates.
      TreeMap<String, KV<List<Double>, List<Double>>> sorted = new TreeMap<>();
      all.getValue().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      if (sorted.size() < minRows) {
        for (Markets.Market m : markets) {
          Metrics.counter("train", "too_few_rows:" + m.key()).inc();
        }
        return;
      }
      TrainingSet set = new TrainingSet();
      sorted.forEach((key, e) -> {
        set.dates.add(key.substring(0, key.indexOf('|')));
        set.x.add(e.getKey().stream().mapToDouble(Double::doubleValue).toArray());
        set.targets.add(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
      });
      if (new java.util.TreeSet<>(set.dates).size() < 2) {
        Metrics.counter("train", "too_few_dates").inc();
        return;
      }
      int holdoutFrom = holdoutStart(set.dates);
      Map<Markets.Market, ModelBundle.MarketFit> fits = fitAllMarkets(set, holdoutFrom, markets, params);
      Metrics.counter("train", "markets_fitted").inc(fits.size());
      int rows = set.size();
      // The dates whose actuals were labels, from the rows themselves: an open --startDate/--endDate must not leave
      // the bundle without a range, which would let a run predict the very games it learned from.
      String from = set.dates.get(0);
      String to = set.dates.get(set.dates.size() - 1);
      String id = GbmModel.SYSTEM_ID + ":" + from + ".." + to + ":" + rows + "rows";
      ModelBundle bundle = ModelBundle.of(id, from, to, fits);
      ObjectNode facts = new ObjectMapper().createObjectNode();
      facts.put("rows", rows);
      facts.put("training_rows_with_optional_feeds_missing", rows);
      facts.put("holdout_share_of_dates", HOLDOUT_SHARE_PERCENT / 100.0);
      facts.put("rounds", params.rounds);
      facts.put("max_depth", params.maxDepth);
      facts.put("eta", params.eta);
      bundle.save(modelOut, facts);
      Metrics.counter("train", "models_written").inc();
    }
  }
}
