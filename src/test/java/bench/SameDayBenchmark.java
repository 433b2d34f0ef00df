package bench;

import io.inputs.SampleLeague;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import pipelines.Main;

/**
 * Same-day figures (a program, not a test): the bounded run's wall time for one date (embedded sample, and
 * the real 2023-24 season where ../shared/data/nba is present), and in watch mode the time from a new
 * snapshot file landing to its updated row being in ml_feature_store_v2_line_updates.
 *
 * <pre>mvn -q -DskipTests package && java -cp target/nba-props-pipeline.jar:target/test-classes bench.SameDayBenchmark</pre>
 */
public final class SameDayBenchmark {
  private static final int MOVES = 7;
  private static final int POLL_SECONDS = 1;

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("same-day-bench");
    Path sample = root.resolve("sample");
    SampleLeague.write(sample, SampleLeague.Config.embedded());
    bounded("sample", sample, "2024-11-29", root);
    Path real = Path.of("..", "shared", "data", "nba", "2023-24").toAbsolutePath().normalize();
    if (Files.exists(real.resolve("player_game_logs.csv"))) {
      bounded("2023-24", real, "2024-01-10", root);
      bounded("2023-24", real, "2024-04-09", root);
    } else {
      System.out.println("real 2023-24 data absent at " + real + ": skipped");
    }
    watchLatency(sample, root.resolve("watch"));
    System.exit(0);
  }

  private static void bounded(String data, Path in, String date, Path root) {
    long t0 = System.nanoTime();
    int exit = Main.run(new String[] {"same-day", "--inputDir=" + in, "--outputDir=" + root.resolve(data + "-" + date), "--date=" + date});
    System.out.printf("same-day bounded  %-8s %s  exit %d  wall %.1f s%n", data, date, exit, (System.nanoTime() - t0) / 1e9);
  }

  private static void watchLatency(Path in, Path out) throws Exception {
    String date = "2024-11-29";
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new String[] {
        "same-day", "--inputDir=" + in, "--outputDir=" + out, "--date=" + date, "--watch",
        "--watchSeconds=" + (30 + MOVES * 5), "--pollSeconds=" + POLL_SECONDS}));
    Path morning = out.resolve("ml_feature_store_v2").resolve(date + ".json");
    Path updates = out.resolve("ml_feature_store_v2_line_updates").resolve(date + ".json");
    while (!Files.exists(morning)) {
      Thread.sleep(50);
    }
    List<Double> latencies = new ArrayList<>();
    for (int k = 1; k <= MOVES; k++) {
      String snapshot = String.format("2024-11-29T23:%02d:00Z", k);
      StringBuilder file = new StringBuilder("snapshot_file,event_id,player,market,line,bookmaker,game,game_time,over_odds,under_odds\n");
      for (String book : List.of("draftkings", "fanduel", "betmgm")) {
        file.append(String.format("raw_20241129_23%02d00.csv,evt0022400061,Andre Pryor,player_points,%.1f,%s,", k, 29.5 + k, book))
            .append("Los Angeles Lakers @ Phoenix Suns,2024-11-30T03:30:00Z,-110.0,-110.0\n");
      }
      Path tmp = in.resolve(".snapshot.tmp");
      Files.writeString(tmp, file, StandardCharsets.UTF_8);
      long landed = System.nanoTime();
      Files.move(tmp, in.resolve(String.format("player_props_snapshots_20241129_23%02d.csv", k)), StandardCopyOption.ATOMIC_MOVE);
      while (!(Files.exists(updates) && Files.readString(updates).contains(snapshot))) {
        Thread.sleep(10);
      }
      latencies.add((System.nanoTime() - landed) / 1e9);
      // Land the next file at a random phase of the poll cycle, as files do.
      Thread.sleep(1500 + (long) (Math.random() * 1000));
    }
    int exit = run.get(5, TimeUnit.MINUTES);
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "same-day --watch  sample   %s  poll %d s  landed-to-written over %d files: median %.2f s, min %.2f, max %.2f; exit %d%n",
        date, POLL_SECONDS, MOVES, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), exit);
  }
}
