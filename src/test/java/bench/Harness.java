package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness (a program, not a test). Each run is its own JVM from the shaded jar, as a user runs
 * it, under {@code /usr/bin/time -v} for the peak memory: the full real 2023-24 backfill, generated leagues of
 * 1, 2 and 5 seasons (the embedded sample's generator, fixed seed) to show how time and memory grow, and a
 * same-day run for one date. Prints wall time, rows per second and peak RSS.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/nba-props-pipeline.jar:target/test-classes bench.Harness
 *     [--seasons=1,2,5] [--jvm=-Xmx16g] [--generatedOnly]</pre>
 */
public final class Harness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of("target", "nba-props-pipeline.jar");

  record Result(String name, double wallSeconds, long maxRssKb, long boxScores, long featureRows, int exit) {}

  /** Extra JVM options of every run (e.g. {@code --jvm=-Xmx16g}); none by default: the JVM's own heap default. */
  private static final List<String> JVM = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String seasons = "1,2,5";
    boolean realRuns = true;
    for (String a : args) {
      if (a.startsWith("--seasons=")) {
        seasons = a.substring("--seasons=".length());
      } else if (a.startsWith("--jvm=")) {
        JVM.add(a.substring("--jvm=".length()));
      } else if (a.equals("--generatedOnly")) {
        realRuns = false;
      }
    }
    if (!Files.exists(JAR)) {
      System.out.println("build the jar first: mvn -q -DskipTests package");
      return;
    }
    Path root = Files.createTempDirectory("harness");
    List<Result> results = new ArrayList<>();
    Path real = Path.of("..", "shared", "data", "nba", "2023-24").toAbsolutePath().normalize();
    if (!realRuns) {
      System.out.println("--generatedOnly: the real season's runs are skipped");
    } else if (Files.exists(real.resolve("player_game_logs.csv"))) {
      results.add(run("backfill, real 2023-24 season", root.resolve("real"), "backfill", "--inputDir=" + real));
      results.add(run("same-day, real 2023-24, 2024-01-10", root.resolve("real-same-day"), "same-day", "--inputDir=" + real,
          "--date=2024-01-10"));
    } else {
      System.out.println("real 2023-24 data absent at " + real + ": its runs are skipped");
    }
    for (String s : seasons.split(",")) {
      int n = Integer.parseInt(s.trim());
      Path league = root.resolve("league-" + n);
      run("generate " + n, league, "generate-sample", "--seasons=" + n);
      results.add(run("backfill, generated league, " + n + " season" + (n == 1 ? "" : "s"), root.resolve("out-" + n),
          "backfill", "--inputDir=" + league));
    }
    System.out.println();
    System.out.println("| run | wall | box scores read | feature rows | rows/s (box scores) | peak RSS | exit |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.1f s | %,d | %,d | %,.0f | %.2f GB | %d |%n", r.name(), r.wallSeconds(), r.boxScores(),
          r.featureRows(), r.boxScores() / r.wallSeconds(), r.maxRssKb() / 1024.0 / 1024.0, r.exit());
    }
  }

  static Result run(String name, Path out, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    boolean timed = new File("/usr/bin/time").canExecute();
    if (timed) {
      cmd.addAll(List.of("/usr/bin/time", "-v"));
    }
    cmd.add("java");
    cmd.addAll(JVM);
    cmd.addAll(List.of("-jar", JAR.toString(), args[0], "--outputDir=" + out));
    for (int i = 1; i < args.length; i++) {
      cmd.add(args[i]);
    }
    Path log = Files.createTempFile("harness", ".log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    String text = Files.readString(log, StandardCharsets.UTF_8);
    long rss = 0;
    Matcher m = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(text);
    if (m.find()) {
      rss = Long.parseLong(m.group(1));
    }
    long boxScores = 0;
    long featureRows = 0;
    Path summary = out.resolve("run_summary.json");
    if (Files.exists(summary)) {
      JsonNode s = JSON.readTree(summary.toFile());
      boxScores = s.path("inputs").path("player_game_logs.csv").path("rows_read").asLong();
      featureRows = s.path("tables").path("ml_feature_store_v2").path("rows_written").asLong();
    }
    System.out.printf(Locale.ROOT, "%-45s %7.1f s  %6.2f GB  exit %d%n", name, wall, rss / 1024.0 / 1024.0, exit);
    return new Result(name, wall, rss, boxScores, featureRows, exit);
  }
}
