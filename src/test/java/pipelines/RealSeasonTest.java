package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Phase 3, 4 and the feature store over the real 2023-24 season in ../shared/data/nba (skipped, with a message,
 * where it is absent).
 */
public class RealSeasonTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  static Path season(String name) {
    Path dir = Path.of("..", "shared", "data", "nba", name).toAbsolutePath().normalize();
    if (!Files.exists(dir.resolve("player_game_logs.csv"))) {
      System.err.println("SKIPPED: real data not found at " + dir + " (it lives beside the checkout, in ../shared/data/nba)");
      assumeTrue("real data absent: " + dir, false);
    }
    return dir;
  }

  @Test
  public void fullSeasonGivesEverySummaryEveryTeamGameAndNoDeadLetter() throws Exception {
    Path in = season("2023-24");
    Path out = tmp.newFolder("out").toPath();
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + out}), equalTo(0));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    JsonNode logs = summary.get("inputs").get("player_game_logs.csv");
    assertThat(logs.get("rows_read").asLong(), equalTo(25_143L));
    assertThat(logs.get("rows_dead_lettered").asLong(), equalTo(0L));
    assertThat(logs.get("reconciled").asBoolean(), equalTo(true));

    List<JsonNode> rows = BackfillTest.rows(BackfillTest.readTable(out, "player_game_summary"));
    assertThat(rows.size(), equalTo(25_143));
    Set<String> teamGames = new HashSet<>();
    for (JsonNode r : rows) {
      teamGames.add(r.get("team_abbr").asText() + "|" + r.get("game_id").asText());
    }
    assertThat(teamGames.size(), equalTo(2_346));
    assertThat(BackfillTest.rows(BackfillTest.readTable(out, "team_game_summary")).size(), equalTo(2_346));
    assertThat(BackfillTest.rows(BackfillTest.readTable(out, "dead_letter")).size(), equalTo(0));
    // every input of the season reconciles, optional ones included
    summary.get("inputs").forEach(f -> assertThat(f.get("reconciled").asBoolean(), equalTo(true)));

    // Phase 4: one row per player who played (minutes > 0) in every per-player table, one per team-game for teams
    for (String table : List.of("upcoming_player_game_context", "player_daily_cache", "player_shot_zone_analysis",
        "player_composite_factors", "ml_feature_store_v2")) {
      assertThat(table, summary.get("tables").get(table).get("rows_written").asLong(), equalTo(25_029L));
    }
    assertThat(summary.get("tables").get("team_defense_zone_analysis").get("rows_written").asLong(), equalTo(2_346L));
    assertThat(BackfillTest.readTable(out, "feature_store_gaps").isEmpty(), equalTo(true));
    long ready = summary.get("counters").get("features").get("quality_ready_rows").asLong();
    assertThat(ready, equalTo(22_265L)); // 89.0%: October has no player with 5 prior games
  }
}
