package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The jar's backfill, end to end on the embedded sample: outputs, summary, reruns and input errors. */
public class BackfillTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, String> readTable(Path outputDir, String table) throws Exception {
    Map<String, String> files = new TreeMap<>();
    Path dir = outputDir.resolve(table);
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        if (f.getFileName().toString().endsWith(".json")) {
          files.put(f.getFileName().toString(), Files.readString(f));
        }
      }
    }
    return files;
  }

  static List<JsonNode> rows(Map<String, String> files) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String content : files.values()) {
      for (String line : content.split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  @Test
  public void embeddedSampleRunsReconcilesAndRerunsReplaceWithoutDuplicates() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false", "--progressSeconds=1"}), equalTo(0));
    } finally {
      System.setOut(stdout);
    }
    // A long run says where it is: a progress line every --progressSeconds, from the running job's counters.
    List<String> progress = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("progress:")).toList();
    assertThat(printed.toString(StandardCharsets.UTF_8), progress.isEmpty(), equalTo(false));
    progress.forEach(l -> assertThat(l, org.hamcrest.Matchers.matchesPattern(pipelines.reports.ProgressTest.SHAPE)));

    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat("every game date of the range counted once", summary.get("counters").get("progress").get("dates_to_build").asLong(),
        equalTo((long) readTable(out, "player_game_summary").size()));
    JsonNode logs = summary.get("inputs").get("player_game_logs.csv");
    assertThat(logs.get("reconciled").asBoolean(), equalTo(true));
    assertThat(logs.get("rows_read").asLong(), greaterThan(500L));
    assertThat(logs.get("rows_dead_lettered").asLong(), equalTo(0L));
    long written = summary.get("tables").get("player_game_summary").get("rows_written").asLong();
    assertThat(written, equalTo(logs.get("rows_accepted").asLong()));

    Map<String, String> first = readTable(out, "player_game_summary");
    List<JsonNode> rows = rows(first);
    assertThat((long) rows.size(), equalTo(written));
    Set<String> keys = new HashSet<>();
    for (JsonNode r : rows) {
      keys.add(r.get("player_lookup").asText() + "|" + r.get("game_date").asText());
      assertThat(r.has("possessions"), equalTo(true));
    }
    assertThat(keys.size(), equalTo(rows.size()));
    // the accented and suffixed names of the sample fold as documented
    assertThat(keys.stream().anyMatch(k -> k.startsWith("tomaskovac|")), equalTo(true));

    // a rerun into the same folder replaces every file with the same content: no row is added
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false"}), equalTo(0));
    assertThat(readTable(out, "player_game_summary"), equalTo(first));

    // a narrower rerun rewrites only its dates and leaves the others as they were (a date mid-sample: on the
    // first day nobody has history, so no row is quality-ready, which the health report calls an error)
    String someDate = rows.get(rows.size() / 2).get("game_date").asText();
    assertThat(
        Main.run(new String[] {"backfill", "--outputDir=" + out, "--inputDir=" + out.resolve("embedded_sample_input"),
            "--startDate=" + someDate, "--endDate=" + someDate}),
        equalTo(0));
    assertThat(readTable(out, "player_game_summary"), equalTo(first));
  }

  @Test
  public void aRunRemovesOnlyPartitionsItOwnedAndDidNotWrite() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    // another season already in the folder: a backfill without --startDate/--endDate does not own it
    Path otherSeason = Files.createDirectories(out.resolve("player_game_summary")).resolve("2023-01-05.json");
    Files.writeString(otherSeason, "{\"player_lookup\":\"other\",\"game_date\":\"2023-01-05\"}\n");
    Path otherFeatures = Files.createDirectories(out.resolve("ml_feature_store_v2")).resolve("2023-01-05.json");
    Files.writeString(otherFeatures, "{}\n");
    Path otherDeadLetters = Files.createDirectories(out.resolve("dead_letter")).resolve("other_season_logs.csv.json");
    Files.writeString(otherDeadLetters, "{}\n");
    for (Path f : List.of(otherSeason, otherFeatures, otherDeadLetters)) {
      Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
    }
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false"}), equalTo(0));
    assertThat(Files.exists(otherSeason), equalTo(true));
    assertThat(Files.exists(otherFeatures), equalTo(true));
    assertThat(Files.exists(otherDeadLetters), equalTo(true));

    // a date of the range without any input (the sample ends before it) is not the run's either
    Path unbuilt = out.resolve("player_game_summary").resolve("2024-12-20.json");
    Files.writeString(unbuilt, "{\"player_lookup\":\"ghost\",\"game_date\":\"2024-12-20\"}\n");
    Files.setLastModifiedTime(unbuilt, java.nio.file.attribute.FileTime.fromMillis(0));
    // a partition of a source the run reads, stamped in the future (another machine's clock): the manifest, not
    // the file time, says the run did not write it
    Path stale = out.resolve("dead_letter").resolve("player_game_logs.csv.json");
    Files.writeString(stale, "{}\n");
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    Path leftover = out.resolve("player_game_summary").resolve(".2024-11-20.json.0123.tmp");
    Files.writeString(leftover, "{\"half\":");
    assertThat(
        Main.run(new String[] {"backfill", "--outputDir=" + out, "--inputDir=" + out.resolve("embedded_sample_input"),
            "--startDate=2024-11-20", "--endDate=2024-12-31"}),
        equalTo(0));
    assertThat(Files.exists(stale), equalTo(false));
    assertThat(Files.exists(leftover), equalTo(false));
    assertThat(Files.exists(unbuilt), equalTo(true));
    assertThat(Files.exists(otherSeason), equalTo(true));
    assertThat(Files.exists(otherDeadLetters), equalTo(true));
    assertThat(Files.exists(out.resolve("_runs")) && Files.list(out.resolve("_runs")).anyMatch(
        d -> d.toFile().list().length > 0), equalTo(false));
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("stale_partitions_removed").get("dead_letter").get(0).asText(), equalTo("player_game_logs.csv"));
  }

  /** Every file under the table folders of {@code out}: table/file → content. */
  static Map<String, String> allTables(Path out) throws Exception {
    Map<String, String> all = new TreeMap<>();
    for (schemas.TableSpec<?> t : schemas.Tables.ALL) {
      readTable(out, t.name()).forEach((f, c) -> all.put(t.name() + "/" + f, c));
    }
    return all;
  }

  @Test
  public void aRequiredFileWhoseRowsAreAllRejectedIsRefusedAndNothingIsWrittenOrDeleted() throws Exception {
    Path out = tmp.newFolder("out").toPath();
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false"}), equalTo(0));
    Map<String, String> before = allTables(out);
    Path in = tmp.newFolder("semicolons").toPath();
    Path logs = out.resolve("embedded_sample_input").resolve("player_game_logs.csv");
    Files.writeString(in.resolve("player_game_logs.csv"), Files.readString(logs).replace(',', ';'));
    String err = stderrOf("backfill", "--inputDir=" + in, "--outputDir=" + out);
    assertThat(err, containsString("error: "));
    assertThat(err, containsString("data rows rejected"));
    assertThat(err.trim().split("\n").length, equalTo(1));
    assertThat(allTables(out), equalTo(before));
  }

  private static String stderrOf(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args), equalTo(2));
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void inputProblemsAreClearErrorsNotStackTraces() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path out = tmp.newFolder("out").toPath();
    String missing = stderrOf("backfill", "--inputDir=" + in, "--outputDir=" + out);
    assertThat(missing, containsString("required input player_game_logs.csv (or player_game_logs.csv.gz) is not in"));

    Files.writeString(in.resolve("player_game_logs.csv"), "");
    assertThat(stderrOf("backfill", "--inputDir=" + in, "--outputDir=" + out), containsString("is empty (no header line)"));

    Files.writeString(in.resolve("player_game_logs.csv"), io.csv.ReadCsvRecordsTest.HEADER + "\n");
    assertThat(stderrOf("backfill", "--inputDir=" + in, "--outputDir=" + out), containsString("has a header but no data rows"));

    assertThat(stderrOf("backfill", "--outputDir=" + out, "--startDate=2024-13-01"), containsString("startDate '2024-13-01' is not a date"));
    assertThat(stderrOf("nonsense"), containsString("unknown pipeline 'nonsense'"));
  }

  @Test
  public void missingOptionalFilesAreReportedOnceAndTheRunGoesOn() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Path out = tmp.newFolder("out").toPath();
    Files.writeString(in.resolve("player_game_logs.csv"), io.csv.ReadCsvRecordsTest.HEADER + "\n" + io.csv.ReadCsvRecordsTest.GORDON + "\n"
        + io.csv.ReadCsvRecordsTest.GORDON.replace("203932", "1").replace(",15,", ",99,") + "\n");
    // One of the two box scores is rejected: a health error (HealthReportTest), not what this test is about.
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + out, "--healthFailOn=never"}), equalTo(0));
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    List<String> report = new ArrayList<>();
    summary.get("inputs_report").forEach(n -> report.add(n.asText()));
    assertThat(report, hasItem("schedule.csv: absent (optional) — features from it fall back to defaults"));
    assertThat(report.stream().filter(r -> r.startsWith("shot_zones.csv")).count(), equalTo(1L));
    JsonNode logs = summary.get("inputs").get("player_game_logs.csv");
    assertThat(logs.get("rows_read").asLong(), equalTo(2L));
    assertThat(logs.get("rows_dead_lettered").asLong(), equalTo(1L));
    List<JsonNode> dead = rows(readTable(out, "dead_letter"));
    assertThat(dead.size(), equalTo(1));
    assertThat(dead.get(0).get("line_number").asLong(), equalTo(3L));
    assertThat(dead.get(0).get("reason").asText(), containsString("PTS 99 != 2·FGM + FG3M + FTM = 15"));
  }
}
