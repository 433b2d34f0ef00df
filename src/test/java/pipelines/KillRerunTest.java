package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A backfill killed with SIGKILL while it writes (its own JVM, killed as soon as its first partition is in the
 * run's manifest) leaves every earlier partition whole, and the rerun writes the same bytes.
 */
public class KillRerunTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static boolean writing(Path out) throws Exception {
    Path runs = out.resolve("_runs");
    if (!Files.isDirectory(runs)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String[] entries = d.toFile().list();
        if (entries != null && entries.length > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Path> temporaries(Path out) throws Exception {
    try (Stream<Path> all = Files.walk(out)) {
      return all.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  public void aBackfillKilledWhileWritingLeavesWholePartitionsAndTheRerunIsByteIdentical() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false"}), equalTo(0));
    Map<String, String> before = BackfillTest.allTables(out);
    assertThat(before.size(), greaterThan(100));

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "pipelines.Main", "backfill",
        "--inputDir=" + out.resolve("embedded_sample_input"), "--outputDir=" + out));
    File log = tmp.newFile("killed.log");
    Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    long deadline = System.currentTimeMillis() + 300_000;
    while (run.isAlive() && !writing(out) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat("the run was still writing when killed; its log: " + Files.readString(log.toPath()),
        run.isAlive() && writing(out), equalTo(true));
    run.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(run.waitFor(30, TimeUnit.SECONDS), equalTo(true));

    // every partition the folder holds is a whole one: the old or the rewritten one, the same bytes
    assertThat(BackfillTest.allTables(out), equalTo(before));

    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + out.resolve("embedded_sample_input"),
        "--outputDir=" + out}), equalTo(0));
    assertThat(BackfillTest.allTables(out), equalTo(before));
    assertThat(temporaries(out).toString(), temporaries(out).isEmpty(), equalTo(true));
  }
}
