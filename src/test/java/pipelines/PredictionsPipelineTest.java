package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inputs.SampleLeague;
import java.nio.file.Files;
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

/** train → backfill --model (twice) → grade → export, from the jar's entry point, on the embedded sample. */
public class PredictionsPipelineTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] RANGE = {"--startDate=2024-11-21", "--endDate=2024-11-23"};
  private static Path input;
  private static Path model;
  private static Path out;

  @BeforeClass
  public static void trainAndPredict() throws Exception {
    input = TMP.newFolder("input").toPath();
    SampleLeague.write(input, SampleLeague.Config.embedded());
    model = TMP.getRoot().toPath().resolve("models").resolve("gbm.ubj");
    FeaturesTest.Run train = FeaturesTest.run("train", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("train"),
        "--startDate=2024-11-01", "--endDate=2024-11-20", "--modelOut=" + model, "--rounds=100");
    assertThat(train.stderr(), train.exit(), equalTo(0));
    out = TMP.newFolder("out").toPath();
    assertThat(Main.run(FeaturesTest.concat(
        new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + out, "--model=" + model}, RANGE)), equalTo(0));
  }

  @Test
  public void everySystemPredictsEveryEligibleRowAndARerunReplacesTheDate() throws Exception {
    Path partition = out.resolve("player_prop_predictions").resolve("2024-11-22.json");
    String first = Files.readString(partition);
    Set<String> systems = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (String line : first.split("\n")) {
      JsonNode r = JSON.readTree(line);
      systems.add(r.get("system_id").asText());
      assertThat("duplicate key", keys.add(r.get("player_lookup").asText() + "|" + r.get("system_id").asText() + "|"
          + r.get("line")), equalTo(true));
      assertThat(r.get("feature_schema_version").asText(), equalTo(FeatureContract.VERSION));
      // as of just before tip-off: the line's age is the time from its snapshot to tip-off, not clamped or hidden
      java.time.Instant asOf = java.time.Instant.parse(r.get("as_of").asText());
      if (!r.get("line").isNull()) {
        java.time.Instant snapshot = java.time.Instant.parse(r.get("line_snapshot_time").asText());
        assertThat(snapshot.isBefore(asOf), equalTo(true));
        assertThat(r.get("feature_data_age_hours").asDouble(),
            closeTo((asOf.toEpochMilli() - snapshot.toEpochMilli()) / 3_600_000.0, 1e-9));
      } else {
        assertThat(r.get("as_of").asText(), equalTo("2024-11-23T00:00:00Z")); // 19:00 US/Eastern of 2024-11-22
      }
      String rec = r.get("recommendation").asText();
      if (r.get("line").isNull()) {
        assertThat(rec, equalTo("PASS"));
      } else if (!rec.equals("PASS")) {
        assertThat(Math.abs(r.get("edge").asDouble()), org.hamcrest.Matchers.greaterThanOrEqualTo(1.5));
      }
    }
    assertThat(systems, equalTo(Set.of("baseline_avg_v1", "gbm_v1", "ensemble_v1")));
    JsonNode counters = JSON.readTree(out.resolve("run_summary.json").toFile()).get("counters").get("predictions");
    long skipped = counters.path("skipped_not_quality_ready").asLong() + counters.path("skipped_minutes_below_threshold").asLong();
    long features = JSON.readTree(out.resolve("run_summary.json").toFile()).get("tables").get("ml_feature_store_v2")
        .get("rows_written").asLong();
    long predictions = JSON.readTree(out.resolve("run_summary.json").toFile()).get("tables").get("player_prop_predictions")
        .get("rows_written").asLong();
    assertThat("every feature row is predicted by 3 systems or counted as skipped", predictions, equalTo(3 * (features - skipped)));
    assertThat(counters.path("skipped_minutes_below_threshold").asLong(), greaterThan(0L));

    assertThat(Main.run(FeaturesTest.concat(
        new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + out, "--model=" + model}, RANGE)), equalTo(0));
    assertThat("a rerun replaces the date, byte for byte", Files.readString(partition), equalTo(first));
  }

  @Test
  public void gradingWritesGradesSummariesAndTheGradedExport() throws Exception {
    assertThat(Main.run(FeaturesTest.concat(new String[] {"grade", "--inputDir=" + input, "--outputDir=" + out}, RANGE)),
        equalTo(0));
    List<String> summaries = Files.readAllLines(out.resolve("grading_summary").resolve("2024-11-21.json"));
    assertThat(summaries.size(), equalTo(3));
    for (String line : summaries) {
      JsonNode s = JSON.readTree(line);
      int decided = s.get("wins").asInt() + s.get("losses").asInt();
      assertThat(s.get("graded").asInt() + s.get("ungradeable_did_not_play").asInt(), equalTo(s.get("predictions").asInt()));
      if (decided > 0) {
        assertThat(s.get("hit_rate").asDouble(), equalTo(s.get("wins").asDouble() / decided));
        assertThat(s.get("hit_rate_ci_low").asDouble() <= s.get("hit_rate").asDouble(), equalTo(true));
      }
      assertThat(s.get("mae").asDouble(), greaterThan(0.0));
    }
    JsonNode export = JSON.readTree(out.resolve("export").resolve("2024-11-21.json").toFile());
    assertThat(export.get("format").asText(), equalTo("nba-props-export/v1"));
    assertThat(export.get("graded").asBoolean(), equalTo(true));
    JsonNode player = export.get("games").get(0).get("players").get(0);
    assertThat(player.get("actual_points").isInt(), equalTo(true));
    assertThat(player.get("predictions").size(), equalTo(3));
  }

  @Test
  public void aModelOfAnotherContractAndGradingWithoutPredictionsAreRefused() throws Exception {
    Path old = TMP.getRoot().toPath().resolve("old.ubj");
    Files.copy(model, old);
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
        "--startDate=2030-01-01", "--endDate=2030-01-31", "--modelOut=" + TMP.getRoot().toPath().resolve("none.ubj"));
    assertThat(empty.stderr(), empty.exit(), equalTo(2));
    assertThat(empty.stderr(), containsString("error: train: no feature row in 2030-01-01..2030-01-31"));
    assertThat("one error line", empty.stderr().lines().filter(l -> l.startsWith("error:")).count(), equalTo(1L));
    assertThat(Files.exists(TMP.getRoot().toPath().resolve("none.ubj")), equalTo(false));

    FeaturesTest.Run few = FeaturesTest.run("train", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("train-few"),
        "--startDate=2024-11-20", "--endDate=2024-11-20", "--modelOut=" + TMP.getRoot().toPath().resolve("few.ubj"));
    assertThat(few.stderr(), few.exit(), equalTo(2));
    assertThat(few.stderr(), containsString("fewer than --minTrainingRows=100"));
    assertThat(few.stderr(), containsString("not quality-ready"));
    assertThat(Files.exists(TMP.getRoot().toPath().resolve("few.ubj")), equalTo(false));
  }

  /** The model was trained through 2024-11-20: predicting that date or earlier would grade it on its own labels. */
  @Test
  public void aModelTrainedOnADateItWouldPredictIsRefusedUnlessTheOverlapIsAccepted() throws Exception {
    FeaturesTest.Run refused = FeaturesTest.run("backfill", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("leak"),
        "--model=" + model, "--startDate=2024-11-15", "--endDate=2024-11-23");
    assertThat(refused.stderr(), refused.exit(), equalTo(2));
    assertThat(refused.stderr(), containsString(
        "error: model " + model + " was trained on 2024-11-01..2024-11-20, which reaches 2024-11-15, a date this run predicts"));
    assertThat(refused.stderr(), containsString("--allowTrainingOverlap=2024-11-15..2024-11-20"));
    assertThat("one error line", refused.stderr().lines().filter(l -> l.startsWith("error:")).count(), equalTo(1L));

    FeaturesTest.Run sameDay = FeaturesTest.run("same-day", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("leak-sd"),
        "--model=" + model, "--date=2024-11-20");
    assertThat(sameDay.stderr(), sameDay.exit(), equalTo(2));
    assertThat(sameDay.stderr(), containsString("which reaches 2024-11-20"));

    FeaturesTest.Run narrow = FeaturesTest.run("backfill", "--inputDir=" + input, "--outputDir=" + TMP.newFolder("leak-narrow"),
        "--model=" + model, "--startDate=2024-11-15", "--endDate=2024-11-23", "--allowTrainingOverlap=2024-11-18..2024-11-20");
    assertThat("an override must cover the whole overlap", narrow.exit(), equalTo(2));

    Path accepted = TMP.newFolder("leak-accepted").toPath();
    FeaturesTest.Run named = FeaturesTest.run("backfill", "--inputDir=" + input, "--outputDir=" + accepted,
        "--model=" + model, "--startDate=2024-11-20", "--endDate=2024-11-21", "--allowTrainingOverlap=2024-11-20..2024-11-20");
    assertThat(named.stderr(), named.exit(), equalTo(0));
    assertThat(Files.exists(accepted.resolve("player_prop_predictions").resolve("2024-11-20.json")), equalTo(true));
  }

  @Test
  public void aMovedLineIsRepredictedAsOfItsSnapshotInWatchMode() throws Exception {
    Path in = TMP.newFolder("watch-input").toPath();
    SampleLeague.write(in, SampleLeague.Config.embedded());
    Path watchOut = TMP.newFolder("watch-out").toPath();
    String date = "2024-11-29";
    CompletableFuture<FeaturesTest.Run> running = CompletableFuture.supplyAsync(() -> FeaturesTest.run(
        "same-day", "--inputDir=" + in, "--outputDir=" + watchOut, "--date=" + date, "--watch", "--watchSeconds=30",
        "--pollSeconds=1", "--model=" + model));
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
      if (r.get("player_lookup").asText().equals("andrepryor")) {
        before.put(r.get("system_id").asText(), r);
      }
    }
    assertThat("he is predicted in the morning", before.keySet(), equalTo(Set.of("baseline_avg_v1", "gbm_v1", "ensemble_v1")));
    List<String> lines = Files.readAllLines(updates);
    assertThat("one row per system, for the one player whose line moved", lines.size(), equalTo(3));
    for (String line : lines) {
      JsonNode r = JSON.readTree(line);
      JsonNode morningRow = before.get(r.get("system_id").asText());
      assertThat(r.get("player_lookup").asText(), equalTo("andrepryor"));
      assertThat(r.get("line").asDouble(), equalTo(33.5));
      assertThat(r.get("line_snapshot_time").asText(), equalTo("2024-11-29T23:15:00Z"));
      assertThat("predicted when the line arrived", r.get("feature_data_age_hours").asDouble(), equalTo(0.0));
      assertThat(r.get("as_of").asText(), equalTo("2024-11-29T23:15:00Z"));
      assertThat(morningRow.get("line").asDouble(), org.hamcrest.Matchers.not(equalTo(33.5)));
      if (r.get("system_id").asText().equals("baseline_avg_v1")) {
        // The baseline reads no line: only the edge and the call follow the move.
        assertThat(r.get("predicted_points").asDouble(), equalTo(morningRow.get("predicted_points").asDouble()));
      }
      assertThat(r.get("edge").asDouble(), closeTo(r.get("predicted_points").asDouble() - 33.5, 1e-9));
      assertThat(r.get("recommendation").asText(),
          equalTo(transforms.predictions.BuildPredictions.recommendation(r.get("edge").asDouble(), 1.5)));
    }
  }
}
