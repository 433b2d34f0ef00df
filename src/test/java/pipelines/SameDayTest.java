package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inputs.SampleLeague;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.Tables;

/**
 * Same-day on the embedded sample (runs in CI): parity with backfill, rows of D and later ignored and counted,
 * an upcoming date with no box scores, and the watch mode end to end from the jar's entry point.
 */
public class SameDayTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PLAYED = List.of("2024-11-14", "2024-11-22");
  private static final String UPCOMING = "2024-11-29";
  private static Path input;
  private static Path backfill;

  @BeforeClass
  public static void sampleAndBackfill() throws Exception {
    input = TMP.newFolder("input").toPath();
    SampleLeague.write(input, SampleLeague.Config.embedded());
    backfill = TMP.newFolder("backfill").toPath();
    assertThat(
        Main.run(new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + backfill,
            "--startDate=" + PLAYED.get(0), "--endDate=" + PLAYED.get(PLAYED.size() - 1)}),
        equalTo(0));
  }

  private static Path sameDay(Path in, String date, String... more) throws Exception {
    Path out = TMP.newFolder("same-day-" + date + "-" + System.nanoTime()).toPath();
    List<String> args = new ArrayList<>(List.of("same-day", "--inputDir=" + in, "--outputDir=" + out, "--date=" + date));
    args.addAll(List.of(more));
    FeaturesTest.Run run = FeaturesTest.run(args.toArray(new String[0]));
    assertThat(run.stderr(), run.exit(), equalTo(0));
    return out;
  }

  private static Path partition(Path out, String table, String date) {
    return out.resolve(table).resolve(date + ".json");
  }

  private static JsonNode counters(Path out, String namespace) throws Exception {
    return JSON.readTree(out.resolve("run_summary.json").toFile()).get("counters").get(namespace);
  }

  /**
   * The game-line columns of the two runs' context rows of D, per player in both: equal, and how many are set.
   * (Both runs' as-of instants are at or after every tip-off of D, or both before.)
   */
  private static int sameGameLines(Path sameDayOut, Path backfillOut, String d) throws Exception {
    Map<String, JsonNode> s = FeaturesTest.byPlayer(partition(sameDayOut, "upcoming_player_game_context", d));
    Map<String, JsonNode> b = FeaturesTest.byPlayer(partition(backfillOut, "upcoming_player_game_context", d));
    int set = 0;
    for (Map.Entry<String, JsonNode> e : b.entrySet()) {
      JsonNode same = s.get(e.getKey());
      if (same == null) {
        continue;
      }
      for (String column : List.of("game_total", "team_spread")) {
        assertThat(d + " " + e.getKey() + " " + column, same.get(column), equalTo(e.getValue().get(column)));
      }
      set += e.getValue().get("game_total").isNull() ? 0 : 1;
    }
    return set;
  }

  @Test
  public void sameDayRowsEqualBackfillRowsButForTheRunFields() throws Exception {
    for (String d : PLAYED) {
      Path out = sameDay(input, d);
      Parity parity = Parity.of(partition(out, Tables.ML_FEATURE_STORE_V2.name(), d),
          partition(backfill, Tables.ML_FEATURE_STORE_V2.name(), d));
      assertThat(d + ": " + parity + " " + parity.mismatches, parity.mismatches, empty());
      assertThat(d + ": the sample has no trades", parity.otherGame, empty());
      // The sample's rotations are stable: everyone who played on D was expected that morning.
      assertThat(d + ": " + parity + " missing " + parity.onlyBackfill, parity.coverage(), equalTo(1.0));
      // Launched after the date (now), the same-day run knows its closing game lines, as the backfill's tip-off does.
      assertThat(d + ": rows with a game line", sameGameLines(out, backfill, d), equalTo(
          FeaturesTest.byPlayer(partition(backfill, "upcoming_player_game_context", d)).size()));
      // The folder holds D and later: they were read and ignored, not used and not errors.
      JsonNode ignored = counters(out, "same_day");
      assertThat(ignored.get("player_game_logs_on_or_after_date_ignored").asLong(), greaterThan(0L));
      assertThat(ignored.get("shot_zones_on_or_after_date_ignored").asLong(), greaterThan(0L));
      assertThat(Files.exists(out.resolve(Tables.PLAYER_GAME_SUMMARY.name())), equalTo(false));
    }
  }

  @Test
  public void absurdRowsOnAndAfterTheDateChangeNothing() throws Exception {
    String d = PLAYED.get(0);
    Path absurd = TMP.newFolder("absurd").toPath();
    AbsurdFuture.copy(input, absurd, d);
    // the same as-of for both: a same-day run's default is its launch, which differs run to run
    Path plain = sameDay(input, d, "--asOfTime=17:30");
    Path leaked = sameDay(absurd, d, "--asOfTime=17:30");
    JsonNode inputs = JSON.readTree(leaked.resolve("run_summary.json").toFile()).get("inputs");
    inputs.fields().forEachRemaining(f ->
        assertThat(f.getKey() + " dead letters", f.getValue().get("rows_dead_lettered").asLong(), equalTo(0L)));
    for (String table : FeaturesTest.PHASE4_TABLES) {
      assertThat(table, Files.readString(partition(leaked, table, d)), equalTo(Files.readString(partition(plain, table, d))));
    }
    assertThat(Files.readString(partition(leaked, "upcoming_player_game_context", d)),
        equalTo(Files.readString(partition(plain, "upcoming_player_game_context", d))));
  }

  @Test
  public void anUpcomingDateWithoutBoxScoresGetsFeatureRowsForTheScheduledPlayers() throws Exception {
    Path out = sameDay(input, UPCOMING);
    Map<String, JsonNode> rows = FeaturesTest.byPlayer(partition(out, Tables.ML_FEATURE_STORE_V2.name(), UPCOMING));
    Map<String, JsonNode> context = FeaturesTest.byPlayer(partition(out, "upcoming_player_game_context", UPCOMING));
    assertThat(rows.size(), greaterThan(0));
    assertThat(rows.keySet(), equalTo(context.keySet()));
    int withoutLine = 0;
    for (JsonNode r : rows.values()) {
      assertThat(r.get("universe_source").asText(), equalTo("schedule"));
      assertThat(r.get("cache_miss_fallback_used").asBoolean(), equalTo(false));
      if (r.get("market_lines").size() == 0) {
        withoutLine++;
        assertThat(r.get("line_snapshot_time").isNull(), equalTo(true));
      }
    }
    // The sample's books list only rotation players: the others are flagged, not dropped.
    assertThat(withoutLine, greaterThan(0));
    assertThat(Files.exists(out.resolve(Tables.FEATURE_STORE_GAPS.name()).resolve(UPCOMING + ".json")), equalTo(false));
    assertThat(counters(out, "universe").get("schedule_players").asInt(), equalTo(rows.size()));
  }

  @Test
  public void watchModeWritesTheRowsOfPlayersWhoseLineMovedAndStopsOnceTheFeedIsQuiet() throws Exception {
    Path in = TMP.newFolder("watch-input").toPath();
    SampleLeague.write(in, SampleLeague.Config.embedded());
    Path out = TMP.newFolder("watch-output").toPath();
    CompletableFuture<FeaturesTest.Run> running = CompletableFuture.supplyAsync(() -> FeaturesTest.run(
        "same-day", "--inputDir=" + in, "--outputDir=" + out, "--date=" + UPCOMING, "--watch",
        "--watchSeconds=120", "--watchIdleSeconds=3", "--pollSeconds=1"));
    Path morning = partition(out, Tables.ML_FEATURE_STORE_V2.name(), UPCOMING);
    Watching.waitFor(() -> Files.exists(morning), running);
    String morningRows = Files.readString(morning);
    JsonNode before = FeaturesTest.byPlayer(morning).get("andrepryor");
    assertThat(before.get("line_snapshot_time").asText(), equalTo("2024-11-29T22:00:00Z"));

    Watching.land(in, "player_props_snapshots_20241129_2315.csv", Watching.movedLine(33.5));
    Watching.land(in, "player_props_snapshots_20241129_2316.csv",
        Watching.SNAPSHOT_HEADER + "raw_20241129_231600.csv,evt1,Andre Pryor,player_points\n");
    Path updates = partition(out, Tables.ML_FEATURE_STORE_V2_LINE_UPDATES.name(), UPCOMING);
    Watching.waitFor(() -> Files.exists(updates), running);

    long landed = System.nanoTime();
    FeaturesTest.Run run = running.get(90, TimeUnit.SECONDS);
    assertThat(run.stderr(), run.exit(), equalTo(0));
    // ended by the quiet feed, long before its 120 s bound (the bound itself: the next test's 8 s watch)
    assertThat((System.nanoTime() - landed) / 1e9, lessThan(60.0));
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(updates)) {
      rows.add(JSON.readTree(line));
    }
    assertThat("only the player whose line moved, once", rows.size(), equalTo(1));
    JsonNode row = rows.get(0);
    assertThat(row.get("player_lookup").asText(), equalTo("andrepryor"));
    assertThat(row.get("line_snapshot_time").asText(), equalTo("2024-11-29T23:15:00Z"));
    List<String> names = new ArrayList<>();
    row.get("feature_names").forEach(n -> names.add(n.asText()));
    assertThat(row.get("features").get(names.indexOf("pts_line")).asDouble(), equalTo(33.5));
    assertThat(row.get("features").get(names.indexOf("pts_opening_line")),
        equalTo(before.get("features").get(names.indexOf("pts_opening_line"))));
    // Everything but the line is the morning row's.
    for (String column : List.of("team_abbr", "opponent_team_abbr", "games_played_season", "cache_miss_fallback_used")) {
      assertThat(column, row.get(column), equalTo(before.get(column)));
    }
    assertThat("the morning partition is not rewritten", Files.readString(morning), equalTo(morningRows));
    // The truncated file's row is a dead letter with its reason, written while watching.
    String dead = Files.readString(out.resolve(Tables.DEAD_LETTER.name()).resolve("player_props_snapshots_20241129_2316.csv.json"));
    assertThat(dead, containsString("fields, the header has"));
    assertThat(counters(out, "line_updates").get("rows").asInt(), equalTo(1));
  }

  /**
   * The sample's snapshots of a played date are at 15:00Z and 22:00Z (10:00 and 17:00 US/Eastern); a file dropped
   * beside them adds one at 13:00Z (08:00). As of 09:00, only that one is known: a backfill with
   * {@code --asOfTime=09:00} gives the rows the 09:00 same-day run gives, as_of included.
   */
  @Test
  public void aBackfillAsOfNineReproducesTheNineOClockSameDayRun() throws Exception {
    String d = PLAYED.get(1);
    Path in = TMP.newFolder("as-of-input").toPath();
    SampleLeague.write(in, SampleLeague.Config.embedded());
    String tenOClock = "raw_" + d.replace("-", "") + "_150000.csv";
    StringBuilder early = new StringBuilder(Watching.SNAPSHOT_HEADER);
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
        Files.newInputStream(in.resolve("player_props_snapshots.csv.gz")))))) {
      r.lines().filter(l -> l.startsWith(tenOClock)).forEach(l -> early.append(l.replace("_150000.csv", "_130000.csv")).append('\n'));
    }
    assertThat(early.length(), greaterThan(Watching.SNAPSHOT_HEADER.length()));
    Files.writeString(in.resolve("player_props_snapshots_early.csv"), early.toString());

    Path sameDayOut = sameDay(in, d, "--asOfTime=09:00");
    Path backfillOut = TMP.newFolder("as-of-backfill").toPath();
    FeaturesTest.Run run = FeaturesTest.run("backfill", "--inputDir=" + in, "--outputDir=" + backfillOut,
        "--startDate=" + d, "--endDate=" + d, "--asOfTime=09:00");
    assertThat(run.stderr(), run.exit(), equalTo(0));

    Map<String, JsonNode> morning = FeaturesTest.byPlayer(partition(sameDayOut, Tables.ML_FEATURE_STORE_V2.name(), d));
    Map<String, JsonNode> replay = FeaturesTest.byPlayer(partition(backfillOut, Tables.ML_FEATURE_STORE_V2.name(), d));
    Map<String, JsonNode> atTipOff = FeaturesTest.byPlayer(partition(backfill, Tables.ML_FEATURE_STORE_V2.name(), d));
    assertThat(replay.keySet(), equalTo(atTipOff.keySet()));
    int withLine = 0;
    for (Map.Entry<String, JsonNode> e : replay.entrySet()) {
      JsonNode b = e.getValue();
      JsonNode s = morning.get(e.getKey());
      assertThat(e.getKey() + " expected that morning", s != null, equalTo(true));
      for (java.util.Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
        String column = names.next();
        if (!column.equals("universe_source")) {
          assertThat(e.getKey() + " " + column, s.get(column), equalTo(b.get(column)));
        }
      }
      assertThat(b.get("as_of").asText(), equalTo(d + "T14:00:00Z"));
      if (!b.get("line_snapshot_time").isNull()) {
        withLine++;
        assertThat(b.get("line_snapshot_time").asText(), equalTo(d + "T13:00:00Z"));
        // by default the same backfill takes the last snapshot before tip-off
        assertThat(atTipOff.get(e.getKey()).get("line_snapshot_time").asText(), equalTo(d + "T22:00:00Z"));
      }
    }
    assertThat(withLine, greaterThan(0));
    assertThat(counters(backfillOut, "props").get("offers:taken_after_as_of").asLong(), greaterThan(0L));
    // A closing game line is known from tip-off: not at 09:00 in either run, at the default backfill's tip-off.
    assertThat(sameGameLines(sameDayOut, backfillOut, d), equalTo(0));
    assertThat(counters(backfillOut, "context").get("game_lines_not_yet_known").asLong(), greaterThan(0L));
    assertThat(counters(backfill, "context").get("game_lines_attached").asLong(), greaterThan(0L));
    assertThat(counters(backfill, "context").path("game_lines_not_yet_known").asLong(0), equalTo(0L));
  }

  /**
   * A snapshot file dropped in the folder before the run (the pre-tip run's normal case) is the morning's input,
   * and the watch does not emit it again; a file landing after launch is still watched (see the watch test). No
   * file lands, so the idle stop never starts (a feed that has not begun is not a quiet one): the bound ends the run.
   */
  @Test
  public void aSnapshotFileInTheFolderAtLaunchIsReadOnceByTheMorningPass() throws Exception {
    Path in = TMP.newFolder("dropped-input").toPath();
    SampleLeague.write(in, SampleLeague.Config.embedded());
    Watching.land(in, "player_props_snapshots_20241129_2315.csv", Watching.movedLine(33.5));
    Path out = TMP.newFolder("dropped-output").toPath();
    long start = System.nanoTime();
    CompletableFuture<FeaturesTest.Run> running = CompletableFuture.supplyAsync(() -> FeaturesTest.run(
        "same-day", "--inputDir=" + in, "--outputDir=" + out, "--date=" + UPCOMING, "--watch", "--watchSeconds=8",
        "--watchIdleSeconds=1", "--pollSeconds=1"));
    Watching.waitFor(() -> Files.exists(partition(out, Tables.ML_FEATURE_STORE_V2.name(), UPCOMING)), running);
    double morningDone = (System.nanoTime() - start) / 1e9;
    FeaturesTest.Run run = running.get(90, TimeUnit.SECONDS);
    double ended = (System.nanoTime() - start) / 1e9;
    assertThat(run.stderr(), run.exit(), equalTo(0));
    assertThat("ran to its 8 s bound", ended, greaterThanOrEqualTo(8.0));
    if (morningDone < 6) {
      // An idle stop that fired with no file would have ended the watch at once, and the run with its morning pass.
      assertThat("watched on after the morning's tables", ended - morningDone, greaterThan(1.5));
    }
    JsonNode row = FeaturesTest.byPlayer(partition(out, Tables.ML_FEATURE_STORE_V2.name(), UPCOMING)).get("andrepryor");
    assertThat(row.get("line_snapshot_time").asText(), equalTo("2024-11-29T23:15:00Z"));
    List<String> names = new ArrayList<>();
    row.get("feature_names").forEach(n -> names.add(n.asText()));
    assertThat(row.get("features").get(names.indexOf("pts_line")).asDouble(), equalTo(33.5));
    assertThat("read in the morning, not again by the watch",
        Files.exists(partition(out, Tables.ML_FEATURE_STORE_V2_LINE_UPDATES.name(), UPCOMING)), equalTo(false));
    JsonNode inputs = JSON.readTree(out.resolve("run_summary.json").toFile()).get("inputs");
    assertThat(inputs.get("player_props_snapshots_20241129_2315.csv").get("rows_read").asLong(), equalTo(3L));
  }

  @Test
  public void badDatesAndAnOverDateWithoutABoundAreUsageErrors() {
    FeaturesTest.Run bad = FeaturesTest.run("same-day", "--inputDir=" + input, "--outputDir=" + TMP.getRoot() + "/x", "--date=2024-13-01");
    assertThat(bad.exit(), equalTo(2));
    FeaturesTest.Run over = FeaturesTest.run(
        "same-day", "--inputDir=" + input, "--outputDir=" + TMP.getRoot() + "/y", "--date=" + UPCOMING, "--watch");
    assertThat(over.exit(), equalTo(2));
    assertThat(over.stderr(), containsString("give --watchSeconds"));
  }

  @Test
  public void watchingIntoBigQueryIsRefusedBeforeAnythingRuns() {
    FeaturesTest.Run run = FeaturesTest.run("same-day", "--inputDir=" + input, "--outputDir=" + TMP.getRoot() + "/bq",
        "--date=" + UPCOMING, "--watch", "--watchSeconds=5", "--sink=bigquery", "--bigQueryProject=nba-test");
    assertThat(run.exit(), equalTo(2));
    assertThat(run.stderr(), containsString("same-day --watch writes to files (--sink=files)"));
  }

  @Test
  public void aFolderWithoutScheduleIsAnInputError() throws Exception {
    Path noSchedule = TMP.newFolder("no-schedule").toPath();
    Files.copy(input.resolve("player_game_logs.csv"), noSchedule.resolve("player_game_logs.csv"));
    FeaturesTest.Run run = FeaturesTest.run(
        "same-day", "--inputDir=" + noSchedule, "--outputDir=" + TMP.getRoot() + "/z", "--date=" + UPCOMING);
    assertThat(run.exit(), equalTo(2));
    assertThat(run.stderr(), containsString("same-day needs schedule.csv"));
  }

}
