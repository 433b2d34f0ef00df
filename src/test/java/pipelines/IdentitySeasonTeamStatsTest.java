package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One backfill of a hand-made 2019-20 bubble fortnight (July 30 – August 3, 2020), end to end through the jar's
 * entry point: two players who share a name stay two players, a renamed player stays one, the August games are
 * of 2019-20, and a partial box score neither decides a result against WL nor feeds a rating.
 */
public class IdentitySeasonTeamStatsTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER =
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,"
          + "OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS";
  private static Path out;

  /** A box-score row: points are 2·FGM (no threes, no free throws). */
  private static String row(String id, String name, String team, String gameId, String date, String matchup, String wl,
      int minutes, int points) {
    int fgm = points / 2;
    return String.join(",", "2019-20", id, name, team, gameId, date, matchup, wl, Integer.toString(minutes),
        Integer.toString(fgm), Integer.toString(fgm + 5), "0", "1", "0", "0", "1", "4", "5", "3", "2", "1", "0", "2",
        Integer.toString(points), "0");
  }

  /** A whole team (five players × 48 minutes) or the listed few of it. */
  private static void team(List<String> rows, String team, String opp, boolean home, String date, String gameId, String wl,
      String[][] players) {
    String matchup = home ? team + " vs. " + opp : team + " @ " + opp;
    for (String[] p : players) {
      rows.add(row(p[0], p[1], team, gameId, date, matchup, wl, 48, Integer.parseInt(p[2])));
    }
  }

  @BeforeClass
  public static void runBackfill() throws Exception {
    Path in = TMP.newFolder("in").toPath();
    out = TMP.newFolder("out").toPath();
    String[][] lal1 = {{"101", "Marcus Morris", "20"}, {"303", "Ron Artest", "22"}, {"104", "Lal Four", "20"},
        {"105", "Lal Five", "20"}, {"106", "Lal Six", "20"}};
    String[][] lal2 = {{"101", "Marcus Morris", "20"}, {"303", "Metta World Peace", "22"}, {"104", "Lal Four", "20"},
        {"105", "Lal Five", "20"}, {"106", "Lal Six", "20"}};
    String[][] den = {{"202", "Marcus Morris", "18"}, {"204", "Den Four", "18"}, {"205", "Den Five", "18"},
        {"206", "Den Six", "18"}, {"207", "Den Seven", "18"}};
    // DEN's last game holds only three of its players: 54 points against LAL's 104, yet DEN won (WL).
    String[][] denPartial = {{"202", "Marcus Morris", "18"}, {"204", "Den Four", "18"}, {"205", "Den Five", "18"}};
    List<String> logs = new ArrayList<>(List.of(HEADER));
    team(logs, "LAL", "DEN", true, "2020-07-30", "0021901001", "W", lal1);
    team(logs, "DEN", "LAL", false, "2020-07-30", "0021901001", "L", den);
    team(logs, "LAL", "DEN", false, "2020-08-01", "0021901002", "W", lal2);
    team(logs, "DEN", "LAL", true, "2020-08-01", "0021901002", "L", den);
    team(logs, "LAL", "DEN", true, "2020-08-03", "0021901003", "L", lal2);
    team(logs, "DEN", "LAL", false, "2020-08-03", "0021901003", "W", denPartial);
    team(logs, "LAL", "DEN", false, "2020-08-05", "0021901004", "W", lal2);
    team(logs, "DEN", "LAL", true, "2020-08-05", "0021901004", "L", den);
    Files.write(in.resolve("player_game_logs.csv"), logs);
    Files.write(in.resolve("schedule.csv"), List.of(
        "SEASON_YEAR,GAME_ID,GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION",
        "2019-20,0021901001,2020-07-30,LAL,DEN",
        ",0021901002,2020-08-01,DEN,LAL", // no SEASON_YEAR: the season comes from GAME_ID
        "2019-20,0021901003,2020-08-03,LAL,DEN",
        "2019-20,0021901004,2020-08-05,DEN,LAL",
        ",,2020-08-07,LAL,DEN")); // neither: inferred from the date, and counted
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + out, "--healthFailOn=never"}),
        equalTo(0));
  }

  private static List<JsonNode> rows(String table, String date) throws Exception {
    Path f = out.resolve(table).resolve(date + ".json");
    List<JsonNode> rows = new ArrayList<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }

  private static JsonNode player(String table, String date, String id) throws Exception {
    for (JsonNode r : rows(table, date)) {
      if (id.equals(r.path("player_id").asText())) {
        return r;
      }
    }
    throw new AssertionError("no " + table + " row for player_id " + id + " on " + date + ": " + rows(table, date));
  }

  @Test
  public void twoPlayersWithOneNameStayTwoAndARenamedPlayerStaysOne() throws Exception {
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("inputs").get("player_game_logs.csv").get("rows_dead_lettered").asLong(), equalTo(0L));
    List<String> morrises = new ArrayList<>();
    for (JsonNode r : rows("player_game_summary", "2020-08-01")) {
      if (r.get("player_lookup").asText().equals("marcusmorris")) {
        morrises.add(r.get("player_id").asText() + "@" + r.get("team_abbr").asText());
      }
    }
    assertThat(morrises, containsInAnyOrder("101@LAL", "202@DEN"));
    // Each Morris has his own history: one game before 2020-08-01, 20 and 18 points.
    assertThat(player("player_daily_cache", "2020-08-01", "101").get("points_avg_season").asDouble(), equalTo(20.0));
    assertThat(player("player_daily_cache", "2020-08-01", "202").get("points_avg_season").asDouble(), equalTo(18.0));
    // Ron Artest became Metta World Peace: one player, both games.
    JsonNode metta = player("player_daily_cache", "2020-08-03", "303");
    assertThat(metta.get("games_played_season").asInt(), equalTo(2));
    assertThat(metta.get("player_lookup").asText(), equalTo("mettaworldpeace"));
  }

  @Test
  public void bubbleGamesInAugustAreOf2019To20() throws Exception {
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("inputs").get("schedule.csv").get("rows_dead_lettered").asLong(), equalTo(0L));
    assertThat(rows("player_game_summary", "2020-08-03").get(0).get("season").asText(), equalTo("2019-20"));
    JsonNode cache = player("player_daily_cache", "2020-08-03", "101");
    assertThat(cache.get("season").asText(), equalTo("2019-20"));
    assertThat(cache.get("games_played_season").asInt(), equalTo(2)); // July 30 and August 1: one season
    assertThat(summary.get("counters").get("seasons").get("schedule:inferred_from_date").asLong(), equalTo(1L));
  }

  @Test
  public void aPartialBoxScoreTakesItsResultFromWlAndFeedsNoRating() throws Exception {
    JsonNode den = null;
    for (JsonNode r : rows("team_game_summary", "2020-08-03")) {
      if (r.get("team_abbr").asText().equals("DEN")) {
        den = r;
      }
    }
    assertThat(den.get("points").asInt(), lessThan(den.get("opp_points").asInt()));
    assertThat(den.get("win").asBoolean(), equalTo(true));
    assertThat(den.get("box_score_complete").asBoolean(), equalTo(false));
    JsonNode health = JSON.readTree(out.resolve("health_report.json").toFile());
    assertThat(health.get("totals").get("incomplete_team_games").asInt(), equalTo(2));
    // On 2020-08-05 the partial game is left out of the ratings (flagged), and its WL counts toward win%.
    JsonNode denDefense = null;
    for (JsonNode t : rows("team_defense_zone_analysis", "2020-08-05")) {
      if (t.get("team_abbr").asText().equals("DEN")) {
        denDefense = t;
      }
    }
    assertThat(denDefense.get("games_in_sample").asInt(), equalTo(2));
    assertThat(denDefense.get("incomplete_games_last_10").asInt(), equalTo(1));
    assertThat(denDefense.get("opp_points_allowed_last_10").asDouble(), equalTo(102.0));
    assertThat(denDefense.get("win_pct_season").asDouble(), closeTo(1 / 3.0, 1e-9));
  }
}
