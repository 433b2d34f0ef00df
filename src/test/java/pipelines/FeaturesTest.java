package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Phase 4 and the feature store on the embedded sample: one row per universe player, point in time, the upstream gate. */
public class FeaturesTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> PHASE4_TABLES =
      List.of(
          "upcoming_player_game_context", "player_daily_cache", "player_shot_zone_analysis", "team_defense_zone_analysis",
          "player_composite_factors", "ml_feature_store_v2");
  private static final String D = "2024-11-15";

  private static Path full;
  private static Path input;

  @BeforeClass
  public static void fullSampleRun() throws Exception {
    full = TMP.newFolder("full").toPath();
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + full, "--demo=false"}), equalTo(0));
    input = full.resolve("embedded_sample_input");
  }

  /**
   * The backfill's whole graph with the DirectRunner's checks on (the command line turns them off): no step mutates
   * its input, every element encodes. The checks re-encode every element at every step, about five times a run's
   * cost, so they run on a small league of the same generator (4 teams, 10 days, every feed): the same steps, the
   * same code paths, a tenth of the rows.
   */
  @Test
  public void noStepMutatesItsInputAndEveryElementEncodes() throws Exception {
    io.inputs.SampleLeague.Config small = io.inputs.SampleLeague.Config.embedded();
    small.teams = 4;
    small.daysPerSeason = 10;
    small.upcomingDays = 1;
    Path in = TMP.newFolder("small-league").toPath();
    io.inputs.SampleLeague.write(in, small);
    Path out = TMP.newFolder("small-league-checked").toPath();
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + out,
        "--enforceImmutability=true", "--enforceEncodability=true"}), equalTo(0));
    List<JsonNode> features = BackfillTest.rows(BackfillTest.readTable(out, "ml_feature_store_v2"));
    assertThat(features.size(), greaterThan(50));
    assertThat("some rows have history enough to be ready",
        features.stream().anyMatch(f -> f.get("is_quality_ready").asBoolean()), equalTo(true));
  }

  @Test
  public void everyPlayerOfTheUniverseGetsOneRowInEveryPlayerTable() throws Exception {
    List<JsonNode> context = BackfillTest.rows(BackfillTest.readTable(full, "upcoming_player_game_context"));
    assertThat(context.size(), greaterThan(500));
    Set<String> universe = keys(context, "game_date");
    assertThat(universe.size(), equalTo(context.size()));
    assertThat(keys(BackfillTest.rows(BackfillTest.readTable(full, "player_daily_cache")), "cache_date"), equalTo(universe));
    assertThat(keys(BackfillTest.rows(BackfillTest.readTable(full, "player_shot_zone_analysis")), "analysis_date"), equalTo(universe));
    assertThat(keys(BackfillTest.rows(BackfillTest.readTable(full, "player_composite_factors")), "game_date"), equalTo(universe));
    List<JsonNode> features = BackfillTest.rows(BackfillTest.readTable(full, "ml_feature_store_v2"));
    assertThat(keys(features, "game_date"), equalTo(universe));
    assertThat(BackfillTest.readTable(full, "feature_store_gaps").isEmpty(), equalTo(true));

    int ready = 0;
    int withLine = 0;
    for (JsonNode f : features) {
      assertThat(f.get("features").size(), equalTo(transforms.features.FeatureContract.FEATURES.size()));
      assertThat(f.get("feature_names").size(), equalTo(transforms.features.FeatureContract.FEATURES.size()));
      assertThat(f.get("cache_miss_fallback_used").asBoolean(), equalTo(false));
      ready += f.get("is_quality_ready").asBoolean() ? 1 : 0;
      withLine += f.get("market_lines").size() > 0 ? 1 : 0;
      if (f.get("is_quality_ready").asBoolean()) {
        assertThat(f.get("required_default_count").asInt(), equalTo(0));
      }
    }
    // The sample's first days have no history (not ready); later days do; most players have a line.
    assertThat(ready, greaterThan(features.size() / 2));
    assertThat(ready, lessThan(features.size()));
    assertThat(withLine, greaterThan(features.size() / 2));

    JsonNode counters = JSON.readTree(full.resolve("run_summary.json").toFile()).get("counters");
    assertThat(counters.get("features").get("feature_rows").asLong(), equalTo((long) features.size()));
    assertThat(counters.get("context").get("universe_rows").asLong(), equalTo((long) features.size()));
  }

  @Test
  public void noRowForADateChangesWhenThatDateAndLaterAreAbsurd() throws Exception {
    Path absurd = TMP.newFolder("absurd-input").toPath();
    AbsurdFuture.copy(input, absurd, D);
    Path a = TMP.newFolder("leak-a").toPath();
    Path b = TMP.newFolder("leak-b").toPath();
    String[] range = {"--startDate=" + D, "--endDate=" + D};
    assertThat(Main.run(concat(new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + a}, range)), equalTo(0));
    assertThat(Main.run(concat(new String[] {"backfill", "--inputDir=" + absurd, "--outputDir=" + b}, range)), equalTo(0));
    assertSamePhase4Rows(a, b, D);
  }

  /** Every Phase 4 table's D partition is identical on both outputs, once the fake player's own rows are left out. */
  static void assertSamePhase4Rows(Path a, Path b, String d) throws Exception {
    // The absurd rows were read, not rejected: otherwise the comparison would prove nothing.
    JsonNode inputs = JSON.readTree(b.resolve("run_summary.json").toFile()).get("inputs");
    inputs.fields().forEachRemaining(f ->
        assertThat(f.getKey() + " dead letters", f.getValue().get("rows_dead_lettered").asLong(), equalTo(0L)));
    for (String table : PHASE4_TABLES) {
      String expected = Files.readString(a.resolve(table).resolve(d + ".json"));
      String actual = Files.readString(b.resolve(table).resolve(d + ".json"));
      assertThat(table + " must hold the fake player (the absurd input was read)",
          table.startsWith("team") || actual.contains(AbsurdFuture.FAKE_LOOKUP), equalTo(true));
      assertThat(table + " on " + d, withoutFake(actual), equalTo(expected));
    }
  }

  private static String withoutFake(String partition) {
    StringBuilder out = new StringBuilder();
    for (String line : partition.split("\n")) {
      if (!line.contains("\"player_lookup\":\"" + AbsurdFuture.FAKE_LOOKUP + "\"")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  public void aPersistedCacheIsUsedWhenFitAndRefusedWhenMissingStaleOrIncomplete() throws Exception {
    String[] range = {"--startDate=2024-11-14", "--endDate=2024-11-16"};
    Path cache = TMP.newFolder("cache").toPath();
    copyTable(full, cache, "player_daily_cache");

    Path fromCache = TMP.newFolder("from-cache").toPath();
    Run ok = run(concat(args(fromCache, "--cacheDir=" + cache), range));
    assertThat(ok.stderr, ok.exit, equalTo(0));
    assertThat(Files.exists(fromCache.resolve("player_daily_cache")), equalTo(false));
    for (String date : List.of("2024-11-14", "2024-11-15", "2024-11-16")) {
      assertThat(Files.readString(fromCache.resolve("ml_feature_store_v2").resolve(date + ".json")),
          equalTo(Files.readString(full.resolve("ml_feature_store_v2").resolve(date + ".json"))));
    }

    Path partition = cache.resolve("player_daily_cache").resolve(D + ".json");
    String content = Files.readString(partition);

    Files.delete(partition);
    // Refused by the driver before the main graph is built: a usage-or-input exit, one line, nothing written.
    Path refused = TMP.newFolder("x1").toPath();
    Run missing = run(concat(args(refused, "--cacheDir=" + cache), range));
    assertThat(missing.stderr, missing.exit, equalTo(2));
    assertThat(missing.stderr, containsString("error: upstream not ready: player_daily_cache has no partition for " + D));
    try (var written = Files.list(refused)) {
      assertThat(written.map(f -> f.getFileName().toString()).filter(f -> !f.equals("embedded_sample_input")).toList(),
          equalTo(List.of()));
    }

    Files.writeString(partition, content);
    Files.setLastModifiedTime(partition, FileTime.fromMillis(System.currentTimeMillis() - 48L * 3600 * 1000));
    Run stale = run(concat(args(TMP.newFolder("x2").toPath(), "--cacheDir=" + cache), range));
    assertThat(stale.stderr, stale.exit, equalTo(2));
    assertThat(stale.stderr, containsString("player_daily_cache partition " + D + " was written 48.0 hours ago"));

    List<String> lines = new ArrayList<>(List.of(content.split("\n")));
    String dropped = JSON.readTree(lines.remove(0)).get("player_lookup").asText();
    Files.writeString(partition, String.join("\n", lines) + "\n");
    Run incomplete = run(concat(args(TMP.newFolder("x3").toPath(), "--cacheDir=" + cache), range));
    assertThat(incomplete.stderr, incomplete.exit, equalTo(2));
    assertThat(incomplete.stderr, containsString("missing: " + dropped));

    // Allowed to miss a few: the missing player is recomputed, flagged, and gets the very same features.
    Path tolerant = TMP.newFolder("tolerant").toPath();
    Run fallback = run(concat(args(tolerant, "--cacheDir=" + cache, "--minUpstreamCoverage=0.9"), range));
    assertThat(fallback.stderr, fallback.exit, equalTo(0));
    Map<String, JsonNode> got = byPlayer(tolerant.resolve("ml_feature_store_v2").resolve(D + ".json"));
    Map<String, JsonNode> want = byPlayer(full.resolve("ml_feature_store_v2").resolve(D + ".json"));
    assertThat(got.keySet(), equalTo(want.keySet()));
    for (String player : want.keySet()) {
      assertThat(got.get(player).get("cache_miss_fallback_used").asBoolean(), equalTo(player.equals(dropped)));
      assertThat(got.get(player).get("features"), equalTo(want.get(player).get("features")));
    }
    assertThat(got.get(dropped).get("feature_sources").toString(), containsString("fallback"));
    assertThat(want.get(dropped).get("feature_sources").toString(), not(containsString("fallback")));
  }

  @Test
  public void aGapLeftByAnEarlierRunIsGoneOnceTheDateSucceeds() throws Exception {
    Path out = TMP.newFolder("gaps").toPath();
    Path gaps = Files.createDirectories(out.resolve("feature_store_gaps"));
    Files.writeString(gaps.resolve(D + ".json"), "{\"player_lookup\":\"x\",\"game_date\":\"" + D + "\",\"reason\":\"earlier failure\"}\n");
    Files.setLastModifiedTime(gaps.resolve(D + ".json"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Run r = run(concat(args(out), new String[] {"--startDate=" + D, "--endDate=" + D}));
    assertThat(r.stderr, r.exit, equalTo(0));
    assertThat(Files.exists(gaps.resolve(D + ".json")), equalTo(false));
    assertThat(Files.exists(out.resolve("ml_feature_store_v2").resolve(D + ".json")), equalTo(true));
  }

  private static String[] args(Path out, String... more) {
    return concat(new String[] {"backfill", "--inputDir=" + input, "--outputDir=" + out}, more);
  }

  static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Set<String> keys(List<JsonNode> rows, String dateColumn) {
    Set<String> keys = new HashSet<>();
    for (JsonNode r : rows) {
      keys.add(r.get("player_lookup").asText() + "|" + r.get(dateColumn).asText());
    }
    return keys;
  }

  static Map<String, JsonNode> byPlayer(Path partition) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    for (String line : Files.readAllLines(partition)) {
      JsonNode r = JSON.readTree(line);
      out.put(r.get("player_lookup").asText(), r);
    }
    return out;
  }

  @Test
  public void sameDayChecksThePersistedCacheAgainstWhoIsExpectedBeforeItsGraphRuns() throws Exception {
    // No box scores yet on an upcoming date: only the same-day universe (who is scheduled) needs its partition,
    // which the backfill that wrote the cache could not have written.
    String upcoming = "2024-11-29"; // scheduled in the embedded sample, not played (SameDayTest's upcoming date)
    Path out = TMP.newFolder("same-day-from-cache").toPath();
    Run r = run("same-day", "--inputDir=" + input, "--outputDir=" + out, "--date=" + upcoming,
        "--cacheDir=" + full);
    assertThat(r.stderr, r.exit, equalTo(2));
    assertThat(r.stderr, containsString("error: upstream not ready: player_daily_cache has no partition for "
        + upcoming + " ("));
    try (var written = Files.list(out)) {
      assertThat(written.toList(), equalTo(List.of()));
    }
  }

  private static void copyTable(Path from, Path to, String table) throws Exception {
    Path dst = Files.createDirectories(to.resolve(table));
    try (var files = Files.list(from.resolve(table))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    }
  }

  record Run(int exit, String stderr) {}

  static Run run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args);
      return new Run(exit, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }
}
