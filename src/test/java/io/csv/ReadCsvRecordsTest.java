package io.csv;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.PlayerGameSummary;
import io.inputs.PlayerGameLogParser;

public class ReadCsvRecordsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  public static final String HEADER =
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,"
          + "OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS";
  public static final String GORDON =
      "2023-24,203932,Aaron Gordon,DEN,0022300061,2023-10-24,DEN vs. LAL,W,35,7,11,1,2,0,0,2,5,7,5,2,1,0,0,15,6";
  public static final String JAMES =
      "2023-24,2544,LeBron James,LAL,0022300061,2023-10-24,LAL @ DEN,L,29,10,16,1,4,0,1,1,7,8,5,1,1,0,1,21,-12";

  private Path write(String name, String content, boolean gzip) throws Exception {
    Path f = tmp.getRoot().toPath().resolve(name);
    try (OutputStream os = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
      os.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  private static long counter(PipelineResult r, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        r.metrics()
            .queryMetrics(MetricsFilter.builder().addNameFilter(MetricNameFilter.named(ReadCsvRecords.METRICS_NAMESPACE, name)).build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  @Test
  public void goodAndBadRowsReconcileAndBadRowsCarryFileLineTextAndReason() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("\uFEFF" + HEADER); // a BOM before the header
    lines.add(GORDON);
    lines.add(JAMES.replace(",21,", ",twenty,"));
    lines.add(GORDON); // exact duplicate of line 2
    lines.add(JAMES.substring(0, 40)); // truncated
    lines.add("");
    lines.add(JAMES);
    Path f = write("player_game_logs.csv", String.join("\r\n", lines) + "\r\n", false);

    ReadCsvRecords<PlayerGameSummary> read =
        ReadCsvRecords.of(f.toString(), new PlayerGameLogParser(LocalDate.of(2030, 1, 1)), PlayerGameSummary.class);
    PCollectionTuple out = p.apply(read);
    PAssert.that(out.get(read.records()).apply("Lookups", MapElements.into(TypeDescriptors.strings()).via(PlayerGameSummary::getPlayerLookup)))
        .containsInAnyOrder("aarongordon", "lebronjames");
    PAssert.that(
            out.get(ReadCsvRecords.DEAD_LETTERS)
                .apply("Reasons", MapElements.into(TypeDescriptors.strings())
                    .via(d -> d.getSourceFile() + ":" + d.getLineNumber() + ":" + d.getReason())))
        .containsInAnyOrder(
            "player_game_logs.csv:3:PTS 'twenty' is not a number",
            "player_game_logs.csv:4:duplicate of line 2 (same player_id=203932, game_date=2023-10-24)",
            "player_game_logs.csv:5:row has 5 fields, the header has 25 (truncated line or wrong delimiter?)",
            "player_game_logs.csv:6:blank line");
    PAssert.that(
            out.get(ReadCsvRecords.DEAD_LETTERS)
                .apply("RawTexts", MapElements.into(TypeDescriptors.strings()).via(d -> d.getRawText())))
        .satisfies(
            texts -> {
              List<String> all = new ArrayList<>();
              texts.forEach(all::add);
              assertThat(all, containsInAnyOrder(lines.get(2), lines.get(3), lines.get(4), ""));
              return null;
            });
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertThat(counter(r, "player_game_logs.csv:rows_read"), equalTo(6L));
    assertThat(counter(r, "player_game_logs.csv:rows_accepted"), equalTo(2L));
    assertThat(counter(r, "player_game_logs.csv:rows_dead_lettered"), equalTo(4L));
  }

  @Test
  public void readsGzipAndDeadLettersEveryRowOfAFileWithTheWrongDelimiter() throws Exception {
    Path good = write("logs.csv.gz", HEADER + "\n" + GORDON + "\n", true);
    Path semicolons = write("semi.csv", HEADER.replace(',', ';') + "\n" + GORDON.replace(',', ';') + "\n", false);
    PlayerGameLogParser parser = new PlayerGameLogParser(LocalDate.of(2030, 1, 1));
    ReadCsvRecords<PlayerGameSummary> readGood = ReadCsvRecords.of(good.toString(), parser, PlayerGameSummary.class);
    ReadCsvRecords<PlayerGameSummary> readSemi = ReadCsvRecords.of(semicolons.toString(), parser, PlayerGameSummary.class);
    PCollectionTuple g = p.apply("good", readGood);
    PCollectionTuple s = p.apply("semi", readSemi);
    PAssert.that(g.get(readGood.records()).apply("Points", MapElements.into(TypeDescriptors.integers()).via(PlayerGameSummary::getPoints)))
        .containsInAnyOrder(15);
    PAssert.that(s.get(readSemi.records())).empty();
    PAssert.that(s.get(ReadCsvRecords.DEAD_LETTERS).apply("SemiReasons", MapElements.into(TypeDescriptors.strings()).via(d -> d.getLineNumber() + ":" + d.getReason())))
        .satisfies(
            rows -> {
              List<String> all = new ArrayList<>();
              rows.forEach(all::add);
              assertThat(all.size(), equalTo(1));
              assertThat(all.get(0).startsWith("2:file header lacks required columns [PLAYER_NAME"), equalTo(true));
              return null;
            });
    p.run().waitUntilFinish();
  }

  /**
   * A snapshot file comes out as one element per game date holding all its offers: the unit a consensus needs
   * whole, whatever the panes downstream.
   */
  @Test
  public void wholeFilePartsHoldEveryOfferOfTheirFileAndDate() throws Exception {
    Path f = write("player_props_snapshots_x.csv",
        "snapshot_file,event_id,player,market,line,bookmaker,game_time\n"
            + "raw_20241129_150000.csv,e1,Ann Example,player_points,20.5,draftkings,2024-11-30T00:30:00Z\n"
            + "raw_20241129_150000.csv,e1,Ann Example,player_points,21.5,fanduel,2024-11-30T00:30:00Z\n"
            + "raw_20241129_150000.csv,e2,Bob Sample,player_points,11.5,fanduel,2024-11-30T03:00:00Z\n"
            + "raw_20241129_150000.csv,e3,Cy Later,player_points,9.5,fanduel,2024-12-01T00:30:00Z\n"
            + "raw_20241129_150000.csv,e3,Cy Later,player_points,9.5\n", false);
    ReadCsvRecords<schemas.PropSnapshotOffer> read = ReadCsvRecords.of(
        f.toString(), new io.inputs.PropSnapshotParser(), schemas.PropSnapshotOffer.class)
        .wholeFileParts(schemas.PropSnapshotOffer::getGameDate);
    PCollectionTuple out = p.apply(read);
    PAssert.that(out.get(read.fileParts()).apply(MapElements.into(TypeDescriptors.strings())
            .via(kv -> kv.getKey() + " " + kv.getValue().get(0).getGameDate() + " " + kv.getValue().size())))
        .containsInAnyOrder("player_props_snapshots_x.csv 2024-11-29 3", "player_props_snapshots_x.csv 2024-11-30 1");
    PAssert.that(out.get(read.records())).empty();
    PAssert.that(out.get(ReadCsvRecords.DEAD_LETTERS).apply("DeadLines", MapElements.into(TypeDescriptors.longs())
        .via(d -> d.getLineNumber()))).containsInAnyOrder(6L);
    p.run().waitUntilFinish();
  }

  private ReadCsvRecords<PlayerGameSummary> logs(String pattern) {
    return ReadCsvRecords.of(pattern, new PlayerGameLogParser(LocalDate.of(2030, 1, 1)), PlayerGameSummary.class);
  }

  private static List<String> all(Iterable<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(out::add);
    return out;
  }

  @Test
  public void aLineOverTheCapIsDeadLetteredTruncatedAndTheFileGoesOn() throws Exception {
    // 3 MiB without a line end but the file's last: a corrupt export, generated rather than committed.
    String huge = "x".repeat(3 << 20);
    Path f = write("player_game_logs.csv", HEADER + "\n" + GORDON + "\n" + huge + "\n" + JAMES + "\n", false);
    ReadCsvRecords<PlayerGameSummary> read = logs(f.toString());
    PCollectionTuple out = p.apply(read);
    PAssert.that(out.get(read.records()).apply("Lookups", MapElements.into(TypeDescriptors.strings()).via(PlayerGameSummary::getPlayerLookup)))
        .containsInAnyOrder("aarongordon", "lebronjames");
    PAssert.that(out.get(ReadCsvRecords.DEAD_LETTERS).apply("Dead", MapElements.into(TypeDescriptors.strings())
            .via(d -> d.getLineNumber() + ":" + d.getRawText().length() + ":" + d.getReason())))
        .containsInAnyOrder("3:1000:line is " + (3 << 20) + " characters long, over the limit of 1048576 (a corrupt or binary"
            + " export?); raw_text holds its first 1000");
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertThat(counter(r, "player_game_logs.csv:rows_read"), equalTo(3L));
    assertThat(counter(r, "player_game_logs.csv:rows_dead_lettered"), equalTo(1L));
  }

  @Test
  public void aCompressedFileInflatingPastTheCapStopsThereWithOneDeadLetter() throws Exception {
    StringBuilder big = new StringBuilder(HEADER).append("\n").append(GORDON).append("\n").append(JAMES).append("\n");
    big.append(GORDON.replace("Aaron Gordon", "Someone Else").replace("203932", "1")).append("\n".repeat(20_000));
    Path f = write("player_game_logs.csv.gz", big.toString(), true);
    ReadCsvRecords<PlayerGameSummary> read = logs(f.toString()).withLimits(ReadCsvRecords.MAX_LINE_CHARS, 10_000);
    PCollectionTuple out = p.apply(read);
    PAssert.that(out.get(read.records()).apply("Lookups", MapElements.into(TypeDescriptors.strings()).via(PlayerGameSummary::getPlayerLookup)))
        .containsInAnyOrder("aarongordon", "lebronjames", "someoneelse");
    PAssert.that(out.get(ReadCsvRecords.DEAD_LETTERS).apply("Dead", MapElements.into(TypeDescriptors.strings()).via(d -> d.getReason())))
        .satisfies(reasons -> {
          List<String> tooLarge = new ArrayList<>();
          all(reasons).stream().filter(x -> x.contains("larger than 10000 bytes")).forEach(tooLarge::add);
          assertThat(tooLarge.size(), equalTo(1));
          assertThat(tooLarge.get(0).endsWith("the rest of the file from this line on is not read"), equalTo(true));
          return null;
        });
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertThat(counter(r, "player_game_logs.csv.gz:rows_read"),
        equalTo(counter(r, "player_game_logs.csv.gz:rows_accepted") + counter(r, "player_game_logs.csv.gz:rows_dead_lettered")));
  }

  @Test
  public void filesOfOneNameInTwoFoldersAreNamedByTheirPathUnderTheRoot() throws Exception {
    Files.createDirectories(tmp.getRoot().toPath().resolve("a"));
    Files.createDirectories(tmp.getRoot().toPath().resolve("b"));
    write("a/player_game_logs.csv", HEADER + "\n" + GORDON + "\nbad\n", false);
    write("b/player_game_logs.csv", HEADER + "\n" + JAMES + "\nworse\nworst\n", false);
    String root = tmp.getRoot().toPath().toString();
    String pattern = root + "/*/player_game_logs.csv";
    assertThat(ReadCsvRecords.patternRoot(pattern), equalTo(root + "/"));
    ReadCsvRecords<PlayerGameSummary> read = logs(pattern).relativeTo(ReadCsvRecords.patternRoot(pattern));
    PCollectionTuple out = p.apply(read);
    PAssert.that(out.get(ReadCsvRecords.DEAD_LETTERS).apply("Dead", MapElements.into(TypeDescriptors.strings())
            .via(d -> d.getSourceFile() + ":" + d.getLineNumber())))
        .containsInAnyOrder("a/player_game_logs.csv:3", "b/player_game_logs.csv:3", "b/player_game_logs.csv:4");
    PipelineResult r = p.run();
    r.waitUntilFinish();
    assertThat(counter(r, "a/player_game_logs.csv:rows_read"), equalTo(2L));
    assertThat(counter(r, "b/player_game_logs.csv:rows_read"), equalTo(3L));
    assertThat(counter(r, "b/player_game_logs.csv:rows_dead_lettered"), equalTo(2L));
  }
}
