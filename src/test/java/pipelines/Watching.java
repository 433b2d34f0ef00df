package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Helpers of the tests that drive a {@code same-day --watch} run on the embedded sample's upcoming date. */
final class Watching {
  private Watching() {}

  static final String SNAPSHOT_HEADER =
      "snapshot_file,event_id,player,market,line,bookmaker,game,game_time,over_odds,under_odds\n";

  /** A 23:15Z snapshot moving Andre Pryor's (LAL @ PHX, 2024-11-29) points line to {@code line} at three books. */
  static String movedLine(double line) {
    StringBuilder moved = new StringBuilder(SNAPSHOT_HEADER);
    for (String book : List.of("draftkings", "fanduel", "betmgm")) {
      moved.append("raw_20241129_231500.csv,evt0022400061,Andre Pryor,player_points,").append(line).append(',').append(book)
          .append(",Los Angeles Lakers @ Phoenix Suns,2024-11-30T03:30:00Z,-110.0,-110.0\n");
    }
    return moved.toString();
  }

  /** A new file appears whole, as a GCS object does: written beside, then renamed into the watched name. */
  static void land(Path dir, String name, String content) throws Exception {
    Path tmp = dir.resolve("." + name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  /** Waits (at most a minute) for {@code check}, failing at once if the watching run ends first. */
  static void waitFor(Check check, CompletableFuture<FeaturesTest.Run> running) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!check.ok()) {
      if (running.isDone()) {
        FeaturesTest.Run r = running.get();
        throw new AssertionError("the watching run ended first: exit " + r.exit() + "\n" + r.stderr());
      }
      assertThat("timed out", System.currentTimeMillis(), lessThan(deadline));
      Thread.sleep(100);
    }
  }
}
