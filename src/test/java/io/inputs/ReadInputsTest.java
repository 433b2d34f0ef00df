package io.inputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.csv.ReadCsvRecordsTest;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.DeadLetter;
import schemas.vocabulary.GameDates;

/**
 * Every input file as its typed collection, stamped with its game date; every file's rejected rows in one
 * dead-letter collection; an absent optional file as an empty collection; and what a morning run may know.
 */
public class ReadInputsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final String GORDON = ReadCsvRecordsTest.GORDON; // 2023-10-24, DEN vs. LAL, 15 points
  private static final LocalDate LATEST = LocalDate.parse("2023-10-26");
  private InputFiles files;

  @Before
  public void writeInputFolder() throws Exception {
    write("player_game_logs.csv", ReadCsvRecordsTest.HEADER,
        GORDON,
        GORDON.replace("2023-10-24", "2023-10-25"),
        GORDON.replace(",15,6", ",twenty,6"), // line 4
        GORDON.replace("2023-10-24", "2023-10-27")); // line 5: after LATEST
    write("schedule.csv", "GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION",
        "2023-10-24,DEN,LAL",
        "2023-10-25,BOS,NYK",
        "2023-10-25,DEN,XYZ", // line 4
        "2023-10-26,LAL,DEN");
    // no shot_zones.csv: optional
    write("player_props_snapshots.csv", "snapshot_file,event_id,player,market,line,bookmaker,game,game_time,over_odds,under_odds",
        // 02:00Z on the 26th is the evening of the 25th, US/Eastern: game date 2023-10-25
        "raw_20231025_150000.csv,evt1,Aaron Gordon,player_points,14.5,draftkings,LAL @ DEN,2023-10-26T02:00:00Z,-110,-110",
        "raw_20231026_150000.csv,evt2,Aaron Gordon,player_points,15.5,draftkings,DEN @ LAL,2023-10-27T00:00:00Z,-110,-110",
        "raw_20231026_150000.csv,evt2,Aaron Gordon,player_points,250,fanduel,DEN @ LAL,2023-10-27T00:00:00Z,-110,-110"); // line 4
    files = InputFiles.discover(tmp.getRoot().toString());
  }

  private void write(String name, String header, String... rows) throws Exception {
    Files.writeString(tmp.getRoot().toPath().resolve(name), header + "\n" + String.join("\n", rows) + "\n");
  }

  /** Each row as text, with the US/Eastern date of its event time. */
  static final class WithDateFn<T> extends DoFn<T, String> {
    private final SerializableFunction<T, String> text;

    WithDateFn(SerializableFunction<T, String> text) {
      this.text = text;
    }

    @ProcessElement
    public void process(@Element T row, @Timestamp Instant ts, OutputReceiver<String> out) {
      out.output(text.apply(row) + " @" + GameDates.easternDate(java.time.Instant.ofEpochMilli(ts.getMillis())));
    }
  }

  private static <T> PCollection<String> text(String name, PCollection<T> rows, SerializableFunction<T, String> f) {
    return rows.apply(name, ParDo.of(new WithDateFn<>(f)));
  }

  private static String deadLetter(DeadLetter d) {
    return d.getSourceFile().substring(d.getSourceFile().lastIndexOf('/') + 1) + ":" + d.getLineNumber() + " " + d.getReason();
  }

  @Test
  public void eachFileIsItsCollectionStampedWithItsDateAndEveryBadRowADeadLetter() {
    ReadInputs.Inputs in = p.apply(ReadInputs.of(files, LATEST));

    PAssert.that(text("Games", in.gameSummaries, g -> g.getPlayerLookup() + " " + g.getGameDate() + " " + g.getPoints()))
        .containsInAnyOrder("aarongordon 2023-10-24 15 @2023-10-24", "aarongordon 2023-10-25 15 @2023-10-25");
    PAssert.that(text("Schedule", in.schedule, g -> g.getGameDate() + " " + g.getHomeTeamAbbr() + "-" + g.getAwayTeamAbbr()))
        .containsInAnyOrder("2023-10-24 DEN-LAL @2023-10-24", "2023-10-25 BOS-NYK @2023-10-25", "2023-10-26 LAL-DEN @2023-10-26");
    PAssert.that(in.shotZones).empty();
    PAssert.that(in.gameLines).empty();
    PAssert.that(text("Props", in.propOffers, o -> o.getPlayerLookup() + " " + o.getGameDate() + " " + o.getLine()))
        .containsInAnyOrder("aarongordon 2023-10-25 14.5 @2023-10-25", "aarongordon 2023-10-26 15.5 @2023-10-26");
    PAssert.that(text("DeadLetters", in.deadLetters, ReadInputsTest::deadLetter)
            .apply("WithoutTime", org.apache.beam.sdk.transforms.MapElements.into(org.apache.beam.sdk.values.TypeDescriptors.strings())
                .via((String s) -> s.substring(0, s.lastIndexOf(" @")))))
        .containsInAnyOrder(
            "player_game_logs.csv:4 PTS 'twenty' is not a number",
            "player_game_logs.csv:5 GAME_DATE 2023-10-27 is in the future (after 2023-10-26)",
            "schedule.csv:4 unknown team 'XYZ' in AWAY_TEAM_ABBREVIATION",
            "player_props_snapshots.csv:4 line 250.0 is outside 0–200");
    p.run().waitUntilFinish();
  }

  /** The counters of the reads, by name. */
  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> all = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      if (c.getName().getNamespace().equals(io.csv.ReadCsvRecords.METRICS_NAMESPACE)) {
        all.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    }
    return all;
  }

  @Test
  public void gameLinesAreTheirCollectionStampedWithTheirDateAndEveryBadRowADeadLetter() throws Exception {
    write("game_lines.csv", io.inputs.GameLineParserTest.HEADER,
        "2023-10-24,DEN,LAL,HOME,4.5,228.5,,",
        "2023-10-25,BOS,NYK,AWAY,2,221,+105,-125",
        "2023-10-25,BOS,NYK,HOME,3,221,,", // line 4: the game again
        "2023-10-25,DEN,XYZ,HOME,3,221,,",
        "2023-10-25,DEN,DEN,HOME,3,221,,",
        "2023-10-25,MIA,ORL,EVEN,3,221,,",
        "2023-10-25,MIA,ORL,HOME,-3,221,,",
        "2023-10-25,MIA,ORL,HOME,3,45,,", // line 9
        "2023-10-25,MIA,ORL,HOME,three,221,,",
        "2023-10-25,MIA,ORL,HOME,3,,,");
    files = InputFiles.discover(tmp.getRoot().toString());
    ReadInputs.Inputs in = p.apply(ReadInputs.of(files, LATEST));

    PAssert.that(text("GameLines", in.gameLines, g -> g.getGameDate() + " " + g.getAwayTeamAbbr() + "@" + g.getHomeTeamAbbr()
            + " " + g.getHomeSpread() + " " + g.getTotal() + " " + g.getMoneylineHome()))
        .containsInAnyOrder("2023-10-24 LAL@DEN -4.5 228.5 null @2023-10-24", "2023-10-25 NYK@BOS 2.0 221.0 105.0 @2023-10-25");
    // the morning of a date knows its own games' lines (the as-of rule then decides whether a row sees them)
    PAssert.that(text("MorningGameLines", in.knownOnMorningOf("2023-10-25").gameLines, g -> g.getAwayTeamAbbr() + "@" + g.getHomeTeamAbbr()))
        .containsInAnyOrder("NYK@BOS @2023-10-25");
    PAssert.that(text("DeadLetters", in.deadLetters, ReadInputsTest::deadLetter)
            .apply("GameLinesOnly", org.apache.beam.sdk.transforms.Filter.by((String s) -> s.startsWith("game_lines")))
            .apply("WithoutTime", org.apache.beam.sdk.transforms.MapElements.into(org.apache.beam.sdk.values.TypeDescriptors.strings())
                .via((String s) -> s.substring(0, s.lastIndexOf(" @")))))
        .containsInAnyOrder(
            "game_lines.csv:4 duplicate of line 3 (same game_date=2023-10-25, home=BOS, away=NYK)",
            "game_lines.csv:5 unknown team 'XYZ' in AWAY_TEAM_ABBREVIATION",
            "game_lines.csv:6 home and away are both DEN",
            "game_lines.csv:7 FAVORED 'EVEN' is neither HOME nor AWAY",
            "game_lines.csv:8 SPREAD -3.0 is negative (the favourite's margin, FAVORED says whose)",
            "game_lines.csv:9 TOTAL 45.0 is outside 150–300",
            "game_lines.csv:10 SPREAD 'three' is not a number",
            "game_lines.csv:11 TOTAL is blank");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    // the run summary's reconciliation: read = accepted + dead-lettered
    assertThat(counters(result).get("game_lines.csv:rows_read"), equalTo(10L));
    assertThat(counters(result).get("game_lines.csv:rows_accepted"), equalTo(2L));
    assertThat(counters(result).get("game_lines.csv:rows_dead_lettered"), equalTo(8L));
  }

  @Test
  public void aMorningRunKnowsEarlierBoxScoresAndItsOwnDatesScheduleAndLinesAndCountsTheRest() {
    ReadInputs.Inputs in = p.apply(ReadInputs.of(files, LATEST)).knownOnMorningOf("2023-10-25");

    PAssert.that(text("Games", in.gameSummaries, g -> g.getPlayerLookup() + " " + g.getGameDate()))
        .containsInAnyOrder("aarongordon 2023-10-24 @2023-10-24");
    PAssert.that(text("Schedule", in.schedule, g -> g.getGameDate() + " " + g.getHomeTeamAbbr() + "-" + g.getAwayTeamAbbr()))
        .containsInAnyOrder("2023-10-25 BOS-NYK @2023-10-25");
    PAssert.that(in.shotZones).empty();
    PAssert.that(text("Props", in.propOffers, o -> o.getPlayerLookup() + " " + o.getGameDate() + " " + o.getLine()))
        .containsInAnyOrder("aarongordon 2023-10-25 14.5 @2023-10-25");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    Map<String, Long> ignored = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      if (c.getName().getNamespace().equals("same_day")) {
        ignored.merge(c.getName().getName(), c.getAttempted(), Long::sum);
      }
    }
    assertThat(ignored, equalTo(Map.of(
        "player_game_logs_on_or_after_date_ignored", 1L,
        "schedule_other_dates_ignored", 2L,
        // one snapshot file's part of another date (the consensus input), and that part's one offer
        "props_other_dates_ignored", 1L,
        "prop_offers_other_dates_ignored", 1L)));
  }

  private static void writeIn(java.nio.file.Path dir, String name, String header, String... rows) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n");
  }

  /**
   * Two season folders read as one input: each kind's files of both folders together, every dead letter naming its
   * own file (relative to the folders' parent), and a second folder holding other players of the same date is fine;
   * a row in both folders is refused before any graph is built.
   */
  @Test
  public void severalFoldersAreReadTogetherAndTheirDeadLettersKeepTheirFile() throws Exception {
    java.nio.file.Path seasons = tmp.newFolder("seasons").toPath();
    java.nio.file.Path a = seasons.resolve("2023-24");
    java.nio.file.Path b = seasons.resolve("2023-24-more");
    writeIn(a, "player_game_logs.csv", ReadCsvRecordsTest.HEADER, GORDON, GORDON.replace(",15,6", ",twenty,6"));
    // the same date, another player: his row is in one folder only
    writeIn(b, "player_game_logs.csv", ReadCsvRecordsTest.HEADER, ReadCsvRecordsTest.JAMES, ReadCsvRecordsTest.JAMES.replace(",21,-12", ",x,-12"));
    writeIn(b, "schedule.csv", "GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION", "2023-10-24,DEN,LAL");
    InputFiles both = InputFiles.discover(a + "," + b);
    both.refuseDoubledRows(LATEST);
    assertThat(both.fileNames(), equalTo(java.util.List.of(
        "2023-24/player_game_logs.csv", "2023-24-more/player_game_logs.csv", "2023-24-more/schedule.csv")));
    ReadInputs.Inputs in = p.apply(ReadInputs.of(both, LATEST));
    PAssert.that(text("Games", in.gameSummaries, g -> g.getPlayerLookup() + " " + g.getGameDate()))
        .containsInAnyOrder("aarongordon 2023-10-24 @2023-10-24", "lebronjames 2023-10-24 @2023-10-24");
    PAssert.that(text("Schedule", in.schedule, g -> g.getHomeTeamAbbr() + "-" + g.getAwayTeamAbbr()))
        .containsInAnyOrder("DEN-LAL @2023-10-24");
    PAssert.that(in.deadLetters.apply("DeadLetterFiles", org.apache.beam.sdk.transforms.MapElements
            .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via((DeadLetter d) -> d.getSourceFile() + ":" + d.getLineNumber())))
        .containsInAnyOrder("2023-24/player_game_logs.csv:3", "2023-24-more/player_game_logs.csv:3");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(counters(result).get("2023-24/player_game_logs.csv:rows_accepted"), equalTo(1L));
    assertThat(counters(result).get("2023-24-more/player_game_logs.csv:rows_accepted"), equalTo(1L));
    // a file under a folder is one flat dead-letter partition, as the stale-partition cleanup names it too
    assertThat(schemas.Tables.DEAD_LETTER.partitionOf(DeadLetter.of("2023-24/player_game_logs.csv", 3, "x", "y")),
        equalTo("2023-24%2Fplayer_game_logs.csv"));

    // Gordon's game in both folders would be two rows of one player-game: refused, naming the row and the folders
    java.nio.file.Path c = seasons.resolve("copy");
    writeIn(c, "player_game_logs.csv", ReadCsvRecordsTest.HEADER, GORDON.replace("2023-10-24", "2023-10-25"), GORDON);
    InputFiles doubled = InputFiles.discover(a + "," + c);
    String refusal = "";
    try {
      doubled.refuseDoubledRows(LATEST);
    } catch (InputFiles.InputException e) {
      refusal = e.getMessage();
    }
    assertThat(refusal, equalTo("player_game_logs.csv: 1 rows are in both " + a + " and " + c
        + " (e.g. player_id=203932, game_date=2023-10-24): reading both folders would count each twice; give each row's "
        + "file in one folder only"));
  }
}
