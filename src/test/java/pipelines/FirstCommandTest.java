package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inputs.SampleLeague;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import transforms.features.FeatureContract;
import schemas.vocabulary.Markets;

/**
 * README's first command, {@code backfill --outputDir=X} on the embedded default, run once: the product's demo
 * (a training league, train, backfill with the model, grade). Every check of predictions, grading, the export and
 * the leakage guard reads this one run, so the suite trains and predicts the sample once.
 */
public class FirstCommandTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] RANGE = {"--startDate=2024-11-21", "--endDate=2024-11-23"};
  private static Path input;
  private static Path model;
  private static Path out;
  private static int exit;
  private static String stdout;
  private static String stderr;

  @BeforeClass
  public static void theFirstCommand() throws Exception {
    out = TMP.newFolder("out").toPath();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      exit = Main.run(new String[] {"backfill", "--outputDir=" + out});
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    stdout = o.toString(StandardCharsets.UTF_8);
    stderr = e.toString(StandardCharsets.UTF_8);
    oldOut.print(stdout);
    input = out.resolve(Main.SAMPLE_INPUT);
    model = out.resolve(Main.MODEL_DIR).resolve(Main.MODEL_FILE);
  }

  @Test
  public void itExitsZeroAndSaysWhatEachStepDoes() {
    assertThat(stderr, exit, equalTo(0));
    assertThat("no health breach, not even a warning", stderr, not(containsString("health:")));
    for (String step : List.of("demo 1/4: a training league", "demo 2/4: train gbm_v1 on the training league's 2023-11-08..2023-11-28",
        "demo 3/4: backfill the embedded sample", "demo 4/4: grade the predictions of the dates already played",
        "players predicted: ", "picks graded (ensemble_v1", "export: 22 documents")) {
      assertThat(stdout, containsString(step));
    }
  }

  /** The model has seen no game it predicts: it learnt on the league's previous season. */
  @Test
  public void theModelWasTrainedBeforeTheFirstPredictedDate() throws Exception {
    JsonNode meta = JSON.readTree(Path.of(model + ".meta.json").toFile());
    List<String> predicted = new ArrayList<>(BackfillTest.readTable(out, "player_prop_predictions").keySet());
    assertThat(predicted.size(), greaterThan(0));
    String first = predicted.get(0).replace(".json", "");
    assertThat(meta.get("trained_from").asText(), equalTo("2023-11-08")); // its first date with a ready player
    assertThat(meta.get("trained_to").asText() + " < " + first, meta.get("trained_to").asText().compareTo(first), lessThan(0));
    assertThat(meta.get("rows").asInt(), greaterThan(100));
    // one model per market, each with its ensemble weight and the out-of-sample residuals P(over) is computed from
    assertThat(meta.get("markets").size(), equalTo(Markets.Market.values().length));
    for (Markets.Market m : Markets.Market.values()) {
      JsonNode market = meta.get("markets").get(m.key());
      assertThat(m.key(), Files.exists(Path.of(model + "." + m.key() + ".ubj")), equalTo(true));
      assertThat(market.get("blend_weight").asDouble(), both(greaterThanOrEqualTo(0.0)).and(lessThanOrEqualTo(1.0)));
      assertThat("the holdout is the latest dates", market.get("holdout").get("from").asText().compareTo("2023-11-08"), greaterThan(0));
      int holdout = market.get("holdout").get("rows").asInt();
      for (String system : List.of("baseline_avg_v1", "gbm_v1", "ensemble_v1")) {
        assertThat(m.key() + " " + system, market.get("holdout_residuals").get(system).size(), equalTo(holdout));
      }
      // the sample lists every market: the holdout's rows with a line have the line's own MAE beside each system's
      assertThat(m.key(), market.get("holdout").get("rows_with_line").asInt(), greaterThan(0));
      assertThat(m.key(), market.get("holdout").get("mae_with_line").has("line"), equalTo(true));
    }
  }

  /** Every date predicted has its export document, graded (every predicted date is played). */
  @Test
  public void everyPredictedDateHasItsGradedExportDocument() throws Exception {
    Map<String, String> predictions = BackfillTest.readTable(out, "player_prop_predictions");
    assertThat(predictions.size(), equalTo(22)); // 2024-11-07..2024-11-28: from the first date a player is ready
    for (String file : predictions.keySet()) {
      JsonNode export = JSON.readTree(out.resolve("export").resolve(file).toFile());
      assertThat(file, export.get("graded").asBoolean(), equalTo(true));
      assertThat(Files.exists(out.resolve("prediction_grades").resolve(file)), equalTo(true));
      assertThat(Files.exists(out.resolve("grading_summary").resolve(file)), equalTo(true));
    }
    long ensemble = BackfillTest.rows(predictions).stream().filter(r -> r.get("system_id").asText().equals("ensemble_v1")).count();
    assertThat(ensemble, greaterThan(0L));
    Set<String> markets = new HashSet<>();
    BackfillTest.rows(predictions).forEach(r -> markets.add(r.get("market").asText()));
    assertThat("every market is predicted", markets.size(), equalTo(Markets.Market.values().length));
  }

  /**
   * The report beside the tables is the backfill's, with its predictions; grading wrote its own elsewhere, with
   * no warning for the players it does not expect (it expects nobody), and left the backfill's facts alone.
   */
  @Test
  public void theHealthReportIsTheBackfillsAndGradingAddsNoWarning() throws Exception {
    JsonNode report = JSON.readTree(out.resolve("health_report.json").toFile());
    assertThat(report.get("pipeline").asText(), equalTo("backfill"));
    assertThat(report.get("totals").get("players_predicted").asInt(), greaterThan(0));
    assertThat(report.get("breaches").toString(), report.get("breaches").size(), equalTo(0));
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("pipeline").asText(), equalTo("backfill"));
    JsonNode day = JSON.readTree(Files.readAllLines(out.resolve("health").resolve("2024-11-22.json")).get(0));
    assertThat("the backfill's facts of a graded date", day.get("players_predicted").asInt(), greaterThan(0));

    JsonNode grading = JSON.readTree(out.resolve(Main.GRADING_REPORTS).resolve("health_report.json").toFile());
    assertThat(grading.get("pipeline").asText(), equalTo("grade"));
    assertThat(grading.get("breaches").toString(), grading.get("breaches").size(), equalTo(0));
    assertThat(Files.exists(out.resolve(Main.GRADING_REPORTS).resolve("run_summary.json")), equalTo(true));
  }

  @Test
  public void everySystemPredictsEveryMarketOfEveryEligibleRowAndARerunReplacesTheDate() throws Exception {
    Path partition = out.resolve("player_prop_predictions").resolve("2024-11-22.json");
    String first = Files.readString(partition);
    Set<String> systems = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int picks = 0;
    for (String line : first.split("\n")) {
      JsonNode r = JSON.readTree(line);
      systems.add(r.get("system_id").asText());
      assertThat("duplicate key", keys.add(r.get("player_lookup").asText() + "|" + r.get("market").asText() + "|"
          + r.get("system_id").asText() + "|" + r.get("line")), equalTo(true));
      assertThat(r.get("feature_schema_version").asText(), equalTo(FeatureContract.VERSION));
      // as of just before tip-off: the line's age is the time from its snapshot to tip-off, not clamped or hidden
      java.time.Instant asOf = java.time.Instant.parse(r.get("as_of").asText());
      boolean points = r.get("market").asText().equals("player_points");
      if (!r.get("line").isNull()) {
        java.time.Instant snapshot = java.time.Instant.parse(r.get("line_snapshot_time").asText());
        assertThat(snapshot.isBefore(asOf), equalTo(true));
        assertThat(r.get("feature_data_age_hours").asDouble(),
            closeTo((asOf.toEpochMilli() - snapshot.toEpochMilli()) / 3_600_000.0, 1e-9));
      } else if (points) {
        assertThat(r.get("as_of").asText(), equalTo("2024-11-23T00:00:00Z")); // 19:00 US/Eastern of 2024-11-22
      }
      String rec = r.get("recommendation").asText();
      if (r.get("line").isNull()) {
        assertThat(rec, equalTo("PASS"));
        assertThat(r.get("p_over").isNull(), equalTo(true));
      } else if (!rec.equals("PASS")) {
        // a pick: its side's price, its expected value at that price at least the default 3%, its side's chance
        picks++;
        boolean over = rec.equals("OVER");
        assertThat(r.get("odds").asDouble(), equalTo(r.get(over ? "over_odds" : "under_odds").asDouble()));
        assertThat(r.get("expected_value").asDouble(), greaterThanOrEqualTo(0.03));
        assertThat(r.get("expected_value").asDouble(), closeTo(transforms.predictions.BetDecision.expectedValue(
            r.get(over ? "p_over" : "p_under").asDouble(), r.get("p_push").asDouble(), r.get("odds").asDouble()), 1e-9));
        assertThat(r.get("confidence").asDouble(), equalTo(r.get(over ? "p_over" : "p_under").asDouble()));
      } else {
        assertThat(r.get("odds").isNull() && r.get("expected_value").isNull(), equalTo(true));
      }
    }
    assertThat("some picks clear the threshold", picks, greaterThan(0));
    assertThat(systems, equalTo(Set.of("baseline_avg_v1", "gbm_v1", "ensemble_v1")));
    JsonNode counters = JSON.readTree(out.resolve("run_summary.json").toFile()).get("counters").get("predictions");
    long skipped = counters.path("skipped_not_quality_ready").asLong() + counters.path("skipped_minutes_below_threshold").asLong();
    long features = JSON.readTree(out.resolve("run_summary.json").toFile()).get("tables").get("ml_feature_store_v2")
        .get("rows_written").asLong();
    long predictions = JSON.readTree(out.resolve("run_summary.json").toFile()).get("tables").get("player_prop_predictions")
        .get("rows_written").asLong();
    int markets = Markets.Market.values().length;
    assertThat("every feature row is predicted in every market by 3 systems, or counted as skipped", predictions,
        equalTo(3L * markets * (features - skipped)));
    assertThat(counters.path("skipped_minutes_below_threshold").asLong(), greaterThan(0L));
    long perMarket = 0;
    for (String rec : List.of("OVER", "UNDER", "PASS")) {
      perMarket += counters.path("player_rebounds:ensemble_v1:" + rec).asLong();
    }
    assertThat("counted per market and system", perMarket, equalTo(features - skipped));

    // Into a copy of the run's predictions, so the run summary the other checks read stays the first command's.
    Path rerun = TMP.newFolder("rerun").toPath();
    Files.createDirectories(rerun.resolve("player_prop_predictions"));
    Path copy = rerun.resolve("player_prop_predictions").resolve("2024-11-22.json");
    Files.writeString(copy, first.replace("ensemble_v1", "ensemble_v0"));
    assertThat(Main.run(FeaturesTest.concat(
        new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + rerun, "--model=" + model}, RANGE)), equalTo(0));
    assertThat("a rerun replaces the date, byte for byte", Files.readString(copy), equalTo(first));
  }

  @Test
  public void gradingWritesGradesSummariesAndTheGradedExport() throws Exception {
    List<String> summaries = Files.readAllLines(out.resolve("grading_summary").resolve("2024-11-21.json"));
    assertThat("one per market and system", summaries.size(), equalTo(3 * Markets.Market.values().length));
    for (String line : summaries) {
      JsonNode s = JSON.readTree(line);
      int decided = s.get("wins").asInt() + s.get("losses").asInt();
      assertThat(s.get("graded").asInt() + s.get("void_did_not_play").asInt(), equalTo(s.get("predictions").asInt()));
      assertThat(s.get("staked").asInt(), equalTo(decided + s.get("pushes").asInt()));
      if (s.get("staked").asInt() > 0) {
        assertThat(s.get("roi").asDouble(), closeTo(s.get("profit").asDouble() / s.get("staked").asInt(), 1e-9));
      }
      if (decided > 0) {
        assertThat(s.get("hit_rate").asDouble(), equalTo(s.get("wins").asDouble() / decided));
        assertThat(s.get("hit_rate_ci_low").asDouble() <= s.get("hit_rate").asDouble(), equalTo(true));
      }
      assertThat(s.get("mae").asDouble(), greaterThan(0.0));
    }
    JsonNode export = JSON.readTree(out.resolve("export").resolve("2024-11-21.json").toFile());
    assertThat(export.get("format").asText(), equalTo("nba-props-export/v2"));
    assertThat(export.get("graded").asBoolean(), equalTo(true));
    JsonNode player = export.get("games").get(0).get("players").get(0);
    assertThat("a pick per market and system", player.get("picks").size(), equalTo(3 * Markets.Market.values().length));
    for (JsonNode pick : player.get("picks")) {
      assertThat(pick.get("actual").isInt(), equalTo(true));
      assertThat(pick.get("outcome").asText(), org.hamcrest.Matchers.not(equalTo("PENDING")));
    }
  }

  @Test
  public void aModelOfAnotherContractAndGradingWithoutPredictionsAreRefused() throws Exception {
    Path old = TMP.getRoot().toPath().resolve("old");
    Files.writeString(Path.of(old + ".meta.json"),
        Files.readString(Path.of(model + ".meta.json")).replace(FeatureContract.VERSION, "v0_old"));
    FeaturesTest.Run refused = FeaturesTest.run(FeaturesTest.concat(new String[] {"backfill", "--inputDir=" + input,
        "--outputDir=" + TMP.newFolder("refused"), "--model=" + old}, RANGE));
    assertThat(refused.exit(), equalTo(2));
    assertThat(refused.stderr(), containsString("trained on feature contract 'v0_old'"));
    FeaturesTest.Run nothing = FeaturesTest.run("grade", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("empty"),
        "--startDate=2024-11-21");
    assertThat(nothing.exit(), equalTo(2));
    assertThat(nothing.stderr(), containsString("run backfill or same-day with --model first"));
  }

  /**
   * Feeds, not rows: the same model and dates, with one optional feed's file taken away in turn. Rows stay
   * quality-ready, the feed's features are missing and counted on every row, the model still predicts, and the
   * health report warns once for the feed.
   */
  @Test
  public void eachOptionalFeedAbsentInTurnLeavesRowsReadyItsFeaturesMissingAndCountedAndTheModelPredicting() throws Exception {
    Map<String, String> countOf = Map.of(
        "shot_zones", "shot_zone_missing_count", "props", "vegas_default_count", "game_lines", "game_line_missing_count");
    Map<String, String> fileOf = Map.of(
        "shot_zones", "shot_zones.csv.gz", "props", "player_props_snapshots.csv.gz", "game_lines", "game_lines.csv");
    for (String feed : List.of("shot_zones", "props", "game_lines")) {
      Path without = TMP.newFolder("input-without-" + feed).toPath();
      try (java.util.stream.Stream<Path> files = Files.list(input)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (!f.getFileName().toString().equals(fileOf.get(feed))) {
            Files.copy(f, without.resolve(f.getFileName()));
          }
        }
      }
      Path o = TMP.newFolder("out-without-" + feed).toPath();
      FeaturesTest.Run run = FeaturesTest.run(FeaturesTest.concat(
          new String[] {"backfill", "--inputDir=" + without, "--outputDir=" + o, "--model=" + model}, RANGE));
      assertThat(feed + ": " + run.stderr(), run.exit(), equalTo(0));
      int rows = 0;
      int ready = 0;
      for (JsonNode r : BackfillTest.rows(BackfillTest.readTable(o, "ml_feature_store_v2"))) {
        rows++;
        ready += r.get("is_quality_ready").asBoolean() ? 1 : 0;
        assertThat(feed, r.get("missing_feeds").toString(), containsString("\"" + feed + "\""));
        assertThat(feed, r.get(countOf.get(feed)).asInt(), greaterThan(0));
        for (int i = 0; i < r.get("feature_names").size(); i++) {
          if (r.get("feature_sources").get(i).asText().equals(FeatureContract.MISSING_FEED)) {
            assertThat(r.get("feature_names").get(i).asText(),
                FeatureContract.FEATURES.get(i).feed.id, equalTo(feed));
          }
        }
      }
      assertThat(feed + ": most rows of these late dates are ready", ready, greaterThan(rows / 2));
      long gbm = BackfillTest.rows(BackfillTest.readTable(o, "player_prop_predictions")).stream()
          .filter(r -> r.get("system_id").asText().equals("gbm_v1")).count();
      assertThat(feed + ": the model predicts", gbm, greaterThan(0L));
      JsonNode health = JSON.readTree(o.resolve("health_report.json").toFile());
      assertThat(feed, health.get("breaches").toString(), containsString("optional feed " + feed + " has no data"));
    }
  }

  @Test
  public void trainingThatCannotLearnExitsTwoWithOneLineSayingWhy() throws Exception {
    FeaturesTest.Run empty = FeaturesTest.run("train", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("train-empty"),
        "--startDate=2030-01-01", "--endDate=2030-01-31", "--modelOut=" + TMP.getRoot().toPath().resolve("none"));
    assertThat(empty.stderr(), empty.exit(), equalTo(2));
    assertThat(empty.stderr(), containsString("error: train: no feature row in 2030-01-01..2030-01-31"));
    assertThat("one error line", empty.stderr().lines().filter(l -> l.startsWith("error:")).count(), equalTo(1L));
    assertThat(Files.exists(TMP.getRoot().toPath().resolve("none.meta.json")), equalTo(false));

    FeaturesTest.Run few = FeaturesTest.run("train", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("train-few"),
        "--startDate=2024-11-20", "--endDate=2024-11-20", "--modelOut=" + TMP.getRoot().toPath().resolve("few"));
    assertThat(few.stderr(), few.exit(), equalTo(2));
    assertThat(few.stderr(), containsString("fewer than --minTrainingRows=100 for each market (player_points, player_rebounds,"));
    assertThat(few.stderr(), containsString("not quality-ready"));
    assertThat(Files.exists(TMP.getRoot().toPath().resolve("few.meta.json")), equalTo(false));
    assertThat(Files.exists(TMP.getRoot().toPath().resolve("few.player_points.ubj")), equalTo(false));
  }

  /** The model was trained on 2023-11-08..2023-11-28 (the training league): predicting those dates would grade it on its own labels. */
  @Test
  public void aModelTrainedOnADateItWouldPredictIsRefusedUnlessTheOverlapIsAccepted() throws Exception {
    Path training = out.resolve(Main.TRAINING_INPUT);
    FeaturesTest.Run refused = FeaturesTest.run("backfill", "--inputDir=" + training, "--outputDir=" + TMP.newFolder("leak"),
        "--model=" + model, "--startDate=2023-11-15", "--endDate=2023-12-03");
    assertThat(refused.stderr(), refused.exit(), equalTo(2));
    assertThat(refused.stderr(), containsString(
        "error: model " + model + " was trained on 2023-11-08..2023-11-28, which reaches 2023-11-15, a date this run predicts"));
    assertThat(refused.stderr(), containsString("--allowTrainingOverlap=2023-11-15..2023-11-28"));
    assertThat("one error line", refused.stderr().lines().filter(l -> l.startsWith("error:")).count(), equalTo(1L));

    FeaturesTest.Run sameDay = FeaturesTest.run("same-day", "--inputDir=" + training, "--outputDir=" + TMP.newFolder("leak-sd"),
        "--model=" + model, "--date=2023-11-28");
    assertThat(sameDay.stderr(), sameDay.exit(), equalTo(2));
    assertThat(sameDay.stderr(), containsString("which reaches 2023-11-28"));

    FeaturesTest.Run narrow = FeaturesTest.run("backfill", "--inputDir=" + training, "--outputDir=" + TMP.newFolder("leak-narrow"),
        "--model=" + model, "--startDate=2023-11-15", "--endDate=2023-12-03", "--allowTrainingOverlap=2023-11-18..2023-11-28");
    assertThat("an override must cover the whole overlap", narrow.exit(), equalTo(2));

    Path accepted = TMP.newFolder("leak-accepted").toPath();
    FeaturesTest.Run named = FeaturesTest.run("backfill", "--inputDir=" + training, "--outputDir=" + accepted,
        "--model=" + model, "--startDate=2023-11-27", "--endDate=2023-11-28", "--allowTrainingOverlap=2023-11-27..2023-11-28");
    assertThat(named.stderr(), named.exit(), equalTo(0));
    assertThat(Files.exists(accepted.resolve("player_prop_predictions").resolve("2023-11-28.json")), equalTo(true));
  }

  @Test
  public void aMovedLineIsRepredictedAsOfItsSnapshotInWatchMode() throws Exception {
    Path in = TMP.newFolder("watch-input").toPath();
    SampleLeague.write(in, SampleLeague.Config.embedded()); // a folder of its own: the watch adds a file to it
    Path watchOut = TMP.newFolder("watch-out").toPath();
    String date = "2024-11-29";
    CompletableFuture<FeaturesTest.Run> running = CompletableFuture.supplyAsync(() -> FeaturesTest.run(
        "same-day", "--inputDir=" + in, "--outputDir=" + watchOut, "--date=" + date, "--watch", "--watchSeconds=120",
        "--watchIdleSeconds=3", "--pollSeconds=1", "--model=" + model));
    Path morning = watchOut.resolve("player_prop_predictions").resolve(date + ".json");
    Watching.waitFor(() -> Files.exists(morning), running);
    Watching.land(in, "player_props_snapshots_20241129_2315.csv", Watching.movedLine(33.5));
    Path updates = watchOut.resolve("player_prop_predictions_line_updates").resolve(date + ".json");
    Watching.waitFor(() -> Files.exists(updates), running);
    FeaturesTest.Run run = running.get(90, TimeUnit.SECONDS);
    assertThat(run.stderr(), run.exit(), equalTo(0));

    Map<String, JsonNode> before = new HashMap<>();
    for (String line : Files.readAllLines(morning)) {
      JsonNode r = JSON.readTree(line);
      if (r.get("player_lookup").asText().equals("andrepryor") && r.get("market").asText().equals("player_points")) {
        before.put(r.get("system_id").asText(), r);
      }
    }
    assertThat("he is predicted in the morning", before.keySet(), equalTo(Set.of("baseline_avg_v1", "gbm_v1", "ensemble_v1")));
    List<String> lines = Files.readAllLines(updates);
    assertThat("the one player whose line moved, every market by every system", lines.size(),
        equalTo(3 * Markets.Market.values().length));
    int points = 0;
    for (String line : lines) {
      JsonNode r = JSON.readTree(line);
      assertThat(r.get("player_lookup").asText(), equalTo("andrepryor"));
      assertThat(r.get("as_of").asText(), equalTo("2024-11-29T23:15:00Z"));
      if (!r.get("market").asText().equals("player_points")) {
        continue;
      }
      points++;
      JsonNode morningRow = before.get(r.get("system_id").asText());
      assertThat(r.get("line").asDouble(), equalTo(33.5));
      assertThat(r.get("line_snapshot_time").asText(), equalTo("2024-11-29T23:15:00Z"));
      assertThat("predicted when the line arrived", r.get("feature_data_age_hours").asDouble(), equalTo(0.0));
      assertThat(morningRow.get("line").asDouble(), org.hamcrest.Matchers.not(equalTo(33.5)));
      if (r.get("system_id").asText().equals("baseline_avg_v1")) {
        // The baseline reads no line: only the edge and the call follow the move.
        assertThat(r.get("predicted_value").asDouble(), equalTo(morningRow.get("predicted_value").asDouble()));
      }
      assertThat(r.get("edge").asDouble(), closeTo(r.get("predicted_value").asDouble() - 33.5, 1e-9));
      if (!r.get("recommendation").asText().equals("PASS")) {
        assertThat(r.get("expected_value").asDouble(), greaterThanOrEqualTo(0.03));
      }
    }
    assertThat(points, equalTo(3));
  }
}
