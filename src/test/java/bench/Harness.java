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
 * it, under {@code /usr/bin/time -v} for CPU time and peak memory: the full real 2023-24 backfill and the same run
 * without features ({@code --buildFeatures=false}, the floor the issue measures against), a same-day run for one
 * date, and generated leagues of 1, 2 and 5 seasons (the embedded sample's generator, fixed seed) to show how time
 * and memory grow. Prints wall time, CPU time (user + system: the figure to trust on a machine shared with other
 * jobs), peak RSS and box scores per second of wall time; with {@code --repeat=N} each figure is the median of N runs.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/nba-props-pipeline.jar:target/test-classes bench.Harness
 *     [--seasons=1,2,5] [--jvm=-Xmx16g] [--generatedOnly | --realOnly] [--repeat=3] [--jar=other.jar]</pre>
 */
public final class Harness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path jar = Path.of("target", "nba-props-pipeline.jar");
  private static int repeat = 1;

  record Result(String name, double wallSeconds, double cpuSeconds, long maxRssKb, long boxScores, long featureRows, int exit) {}

  /**
   * Extra JVM options of every measured run (e.g. {@code --jvm=-Xmx4g}); none by default: the JVM's own heap default.
   * Not the generator's: it writes a league, it is not what is measured.
   */
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
      } else if (a.equals("--realOnly")) {
        seasons = "";
      } else if (a.startsWith("--repeat=")) {
        repeat = Integer.parseInt(a.substring("--repeat=".length()));
      } else if (a.startsWith("--jar=")) {
        jar = Path.of(a.substring("--jar=".length()));
      }
    }
    if (!Files.exists(jar)) {
      System.out.println("build the jar first: mvn -q -DskipTests package");
      return;
    }
    Path root = Files.createTempDirectory("harness");
    List<Result> results = new ArrayList<>();
    Path real = Path.of("..", "shared", "data", "nba", "2023-24").toAbsolutePath().normalize();
    if (!realRuns) {
      System.out.println("--generatedOnly: the real season's runs are skipped");
    } else if (Files.exists(real.resolve("player_game_logs.csv"))) {
      Result full = run("backfill, real 2023-24 season", root.resolve("real"), "backfill", "--inputDir=" + real);
      Result floor = run("backfill, real 2023-24, --buildFeatures=false", root.resolve("real-no-features"), "backfill",
          "--inputDir=" + real, "--buildFeatures=false");
      results.add(full);
      results.add(floor);
      results.add(run("same-day, real 2023-24, 2024-01-10", root.resolve("real-same-day"), "same-day", "--inputDir=" + real,
          "--date=2024-01-10"));
      System.out.printf(Locale.ROOT, "full backfill / without features: %.2fx wall, %.2fx CPU%n",
          full.wallSeconds() / floor.wallSeconds(), full.cpuSeconds() / floor.cpuSeconds());
    } else {
      System.out.println("real 2023-24 data absent at " + real + ": its runs are skipped");
    }
    for (String s : seasons.split(",")) {
      if (s.isBlank()) {
        continue;
      }
      int n = Integer.parseInt(s.trim());
      Path league = root.resolve("league-" + n);
      once("generate " + n, league, "generate-sample", "--seasons=" + n);
      results.add(run("backfill, generated league, " + n + " season" + (n == 1 ? "" : "s"), root.resolve("out-" + n),
          "backfill", "--inputDir=" + league));
    }
    System.out.println();
    System.out.println("| run | wall | CPU (user+sys) | peak RSS | box scores read | feature rows | box scores/s | exit |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.1f s | %.1f s | %.2f GB | %,d | %,d | %,.0f | %d |%n", r.name(), r.wallSeconds(),
          r.cpuSeconds(), r.maxRssKb() / 1024.0 / 1024.0, r.boxScores(), r.featureRows(), r.boxScores() / r.wallSeconds(),
          r.exit());
    }
  }

  /** {@link #once} {@code --repeat} times: the median wall, CPU and peak RSS (each its own median). */
  static Result run(String name, Path out, String... args) throws Exception {
    List<Result> runs = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      runs.add(once(name, out, args));
    }
    Result last = runs.get(runs.size() - 1);
    return new Result(name, median(runs, Result::wallSeconds), median(runs, Result::cpuSeconds),
        (long) median(runs, r -> (double) r.maxRssKb()), last.boxScores(), last.featureRows(), last.exit());
  }

  private static double median(List<Result> runs, java.util.function.ToDoubleFunction<Result> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static Result once(String name, Path out, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    boolean timed = new File("/usr/bin/time").canExecute();
    if (timed) {
      cmd.addAll(List.of("/usr/bin/time", "-v"));
    }
    cmd.add("java");
    if (!args[0].equals("generate-sample")) {
      cmd.addAll(JVM);
    }
    cmd.addAll(List.of("-jar", jar.toString(), args[0], "--outputDir=" + out));
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
    double cpu = 0;
    Matcher t = Pattern.compile("(User|System) time \\(seconds\\): ([\\d.]+)").matcher(text);
    while (t.find()) {
      cpu += Double.parseDouble(t.group(2));
    }
    long boxScores = 0;
    long featureRows = 0;
    Path summary = out.resolve("run_summary.json");
    if (Files.exists(summary)) {
      JsonNode s = JSON.readTree(summary.toFile());
      boxScores = s.path("inputs").path("player_game_logs.csv").path("rows_read").asLong();
      featureRows = s.path("tables").path("ml_feature_store_v2").path("rows_written").asLong();
    }
    System.out.printf(Locale.ROOT, "%-50s %7.1f s wall %7.1f s CPU %6.2f GB  exit %d%n", name, wall, cpu, rss / 1024.0 / 1024.0,
        exit);
    return new Result(name, wall, cpu, rss, boxScores, featureRows, exit);
  }
}
