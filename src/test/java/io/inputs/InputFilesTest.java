package io.inputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which files of a folder a run reads, and that it says so when a file has a twin it does not read. */
public class InputFilesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String PROPS = "snapshot_file,event_id,player,market,line,bookmaker,game_time\n"
      + "raw_20241129_150000.csv,e1,Ann Example,player_points,20.5,draftkings,2024-11-30T00:30:00Z\n";

  private Path file(String name, String content) throws Exception {
    Path f = tmp.getRoot().toPath().resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f))) {
        os.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(f, content);
    }
    return f;
  }

  @Test
  public void everySnapshotFileOfTheGlobIsReadAndATwinIsReportedNotRead() throws Exception {
    file("player_game_logs.csv", "PLAYER_NAME\nx\n");
    Path main = file("player_props_snapshots.csv.gz", PROPS);
    Path dropped = file("player_props_snapshots_20241129_1730.csv", PROPS);
    Path plain = file("player_props_snapshots_late.csv", PROPS);
    Path twin = file("player_props_snapshots_late.csv.gz", PROPS);
    file("player_props_snapshots_empty.csv", "");
    InputFiles files = InputFiles.discover(tmp.getRoot().toString());
    assertThat(files.paths(InputFiles.Input.PLAYER_PROPS),
        contains(main.toString(), dropped.toString(), plain.toString()));
    assertThat(files.report(), hasItem(
        "player_props_snapshots.csv: both " + plain + " and " + twin + " are present: reading the first, not " + twin));
    // the watch skips what the morning considered, twins and empty files included, and nothing else
    assertThat(files.snapshotFilesListed().size(), equalTo(5));
    assertThat(files.snapshotFilesListed(), hasItems(main.toString(), dropped.toString(), plain.toString(), twin.toString()));
  }

  @Test
  public void aPlainFileBesideItsGzipIsReadAndTheGzipIsNamedAsNotRead() throws Exception {
    Path plain = file("player_game_logs.csv", "PLAYER_NAME\nx\n");
    file("player_game_logs.csv.gz", "PLAYER_NAME\nx\n");
    InputFiles files = InputFiles.discover(tmp.getRoot().toString());
    assertThat(files.paths(InputFiles.Input.PLAYER_GAME_LOGS), contains(plain.toString()));
    assertThat(files.report(), hasItem("player_game_logs.csv: both " + plain + " and " + plain + ".gz are present: reading "
        + plain + ", not " + plain + ".gz"));
  }
}
