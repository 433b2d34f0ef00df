package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import pipelines.Main;
import schemas.vocabulary.Markets;
import transforms.features.FeatureContract;
import transforms.predictions.BettingMetrics;
import transforms.predictions.GbmModel;
import transforms.predictions.GradePredictions;

/**
 * The bettor's evaluation of every prop market (a program, not a test), from the rows the pipeline itself
 * predicts and grades.
 *
 * <ul>
 *   <li><b>2022-23 walk-forward:</b> for each month from November, {@code train} on every game of the season before
 *       the month, {@code backfill} the month with that model at the default pre-tip as-of instant, {@code grade} it.
 *   <li><b>2025-26:</b> {@code train} on the 2022-23 and 2023-24 folders together (2023-24 has no props: it teaches
 *       the box-score part with the line features missing), backfill and grade 2025-26.
 * </ul>
 *
 * Per market and system, over the graded rows that had a line: MAE, the line's own MAE on the same rows and the
 * ratio, a plain last-10 average's MAE; the non-PASS picks' hit rate with its Wilson 95% interval (also by the
 * expected value that picked them), ROI per unit at the recorded odds with a bootstrap 95% interval; the Brier
 * score of {@code p_over} against outcomes beside the market's de-vigged probability's, and a 10-bin reliability
 * table for the production pick; and how often the line moved toward a pick between its opening and pre-tip
 * snapshots. Needs ../shared/data/nba; prints a message and stops without it.
 *
 * <pre>mvn -q -DskipTests package && mvn -q -DskipTests test-compile &&
 * java -Xmx8g -cp target/nba-props-pipeline.jar:target/test-classes bench.MarketEvaluation [--only=2022-23|2025-26]
 * [--work=DIR]</pre>
 */
