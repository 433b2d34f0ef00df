package pipelines;

import pipelines.reports.HealthReport;
import pipelines.reports.HealthReportHtml;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inputs.SampleLeague;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The run's health report: its figures, its thresholds and exit status, and its page in a real browser. */
public class HealthReportTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path input;
  private static Path out;
  private static FeaturesTest.Run run;

  @BeforeClass
  public static void backfillWithOneBadRow() throws Exception {
    input = TMP.newFolder("input").toPath();
    SampleLeague.write(input, SampleLeague.Config.embedded());
    Files.writeString(input.resolve("player_game_logs.csv"),
        "2024-25,1700060,Owen Pryor,GSW,0022400099,2024-11-21,GSW vs. LAL,W,34:12,12,20,4,5,2,2,4,10,14,5,1,2,1,3,30,31\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    out = TMP.newFolder("out").toPath();
    run = FeaturesTest.run("backfill", "--inputDir=" + input, "--outputDir=" + out, "--startDate=2024-11-20",
        "--endDate=2024-11-23", "--latestGameDate=2024-12-01", "--healthMaxDeadLetterRate=0.0001");
  }

  private static String day(String date, int universe, int features, List<String> missing, int cacheMiss, int bettable,
      int withVegas, List<String> playedNotExpected) throws Exception {
    ObjectNode d = JSON.createObjectNode();
    d.put("date", date).put("universe", universe).put("feature_rows", features).put("players_predicted", 0);
    missing.forEach(d.putArray("missing_feature_rows")::add);
    d.put("cache_miss_rows", cacheMiss).put("quality_ready_rows", features).put("feature_quality_score_sum", 90.0 * features);
    d.putObject("required_defaults").put("pct_paint", 2);
    d.put("bettable_players", bettable).put("bettable_with_vegas_features", withVegas);
    d.putArray("bettable_without_vegas_features");
    d.putArray("high_scorers_without_line");
    d.put("played", universe);
    playedNotExpected.forEach(d.putArray("played_not_in_universe")::add);
    d.put("universe_not_played", 0);
    return JSON.writeValueAsString(d);
  }

  private static JsonNode summary(long read, long dead) {
    ObjectNode s = JSON.createObjectNode();
    s.putObject("inputs").putObject("player_game_logs.csv").put("rows_read", read).put("rows_dead_lettered", dead);
    return s;
  }

  private static NbaOptions options(String... args) {
    return org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs(args).as(NbaOptions.class);
  }

  @Test
  public void eachThresholdBreachesAtItsLevelAndTheExitStatusFollowsHealthFailOn() throws Exception {
    Map<String, List<String>> docs = Map.of(
        "2024-01-10", List.of(day("2024-01-10", 100, 99, List.of("ghost"), 20, 40, 39, List.of())),
        "2024-01-11", List.of(day("2024-01-11", 50, 50, List.of(), 0, 0, 0, List.of("traded"))));
    ObjectNode backfill = HealthReport.compose("backfill", docs, summary(1000, 5),
        Runs.thresholds("backfill", options()), Map.of());
    List<String> found = new ArrayList<>();
    backfill.get("breaches").forEach(b -> found.add(b.get("level").asText() + " " + b.get("scope").asText() + " " + b.get("check").asText()));
    assertThat(found, equalTo(List.of(
        "error 2024-01-10 data_loss", "warning 2024-01-10 cache_miss", "error 2024-01-10 line_coverage",
        "warning 2024-01-11 played_not_in_universe")));
    assertThat(backfill.get("totals").get("data_loss_rate").asDouble(), equalTo(0.0067));
    assertThat(HealthReport.exitStatus(backfill, HealthReport.FailOn.error), equalTo(HealthReport.EXIT_BREACH));
    assertThat(HealthReport.exitStatus(backfill, HealthReport.FailOn.never), equalTo(0));

    // Same-day: any cache miss is an error; only warnings pass under --healthFailOn=error.
    Map<String, List<String>> clean = Map.of("2024-01-10", List.of(day("2024-01-10", 10, 10, List.of(), 1, 5, 5, List.of())));
    ObjectNode sameDay = HealthReport.compose("same-day", clean, summary(1000, 50), Runs.thresholds("same-day", options()), Map.of());
    assertThat(sameDay.get("breaches").get(0).get("check").asText(), equalTo("cache_miss"));
    assertThat(sameDay.get("breaches").get(0).get("level").asText(), equalTo("error"));
    assertThat(sameDay.get("breaches").get(1).get("check").asText(), equalTo("dead_letter_rate"));
    ObjectNode relaxed = HealthReport.compose("same-day", clean, summary(1000, 0),
        Runs.thresholds("same-day", options("--healthCacheMissError=0.5")), Map.of());
    assertThat(relaxed.get("breaches").size(), equalTo(0));
    assertThat(HealthReport.exitStatus(relaxed, HealthReport.FailOn.warning), equalTo(0));
  }

  private static List<String> breaches(JsonNode report) {
    List<String> found = new ArrayList<>();
    report.get("breaches").forEach(b -> found.add(b.get("level").asText() + " " + b.get("scope").asText() + " " + b.get("check").asText()));
    return found;
  }

  @Test
  public void noReadyRowOrNobodyPredictedDespiteAModelOrABadlyRejectedRequiredInputIsAnError() throws Exception {
    ObjectNode noneReady = (ObjectNode) JSON.readTree(day("2024-01-10", 10, 10, List.of(), 0, 0, 0, List.of()));
    noneReady.put("quality_ready_rows", 0).put("players_with_line", 4);
    ObjectNode predicted = (ObjectNode) JSON.readTree(day("2024-01-11", 10, 10, List.of(), 0, 0, 0, List.of()));
    predicted.put("quality_ready_rows", 0).put("players_with_line", 4).put("players_predicted", 6);
    Map<String, List<String>> docs = Map.of("2024-01-10", List.of(noneReady.toString()), "2024-01-11", List.of(predicted.toString()));
    ObjectNode s = JSON.createObjectNode();
    ObjectNode in = s.putObject("inputs");
    in.putObject("player_game_logs.csv.gz").put("rows_read", 100).put("rows_dead_lettered", 2);
    in.putObject("schedule.csv").put("rows_read", 100).put("rows_dead_lettered", 2);

    // Nobody ready anywhere: the run cannot predict, whether a model was given or not. Nobody ready on 01-10 is not
    // also a model failure there.
    ObjectNode withModel = HealthReport.compose("backfill", docs, s,
        Runs.thresholds("backfill", options("--model=m.ubj")), Map.of());
    assertThat(breaches(withModel), equalTo(List.of(
        "error run quality_ready", "error player_game_logs.csv.gz dead_letter_rate", "warning schedule.csv dead_letter_rate")));
    ObjectNode noModel = HealthReport.compose("backfill", docs, s, Runs.thresholds("backfill", options()), Map.of());
    assertThat(breaches(noModel), equalTo(List.of(
        "error run quality_ready", "error player_game_logs.csv.gz dead_letter_rate", "warning schedule.csv dead_letter_rate")));
    // Ready rows and lines on 01-10 and nobody predicted: with a model, an error; without one, nothing to expect.
    noneReady.put("quality_ready_rows", 3);
    Map<String, List<String>> someReady =
        Map.of("2024-01-10", List.of(noneReady.toString()), "2024-01-11", List.of(predicted.toString()));
    assertThat(breaches(HealthReport.compose("backfill", someReady, s,
        Runs.thresholds("backfill", options("--model=m.ubj")), Map.of())), equalTo(List.of(
        "error 2024-01-10 players_predicted", "error player_game_logs.csv.gz dead_letter_rate",
        "warning schedule.csv dead_letter_rate")));
    assertThat(breaches(HealthReport.compose("backfill", someReady, s, Runs.thresholds("backfill", options()), Map.of())),
        equalTo(List.of("error player_game_logs.csv.gz dead_letter_rate", "warning schedule.csv dead_letter_rate")));
  }

  /**
   * Per market: on a date with ready rows and someone predicted, a market the run predicts that has lines but nobody
   * predicted in it is an error naming the market; a market with no line that date, or predicted, is not.
   */
  @Test
  public void aMarketWithLinesThatNobodyWasPredictedInIsAnErrorWithAModel() throws Exception {
    ObjectNode d = (ObjectNode) JSON.readTree(day("2024-01-10", 10, 10, List.of(), 0, 0, 0, List.of()));
    d.put("quality_ready_rows", 8).put("players_with_line", 5).put("players_predicted", 8);
    d.putObject("players_predicted_by_market").put("player_points", 8).put("player_rebounds", 0).put("player_threes", 0);
    d.putObject("players_with_line_by_market").put("player_points", 5).put("player_rebounds", 4).put("player_threes", 0);
    Map<String, List<String>> docs = Map.of("2024-01-10", List.of(d.toString()));
    ObjectNode withModel = HealthReport.compose("backfill", docs, JSON.createObjectNode(),
        Runs.thresholds("backfill", options("--model=m")), Map.of());
    assertThat(breaches(withModel), equalTo(List.of("error 2024-01-10 players_predicted")));
    assertThat(withModel.get("breaches").get(0).get("message").asText(),
        containsString("4 players have a player_rebounds line, but nobody was predicted in player_rebounds"));
    assertThat(breaches(HealthReport.compose("backfill", docs, JSON.createObjectNode(),
        Runs.thresholds("backfill", options()), Map.of())), equalTo(List.of()));
  }

  @Test
  public void aDateWhereReadinessWasPossibleButNoRowIsReadyIsAnErrorAndAFeedAbsentAllRunOneWarning() throws Exception {
    // 01-10: an opener, nobody has five prior games yet: normal. 01-20: six players have the history, none is ready.
    ObjectNode opener = (ObjectNode) JSON.readTree(day("2024-01-10", 10, 10, List.of(), 0, 0, 0, List.of()));
    opener.put("quality_ready_rows", 0).put("rows_with_history", 0);
    opener.putObject("missing_feed_rows").put("game_lines", 10).put("shot_zones", 10);
    ObjectNode stuck = (ObjectNode) JSON.readTree(day("2024-01-20", 10, 10, List.of(), 0, 0, 0, List.of()));
    stuck.put("quality_ready_rows", 0).put("rows_with_history", 6);
    stuck.putObject("missing_feed_rows").put("game_lines", 10);
    ObjectNode fine = (ObjectNode) JSON.readTree(day("2024-01-21", 10, 10, List.of(), 0, 0, 0, List.of()));
    fine.put("quality_ready_rows", 3).put("rows_with_history", 6);
    fine.putObject("missing_feed_rows").put("game_lines", 10);
    Map<String, List<String>> docs = Map.of("2024-01-10", List.of(opener.toString()), "2024-01-20", List.of(stuck.toString()),
        "2024-01-21", List.of(fine.toString()));

    ObjectNode r = HealthReport.compose("backfill", docs, summary(100, 0), Runs.thresholds("backfill", options()), Map.of());
    // game_lines missing on all 30 rows: one warning for the run; shot_zones only on the opener: none.
    assertThat(breaches(r), equalTo(List.of("error 2024-01-20 quality_ready", "warning run optional_feed_absent")));
    assertThat(r.get("breaches").get(1).get("message").asText(), containsString("game_lines"));
    assertThat(r.get("totals").get("missing_feed_rows").get("shot_zones").asInt(), equalTo(10));
  }

  @Test
  public void deadLetterAndFreshnessLinesMayHoldTabs() throws Exception {
    Map<String, List<String>> docs = Map.of(
        "_dead_letters", List.of("{\"source_file\":\"a\\tb/player_game_logs.csv\",\"reason\":\"unknown team 'B\\tOS'\",\"rows\":3}"),
        "_freshness", List.of("{\"input\":\"player_game_logs\",\"newest\":\"2024-01-10\"}"));
    ObjectNode s = JSON.createObjectNode();
    s.putObject("inputs").putObject("a\tb/player_game_logs.csv").put("rows_read", 1000).put("rows_dead_lettered", 3);
    ObjectNode r = HealthReport.compose("backfill", docs, s, Runs.thresholds("backfill", options()), Map.of());
    assertThat(r.get("dead_letters").get("a\tb/player_game_logs.csv").get("unknown team 'B\tOS'").asInt(), equalTo(3));
    assertThat(r.get("inputs").get("a\tb/player_game_logs.csv").get("newest_data").asText(), equalTo("2024-01-10"));
    HealthReportHtml.render(r); // the page of such a report renders too
  }

  @Test
  public void aBackfillWritesItsReportAndAWarningFailsTheRunOnlyWhenAskedTo() throws Exception {
    // The required box scores over --healthMaxDeadLetterRate: an error, so exit 3 under the default --healthFailOn.
    assertThat(run.stderr(), run.exit(), equalTo(HealthReport.EXIT_BREACH));
    assertThat(run.stderr(), containsString("health: ERROR: player_game_logs.csv dead_letter_rate"));
    JsonNode r = JSON.readTree(out.resolve(HealthReport.JSON_FILE).toFile());
    assertThat(r.get("totals").get("dates").asInt(), equalTo(4));
    assertThat(r.get("totals").get("universe").asInt(), equalTo(r.get("totals").get("feature_rows").asInt()));
    assertThat(r.get("totals").get("data_loss_rate").asDouble(), equalTo(0.0));
    assertThat(r.get("totals").get("line_coverage").asDouble(), equalTo(1.0));
    assertThat(r.get("dead_letters").get("player_game_logs.csv").get("MIN '34:12' is not whole or decimal minutes").asInt(), equalTo(1));
    assertThat(r.get("inputs").get("player_game_logs.csv").get("newest_data").asText(), equalTo("2024-11-28"));
    for (JsonNode d : r.get("dates")) {
      assertThat("a backfill's universe is who played", d.get("played").asInt(), equalTo(d.get("universe").asInt()));
    }

    // An optional input (the schedule) over the rate is a warning: it fails the run only with --healthFailOn=warning.
    Path optional = TMP.newFolder("optional-input").toPath();
    SampleLeague.write(optional, SampleLeague.Config.embedded());
    Files.writeString(optional.resolve("schedule.csv"), "not a schedule row\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Path strict = TMP.newFolder("strict").toPath();
    FeaturesTest.Run failing = FeaturesTest.run("backfill", "--inputDir=" + optional, "--outputDir=" + strict,
        "--startDate=2024-11-22", "--endDate=2024-11-22", "--latestGameDate=2024-12-01", "--healthMaxDeadLetterRate=0.0001",
        "--healthFailOn=warning");
    assertThat(failing.stderr(), failing.exit(), equalTo(HealthReport.EXIT_BREACH));
    assertThat(failing.stderr(), containsString("health: WARNING: schedule.csv dead_letter_rate"));
    assertThat(failing.stderr(), not(containsString("health: ERROR")));
    assertThat("the report is written all the same", Files.exists(strict.resolve(HealthReport.HTML_FILE)), equalTo(true));
  }

  /** Debian's Chromium, when installed (.ci/run installs it). */
  private static String chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    return null;
  }

  @Test
  public void thePageLoadsInHeadlessChromiumWithNoConsoleErrorAndShowsItsCharts() throws Exception {
    String chromium = chromium();
    Assume.assumeTrue("Chromium is not installed (apt-get install chromium): the browser check is skipped", chromium != null);
    Path html = out.resolve(HealthReport.HTML_FILE);
    Path profile = TMP.newFolder("chromium-profile").toPath();
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString())
        .redirectError(TMP.getRoot().toPath().resolve("chromium.err").toFile())
        .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat("chromium finished", p.waitFor(60, TimeUnit.SECONDS), equalTo(true));
    String log = Files.readString(TMP.getRoot().toPath().resolve("chromium.err"));
    assertThat(dom, containsString("data-ready=\"1\""));
    assertThat(dom, containsString("data-errors=\"0\""));
    // Four charts by date, and the required defaults by feature when there are any.
    JsonNode report = JSON.readTree(out.resolve(HealthReport.JSON_FILE).toFile());
    int charts = 4 + (report.get("totals").get("required_defaults_by_feature").isEmpty() ? 0 : 1);
    assertThat(dom, containsString("data-charts=\"" + charts + "\""));
    assertThat(dom, containsString("<rect"));
    assertThat("no console message at all", log, not(containsString(":CONSOLE")));
    assertThat("no request left the machine", log, not(containsString("ERR_NAME_NOT_RESOLVED")));
  }
}
