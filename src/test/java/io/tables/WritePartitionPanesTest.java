package io.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The partition writer under accumulating panes: the newest pane's file stays, whatever order they come in. */
public class WritePartitionPanesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static PaneInfo early(long index) {
    return PaneInfo.createPane(index == 0, false, PaneInfo.Timing.EARLY, index, -1);
  }

  @Test
  public void aRetriedOlderPaneDoesNotReplaceANewerOne() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    NdjsonTableSink sink = new NdjsonTableSink(out.toString(), "run-1");
    String manifest = NdjsonTableSink.manifestDir(out.toString(), "run-1");
    NdjsonTableSink.WritePartitionFn fn =
        new NdjsonTableSink.WritePartitionFn(sink.tableDir("t"), "t", manifest, "run-1", true);
    Files.createDirectories(out.resolve("t"));
    Path file = out.resolve("t").resolve("2024-11-29.json");

    assertThat(fn.write("2024-11-29", List.of("{\"a\":1}"), early(0)), equalTo(true));
    assertThat(fn.write("2024-11-29", List.of("{\"a\":1}", "{\"a\":2}"), early(1)), equalTo(true));
    // pane 0 retried after pane 1 committed: nothing written
    assertThat(fn.write("2024-11-29", List.of("{\"a\":1}"), early(0)), equalTo(false));
    assertThat(Files.readString(file), equalTo("{\"a\":1}\n{\"a\":2}\n"));
    // the same pane again (a retry of the newest) rewrites the same bytes
    assertThat(fn.write("2024-11-29", List.of("{\"a\":2}", "{\"a\":1}"), early(1)), equalTo(true));
    assertThat(Files.readString(file), equalTo("{\"a\":1}\n{\"a\":2}\n"));
    assertThat(NdjsonTableSink.manifest(out.toString(), "run-1"), equalTo(Map.of("t", Set.of("2024-11-29"))));

    // a later run starts its own panes from 0: the record of another run does not hold it back
    NdjsonTableSink.WritePartitionFn next = new NdjsonTableSink.WritePartitionFn(
        sink.tableDir("t"), "t", NdjsonTableSink.manifestDir(out.toString(), "run-2"), "run-2", true);
    assertThat(next.write("2024-11-29", List.of("{\"a\":3}"), early(0)), equalTo(true));
    assertThat(Files.readString(file), equalTo("{\"a\":3}\n"));
  }

  @Test
  public void aMonthsGroupIsWrittenOneFilePerPartitionAndOtherPartitionsGroupAlone() throws Exception {
    assertThat(NdjsonTableSink.shardOf("2024-11-29"), equalTo("2024-11"));
    assertThat(NdjsonTableSink.shardOf("player_game_logs.csv"), equalTo("player_game_logs.csv"));
    Path out = tmp.newFolder("grouped").toPath();
    NdjsonTableSink sink = new NdjsonTableSink(out.toString(), "run-1");
    NdjsonTableSink.WritePartitionFn fn = new NdjsonTableSink.WritePartitionFn(
        sink.tableDir("t"), "t", NdjsonTableSink.manifestDir(out.toString(), "run-1"), "run-1", true);
    Files.createDirectories(out.resolve("t"));
    fn.process(org.apache.beam.sdk.values.KV.of("2024-11", List.of(
            org.apache.beam.sdk.values.KV.of("2024-11-30", "{\"b\":2}"),
            org.apache.beam.sdk.values.KV.of("2024-11-29", "{\"a\":2}"),
            org.apache.beam.sdk.values.KV.of("2024-11-30", "{\"b\":1}"))),
        PaneInfo.NO_FIRING);
    assertThat(Files.readString(out.resolve("t").resolve("2024-11-29.json")), equalTo("{\"a\":2}\n"));
    assertThat(Files.readString(out.resolve("t").resolve("2024-11-30.json")), equalTo("{\"b\":1}\n{\"b\":2}\n"));
    assertThat(NdjsonTableSink.manifest(out.toString(), "run-1"), equalTo(Map.of("t", Set.of("2024-11-29", "2024-11-30"))));
  }
}