public final class MarketEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCTION = "ensemble_v1";
  private static final double[] EV_BUCKETS = {0.03, 0.06, 0.10, 0.20};

  public static void main(String[] args) throws Exception {
    String only = "";
    Path work = null;
    for (String a : args) {
      if (a.startsWith("--only=")) {
        only = a.substring("--only=".length());
      } else if (a.startsWith("--work=")) {
        work = Path.of(a.substring("--work=".length()));
      }
    }
    Path data = Path.of("..", "shared", "data", "nba").toAbsolutePath().normalize();
    Path s22 = data.resolve("2022-23");
    if (!Files.exists(s22.resolve("player_props_snapshots.csv.gz"))) {
      System.out.println("real data absent at " + data + ": nothing to evaluate");
      return;
    }
    // --work=DIR keeps (and on a second run reuses) each step's output: a fold already graded is not run again.
    Path root = work != null ? Files.createDirectories(work) : Files.createTempDirectory("market-evaluation");
    System.out.println("work folder " + root);
    if (!only.equals("2025-26")) {
      List<Path> folds = new ArrayList<>();
      for (String month : List.of("2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04")) {
        LocalDate first = LocalDate.parse(month + "-01");
        String start = first.toString();
        String end = first.plusMonths(1).minusDays(1).toString();
        String trainedTo = first.minusDays(1).toString();
        String model = root.resolve("model-to-" + trainedTo).resolve("model").toString();
        Path out = root.resolve("2022-23-" + month);
        folds.add(out);
        if (Files.exists(root.resolve("grade-report-" + month).resolve("run_summary.json"))) {
          System.out.println("  " + month + ": reusing " + out);
          continue;
        }
        run("train", "--inputDir=" + s22, "--outputDir=" + root.resolve("train-to-" + trainedTo), "--startDate=2022-10-18",
            "--endDate=" + trainedTo, "--modelOut=" + model);
        run("backfill", "--inputDir=" + s22, "--outputDir=" + out, "--startDate=" + start, "--endDate=" + end,
            "--model=" + model);
        run("grade", "--inputDir=" + s22, "--outputDir=" + out, "--startDate=" + start, "--endDate=" + end,
            "--reportDir=" + root.resolve("grade-report-" + month));
      }
      report("2022-23 walk-forward (train on the season before each month, predict and grade the month, Nov..Apr)", folds);
      perMarketVersusPooled(folds);
    }
    Path s23 = data.resolve("2023-24");
    Path s26 = data.resolve("2025-26");
    if (!only.equals("2022-23") && Files.exists(s26.resolve("player_props_snapshots.csv.gz"))) {
      String model = root.resolve("model-2022-24").resolve("model").toString();
      if (Files.exists(Path.of(model + ".meta.json"))) {
        System.out.println("  reusing the model bundle " + model);
      } else {
        run("train", "--inputDir=" + s22 + "," + s23, "--outputDir=" + root.resolve("train-2022-24"), "--modelOut=" + model);
      }
      Path out = root.resolve("2025-26");
      if (!Files.exists(out.resolve("player_prop_predictions"))) {
        run("backfill", "--inputDir=" + s26, "--outputDir=" + out, "--model=" + model);
      }
      // grade's default is yesterday: name the dates the backfill predicted
      List<String> dates = new ArrayList<>();
      try (Stream<Path> files = Files.list(out.resolve("player_prop_predictions"))) {
        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).map(f -> f.substring(0, 10))
            .sorted().forEach(dates::add);
      }
      run("grade", "--inputDir=" + s26, "--outputDir=" + out, "--startDate=" + dates.get(0),
          "--endDate=" + dates.get(dates.size() - 1), "--reportDir=" + root.resolve("grade-report-2025-26"));
      report("2025-26 (trained on 2022-23 and 2023-24; partial box scores, no shot zones)", List.of(out));
    }
  }

  private static void run(String... args) {
    long t0 = System.nanoTime();
    int exit = Main.run(args);
    StringBuilder dates = new StringBuilder();
    for (String a : args) {
      if (a.startsWith("--startDate=") || a.startsWith("--endDate=")) {
        dates.append(' ').append(a);
      }
    }
    System.out.printf("  %s%s exit %d in %.0f s%n", args[0], dates, exit, (System.nanoTime() - t0) / 1e9);
    // 3 is a health breach: the run wrote its tables and says why in its report, which is part of what is measured.
    if (exit != 0 && exit != 3) {
      throw new IllegalStateException(String.join(" ", args) + " failed with exit " + exit);
    }
  }

  /** One market and system's graded rows with a line. */
  private static final class Cell {
    int n;
    double err;
    double lineErr;
    double last10Err;
    int last10N;
    final List<BettingMetrics.Pick> picks = new ArrayList<>();
    final Map<Integer, int[]> winsLossesByEv = new TreeMap<>();
    final List<Double> pOver = new ArrayList<>();
    final List<Double> marketPOver = new ArrayList<>();
    final List<Double> over = new ArrayList<>();
    final List<BettingMetrics.LineMove> moves = new ArrayList<>();
    int wins;
    int losses;
    int pushes;
  }

  private static void report(String title, List<Path> outs) throws Exception {
    Map<String, Map<String, Cell>> cells = new TreeMap<>(); // market → system → cell
    int graded = 0;
    for (Path out : outs) {
      Map<String, JsonNode> features = new HashMap<>();
      for (JsonNode f : rows(out, "ml_feature_store_v2")) {
        features.put(f.get("player_lookup").asText() + "|" + f.get("game_date").asText(), f);
      }
      for (JsonNode g : rows(out, "prediction_grades")) {
        String outcome = g.get("outcome").asText();
        if (g.get("line").isNull() || g.get("actual_value").isNull()) {
          continue; // no line, or a did-not-play (void)
        }
        graded++;
        Markets.Market market = Markets.of(g.get("market").asText());
        Cell c = cells.computeIfAbsent(market.key(), k -> new TreeMap<>())
            .computeIfAbsent(g.get("system_id").asText(), k -> new Cell());
        double line = g.get("line").asDouble();
        int actual = g.get("actual_value").asInt();
        c.n++;
        c.err += Math.abs(g.get("predicted_value").asDouble() - actual);
        c.lineErr += Math.abs(line - actual);
        JsonNode f = features.get(g.get("player_lookup").asText() + "|" + g.get("game_date").asText());
        if (f != null) {
          int i = FeatureContract.indexOf(FeatureContract.marketFeature(market, "avg_last_10"));
          if (f.get("feature_sources").get(i).asText().equals(FeatureContract.COMPUTED)) {
            c.last10Err += Math.abs(f.get("features").get(i).asDouble() - actual);
            c.last10N++;
          }
        }
        if (actual != line && !g.get("p_over").isNull() && !g.get("market_p_over").isNull()) {
          c.pOver.add(g.get("p_over").asDouble());
          c.marketPOver.add(g.get("market_p_over").asDouble());
          c.over.add(actual > line ? 1.0 : 0.0);
        }
        String rec = g.get("recommendation").asText();
        if (!rec.equals("PASS") && !g.get("odds").isNull()) {
          c.picks.add(new BettingMetrics.Pick(outcome, g.get("odds").asDouble()));
          c.wins += outcome.equals("WIN") ? 1 : 0;
          c.losses += outcome.equals("LOSS") ? 1 : 0;
          c.pushes += outcome.equals("PUSH") ? 1 : 0;
          int bucket = evBucket(g.get("expected_value").asDouble());
          int[] wl = c.winsLossesByEv.computeIfAbsent(bucket, k -> new int[2]);
          wl[0] += outcome.equals("WIN") ? 1 : 0;
          wl[1] += outcome.equals("LOSS") ? 1 : 0;
          JsonNode ml = lineOf(f, market.key());
          if (ml != null && !ml.get("opening_snapshot_time").asText().equals(ml.get("snapshot_time").asText())) {
            c.moves.add(new BettingMetrics.LineMove(rec, ml.get("opening_line").asDouble(), ml.get("line").asDouble()));
          }
        }
      }
    }
    System.out.println("\n" + title + ": " + graded + " graded (market, system) rows with a line");
    System.out.println("  market  system            rows   MAE  line MAE  ratio  last-10 MAE | picks  hit rate [95% CI]        "
        + "ROI [95% CI]                 | Brier p_over / market | line moved toward picks");
    for (Markets.Market m : Markets.Market.values()) {
      Map<String, Cell> bySystem = cells.get(m.key());
      if (bySystem == null) {
        System.out.printf("  %-6s  (no graded row with a line)%n", m.label());
        continue;
      }
      for (Map.Entry<String, Cell> e : bySystem.entrySet()) {
        Cell c = e.getValue();
        System.out.printf("  %-6s  %-16s %6d %6.2f %8.2f %6.3f %10s | %5d %s %s | %s | %s%n", m.label(), e.getKey(), c.n,
            c.err / c.n, c.lineErr / c.n, (c.err / c.n) / (c.lineErr / c.n),
            c.last10N == 0 ? "-" : String.format("%.2f", c.last10Err / c.last10N), c.picks.size(), hitRate(c.wins, c.losses),
            roi(c.picks), brier(c), clv(c.moves));
      }
    }
    System.out.println("\n  " + PRODUCTION + ": hit rate of its picks by the expected value that made them");
    for (Markets.Market m : Markets.Market.values()) {
      Cell c = cells.getOrDefault(m.key(), Map.of()).get(PRODUCTION);
      if (c == null) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format("  %-6s", m.label()));
      for (Map.Entry<Integer, int[]> b : c.winsLossesByEv.entrySet()) {
        line.append(String.format("  EV %s: %s", evLabel(b.getKey()), hitRate(b.getValue()[0], b.getValue()[1])));
      }
      System.out.println(line);
    }
    System.out.println("\n  " + PRODUCTION + ": reliability of p_over (10 bins: rows, mean p_over → observed over rate)");
    for (Markets.Market m : Markets.Market.values()) {
      Cell c = cells.getOrDefault(m.key(), Map.of()).get(PRODUCTION);
      if (c == null || c.pOver.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format("  %-6s", m.label()));
      for (BettingMetrics.Bin b : BettingMetrics.reliability(array(c.pOver), array(c.over))) {
        if (b.count() > 0) {
          line.append(String.format("  [%.1f,%.1f) %d: %.2f→%.2f", b.from(), b.to(), b.count(), b.meanPredicted(), b.observed()));
        }
      }
      System.out.println(line);
    }
  }

  /**
   * One model per market (production: the whole vector, the market's actual as label) against one pooled model
   * with the market as a feature (the shared features, the market's own block under generic names, the market's
   * index), both fit here with the production parameters and no holdout, month by month on the feature rows the
   * folds wrote (each row as of its pre-tip instant; the season's first weeks, before any fold, are not among them,
   * and no row there is quality-ready anyway), scored on the next month's rows that have a line.
   */
  private static void perMarketVersusPooled(List<Path> folds) throws Exception {
    List<JsonNode> features = new ArrayList<>();
    Map<String, JsonNode> boxScores = new HashMap<>();
    for (Path out : folds) {
      features.addAll(rows(out, "ml_feature_store_v2"));
      for (JsonNode b : rows(out, "player_game_summary")) {
        boxScores.put(b.get("player_lookup").asText() + "|" + b.get("game_date").asText(), b);
      }
    }
    List<FeatureContract.Feature> shared = new ArrayList<>();
    for (FeatureContract.Feature f : FeatureContract.FEATURES) {
      if (f.market == null) {
        shared.add(f);
      }
    }
    int minutes = FeatureContract.indexOf("minutes_avg_last_10");
    double[] perMarketErr = new double[Markets.Market.values().length];
    double[] pooledErr = new double[perMarketErr.length];
    int[] n = new int[perMarketErr.length];
    for (int fold = 1; fold < folds.size(); fold++) {
      String from = folds.get(fold).getFileName().toString().substring("2022-23-".length()) + "-01";
      String to = LocalDate.parse(from).plusMonths(1).toString();
      Map<Markets.Market, List<double[]>> trainX = new LinkedHashMap<>();
      Map<Markets.Market, List<Double>> trainY = new LinkedHashMap<>();
      List<double[]> pooledX = new ArrayList<>();
      List<Double> pooledY = new ArrayList<>();
      List<JsonNode[]> test = new ArrayList<>();
      for (JsonNode f : features) {
        String date = f.get("game_date").asText();
        JsonNode box = boxScores.get(f.get("player_lookup").asText() + "|" + date);
        if (box == null || box.get("minutes").asDouble() <= 0 || !f.get("is_quality_ready").asBoolean()
            || f.get("features").get(minutes).asDouble() < 15 || date.compareTo(to) >= 0) {
          continue;
        }
        if (date.compareTo(from) >= 0) {
          test.add(new JsonNode[] {f, box});
          continue;
        }
        double[] x = modelInput(f);
        for (Markets.Market m : Markets.Market.values()) {
          double y = actual(m, box);
          trainX.computeIfAbsent(m, k -> new ArrayList<>()).add(x);
          trainY.computeIfAbsent(m, k -> new ArrayList<>()).add(y);
          pooledX.add(pooledInput(x, shared, m));
          pooledY.add(y);
        }
      }
      Booster pooled = fit(pooledX, pooledY);
      for (Markets.Market m : Markets.Market.values()) {
        Booster own = fit(trainX.get(m), trainY.get(m));
        for (JsonNode[] t : test) {
          JsonNode line = lineOf(t[0], m.key());
          if (line == null) {
            continue;
          }
          double y = actual(m, t[1]);
          double[] x = modelInput(t[0]);
          perMarketErr[m.ordinal()] += Math.abs(predict(own, x) - y);
          pooledErr[m.ordinal()] += Math.abs(predict(pooled, pooledInput(x, shared, m)) - y);
          n[m.ordinal()]++;
        }
        own.dispose();
      }
      pooled.dispose();
      System.out.printf("  per-market vs pooled: fold %s done (%d training rows)%n", from.substring(0, 7), pooledY.size() / 8);
    }
    System.out.println("\n  one model per market vs one pooled model with the market as a feature (2022-23, Dec..Apr, rows with a line):");
    System.out.println("  market    rows  per-market MAE  pooled MAE");
    for (Markets.Market m : Markets.Market.values()) {
      int i = m.ordinal();
      System.out.printf("  %-6s %7d %15.3f %11.3f%n", m.label(), n[i], n[i] == 0 ? Double.NaN : perMarketErr[i] / n[i],
          n[i] == 0 ? Double.NaN : pooledErr[i] / n[i]);
    }
  }

  private static double actual(Markets.Market m, JsonNode box) {
    double sum = 0;
    for (Markets.Stat s : m.stats()) {
      sum += box.get(s == Markets.Stat.PTS ? "points" : s.name().toLowerCase()).asDouble();
    }
    return sum;
  }

  /** The stored row as the model sees it: NaN wherever the value was not computed (FeatureContract.modelInput). */
  private static double[] modelInput(JsonNode f) {
    double[] x = new double[f.get("features").size()];
    for (int i = 0; i < x.length; i++) {
      String s = f.get("feature_sources").get(i).asText();
      x[i] = s.equals(FeatureContract.COMPUTED) || s.equals(FeatureContract.FALLBACK) ? f.get("features").get(i).asDouble() : Double.NaN;
    }
    return x;
  }

  private static double[] pooledInput(double[] x, List<FeatureContract.Feature> shared, Markets.Market m) {
    double[] out = new double[shared.size() + FeatureContract.MARKET_SUFFIXES.size() + 1];
    int i = 0;
    for (FeatureContract.Feature f : shared) {
      out[i++] = x[f.index];
    }
    for (String suffix : FeatureContract.MARKET_SUFFIXES) {
      out[i++] = x[FeatureContract.indexOf(FeatureContract.marketFeature(m, suffix))];
    }
    out[i] = m.ordinal();
    return out;
  }

  /** XGBoost with the production parameters (GbmModel.Params' defaults), one thread for determinism. */
  private static Booster fit(List<double[]> rows, List<Double> labels) throws Exception {
    int width = rows.get(0).length;
    float[] x = new float[rows.size() * width];
    float[] y = new float[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < width; j++) {
        x[i * width + j] = (float) rows.get(i)[j];
      }
      y[i] = labels.get(i).floatValue();
    }
    DMatrix d = new DMatrix(x, rows.size(), width, Float.NaN);
    d.setLabel(y);
    GbmModel.Params params = new GbmModel.Params();
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "reg:squarederror");
    p.put("tree_method", "hist");
    p.put("max_depth", params.maxDepth);
    p.put("eta", params.eta);
    p.put("seed", 0);
    p.put("nthread", 1);
    Booster b = XGBoost.train(d, p, params.rounds, new HashMap<>(), null, null);
    d.dispose();
    return b;
  }

  private static double predict(Booster b, double[] row) throws Exception {
    float[] x = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      x[j] = (float) row[j];
    }
    DMatrix d = new DMatrix(x, 1, row.length, Float.NaN);
    double v = b.predict(d)[0][0];
    d.dispose();
    return v;
  }

  private static JsonNode lineOf(JsonNode featureRow, String market) {
    if (featureRow == null || featureRow.get("market_lines") == null) {
      return null;
    }
    for (JsonNode l : featureRow.get("market_lines")) {
      if (l.get("market").asText().equals(market)) {
        return l;
      }
    }
    return null;
  }

  private static int evBucket(double ev) {
    int b = 0;
    while (b + 1 < EV_BUCKETS.length && ev >= EV_BUCKETS[b + 1]) {
      b++;
    }
    return b;
  }

  private static String evLabel(int bucket) {
    return bucket + 1 < EV_BUCKETS.length
        ? String.format("%.0f-%.0f%%", 100 * EV_BUCKETS[bucket], 100 * EV_BUCKETS[bucket + 1])
        : String.format("%.0f%%+", 100 * EV_BUCKETS[bucket]);
  }

  private static String hitRate(int wins, int losses) {
    double[] ci = GradePredictions.wilson(wins, wins + losses);
    if (ci == null) {
      return String.format("%-24s", "-");
    }
    return String.format("%-24s", String.format("%.1f%% of %d [%.1f-%.1f]", 100.0 * wins / (wins + losses), wins + losses,
        100 * ci[0], 100 * ci[1]));
  }

  private static String roi(List<BettingMetrics.Pick> picks) {
    Double roi = BettingMetrics.roi(picks);
    BettingMetrics.Interval ci = BettingMetrics.roiInterval(picks);
    if (roi == null || ci == null) {
      return String.format("%-28s", "-");
    }
    return String.format("%-28s", String.format("%+.1f%% [%+.1f%%, %+.1f%%]", 100 * roi, 100 * ci.low(), 100 * ci.high()));
  }

  private static String brier(Cell c) {
    if (c.pOver.isEmpty()) {
      return String.format("%-21s", "-");
    }
    double[] outcomes = array(c.over);
    return String.format("%-21s", String.format("%.4f / %.4f", BettingMetrics.brier(array(c.pOver), outcomes),
        BettingMetrics.brier(array(c.marketPOver), outcomes)));
  }

  private static String clv(List<BettingMetrics.LineMove> moves) {
    Double share = BettingMetrics.closingLineValue(moves);
    return share == null ? "- (no pick saw two snapshots)" : String.format("%.1f%% of %d", 100 * share, moves.size());
  }

  private static double[] array(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  static List<JsonNode> rows(Path out, String table) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    Path dir = out.resolve(table);
    if (!Files.exists(dir)) {
      return all;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        if (f.getFileName().toString().endsWith(".json")) {
          for (String line : Files.readAllLines(f)) {
            all.add(JSON.readTree(line));
          }
        }
      }
    }
    return all;
  }
}
