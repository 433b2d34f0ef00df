package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import pipelines.Main;
import transforms.predictions.GbmModel;
import transforms.predictions.GradePredictions;

/**
 * The honest, walk-forward evaluation (a program, not a test), from the rows the pipeline itself predicts.
 * 2023-24: train on games before 2024-02-01, then backfill every later game day with that model, twice: with the
 * season's shot-zone file and without it (the same folder minus {@code shot_zones.csv.gz}), to show what the
 * optional feed is worth and that a run without it still predicts. 2025-26 (box scores and real lines, no shot
 * zones): train on all of 2023-24 and backfill 2025-26 with that model. Needs ../shared/data/nba.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/nba-props-pipeline.jar:target/test-classes bench.Evaluation</pre>
 */
public final class Evaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path data = Path.of("..", "shared", "data", "nba").toAbsolutePath().normalize();
    if (!Files.exists(data.resolve("2023-24").resolve("player_game_logs.csv"))) {
      System.out.println("real data absent at " + data + ": nothing to evaluate");
      return;
    }
    Path root = Files.createTempDirectory("evaluation");
    Path s23 = data.resolve("2023-24");
    Path s23NoZones = withoutShotZones(s23, root.resolve("2023-24-no-shot-zones-input"));
    Map<String, Path> outs = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Path> in : Map.of("with shot zones", s23, "without shot zones", s23NoZones).entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      String tag = in.getKey().replace(' ', '-');
      String early = root.resolve("gbm-to-2024-01-31-" + tag).toString();
      run("train", "--inputDir=" + in.getValue(), "--outputDir=" + root.resolve("train-early-" + tag), "--startDate=2023-10-24",
          "--endDate=2024-01-31", "--modelOut=" + early);
      Path late = root.resolve("2023-24-late-" + tag);
      run("backfill", "--inputDir=" + in.getValue(), "--outputDir=" + late, "--startDate=2024-02-01", "--endDate=2024-04-07",
          "--model=" + early);
      outs.put(in.getKey(), late);
    }
    for (Map.Entry<String, Path> o : outs.entrySet()) {
      System.out.println("\n2023-24 " + o.getKey() + ": trained on 2023-10-24..2024-01-31, predicted 2024-02-01..2024-04-07 (walk-forward):");
      coverage(o.getValue());
      report(o.getValue(), rows(o.getValue(), "player_prop_predictions"), false);
    }

    Path s26 = data.resolve("2025-26");
    if (Files.exists(s26.resolve("player_game_logs.csv"))) {
      String full = root.resolve("gbm-2023-24").toString();
      run("train", "--inputDir=" + s23, "--outputDir=" + root.resolve("train-full"), "--modelOut=" + full);
      Path out26 = root.resolve("2025-26");
      run("backfill", "--inputDir=" + s26, "--outputDir=" + out26, "--model=" + full);
      System.out.println("\n2025-26, trained on all of 2023-24 (with its shot zones; this folder has none, so the model is"
          + " given them as missing); the pipeline's own predictions of games with both a box score and a points line:");
      coverage(out26);
      report(out26, rows(out26, "player_prop_predictions"), true);
    }
  }

  /** A copy of a season folder without its shot-zone file (links, not copies, of the rest). */
  private static Path withoutShotZones(Path season, Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(season)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().startsWith("shot_zones")) {
          Files.createSymbolicLink(dir.resolve(f.getFileName()), f);
        }
      }
    }
    return dir;
  }

  /** Quality-ready share, and eligible rows (ready, 15+ minutes) against the rows the pipeline predicted. */
  private static void coverage(Path out) throws Exception {
    int rows = 0;
    int ready = 0;
    int eligible = 0;
    java.util.Set<String> eligibleKeys = new java.util.HashSet<>();
    for (JsonNode f : rows(out, "ml_feature_store_v2")) {
      rows++;
      List<String> names = new ArrayList<>();
      f.get("feature_names").forEach(n -> names.add(n.asText()));
      if (f.get("is_quality_ready").asBoolean()) {
        ready++;
        if (f.get("features").get(names.indexOf("minutes_avg_last_10")).asDouble() >= 15) {
          eligible++;
          eligibleKeys.add(f.get("player_lookup").asText() + "|" + f.get("game_date").asText());
        }
      }
    }
    java.util.Set<String> predicted = new java.util.HashSet<>();
    for (JsonNode p : rows(out, "player_prop_predictions")) {
      if (p.get("system_id").asText().equals(GbmModel.SYSTEM_ID) && p.get("market").asText().equals("player_points")) {
        predicted.add(p.get("player_lookup").asText() + "|" + p.get("game_date").asText());
      }
    }
    java.util.Set<String> unpredicted = new java.util.HashSet<>(eligibleKeys);
    unpredicted.removeAll(predicted);
    System.out.printf("  feature rows %d, quality-ready %d (%.1f%%), eligible (ready, 15+ min) %d, predicted by %s %d,"
        + " eligible not predicted %d%n", rows, ready, rows == 0 ? 0 : 100.0 * ready / rows, eligible, GbmModel.SYSTEM_ID,
        predicted.size(), unpredicted.size());
  }

  private static void run(String... args) {
    long t0 = System.nanoTime();
    int exit = Main.run(args);
    System.out.printf("%s exit %d in %.0f s%n", args[0], exit, (System.nanoTime() - t0) / 1e9);
    // 3 is a health breach: the run wrote its tables and says why in its report, which is part of what is measured.
    if (exit != 0 && exit != 3) {
      throw new IllegalStateException(String.join(" ", args) + " failed");
    }
  }

  /** Error accumulator of one system on one population. */
  private static final class Err {
    double sum;
    int n;
    int wins;
    int losses;

    void add(double predicted, double actual) {
      sum += Math.abs(predicted - actual);
      n++;
    }

    String mae() {
      return n == 0 ? "-" : String.format("%.2f (n=%d)", sum / n, n);
    }
  }

  private static List<JsonNode> rows(Path out, String table) throws Exception {
    return MarketEvaluation.rows(out, table);
  }

  private static void report(Path out, List<JsonNode> predictions, boolean linesOnly) throws Exception {
    Map<String, Integer> actual = new HashMap<>();
    for (JsonNode r : rows(out, "player_game_summary")) {
      actual.put(r.get("player_lookup").asText() + "|" + r.get("game_date").asText(), r.get("points").asInt());
    }
    Map<String, JsonNode> features = new HashMap<>();
    for (JsonNode r : rows(out, "ml_feature_store_v2")) {
      features.put(r.get("player_lookup").asText() + "|" + r.get("game_date").asText(), r);
    }
    Map<String, Map<String, Err>> byBucket = new TreeMap<>();
    for (JsonNode p : predictions) {
      if (!p.get("market").asText().equals("player_points")) {
        continue; // points only, until this program is rewritten per market
      }
      String key = p.get("player_lookup").asText() + "|" + p.get("game_date").asText();
      Integer points = actual.get(key);
      JsonNode f = features.get(key);
      boolean hasLine = !p.get("line").isNull();
      if (points == null || f == null || (linesOnly && !hasLine)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      f.get("feature_names").forEach(n -> names.add(n.asText()));
      double minutes = f.get("features").get(names.indexOf("minutes_avg_last_10")).asDouble();
      String bucket = minutes < 25 ? "15-25 min" : minutes < 32 ? "25-32 min" : "32+ min";
      for (String b : List.of("all", bucket)) {
        Map<String, Err> m = byBucket.computeIfAbsent(b, k -> new TreeMap<>());
        Err e = m.computeIfAbsent(p.get("system_id").asText(), k -> new Err());
        e.add(p.get("predicted_value").asDouble(), points);
        String outcome = hasLine ? GradePredictions.outcome(p.get("recommendation").asText(), p.get("line").asDouble(), points) : "";
        e.wins += outcome.equals("WIN") ? 1 : 0;
        e.losses += outcome.equals("LOSS") ? 1 : 0;
        if (p.get("system_id").asText().equals("baseline_avg_v1")) {
          m.computeIfAbsent("last_10_avg", k -> new Err())
              .add(f.get("features").get(names.indexOf("pts_avg_last_10")).asDouble(), points);
          m.computeIfAbsent("season_avg", k -> new Err())
              .add(f.get("features").get(names.indexOf("pts_avg_season")).asDouble(), points);
          if (hasLine) {
            m.computeIfAbsent("the_line_itself", k -> new Err()).add(p.get("line").asDouble(), points);
          }
        }
      }
    }
    for (Map.Entry<String, Map<String, Err>> b : byBucket.entrySet()) {
      System.out.println("  " + b.getKey());
      for (Map.Entry<String, Err> e : b.getValue().entrySet()) {
        Err err = e.getValue();
        String hit = "";
        if (linesOnly && err.wins + err.losses > 0) {
          double[] ci = GradePredictions.wilson(err.wins, err.wins + err.losses);
          hit = String.format("   hit rate %.1f%% of %d bets (95%% CI %.1f–%.1f%%)", 100.0 * err.wins / (err.wins + err.losses),
              err.wins + err.losses, 100 * ci[0], 100 * ci[1]);
        }
        System.out.printf("    %-16s MAE %s%s%n", e.getKey(), err.mae(), hit);
      }
    }
  }
}
