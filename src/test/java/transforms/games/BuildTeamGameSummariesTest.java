package transforms.games;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static transforms.TestRows.game;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerGameSummary;
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import transforms.TestRows;

/**
 * team_game_summary from a handful of box scores: the result is WL's where given and the points' only for a
 * complete game; a side short of the game's minutes (regulation or overtime) flags the game incomplete; a game
 * with one side is counted, not emitted.
 */
public class BuildTeamGameSummariesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  private static final String S = "2023-24";

  /** {@code n} players of a team, each with these minutes and points. */
  private static void side(List<PlayerGameSummary> rows, String team, String opp, boolean home, String date, int n,
      double minutes, int points, Boolean win) {
    for (int i = 0; i < n; i++) {
      rows.add(game(team + i, team + " Player " + (char) ('A' + i), team, opp, home, date, S, minutes, points, win));
    }
  }

  @Test
  public void wlDecidesShortMinutesFlagIncompleteAndOneSidedGamesAreCounted() {
    List<PlayerGameSummary> rows = new ArrayList<>();
    // complete, no WL: the points decide (BOS 100, NYK 90)
    side(rows, "BOS", "NYK", true, "2024-01-10", 5, 48, 20, null);
    side(rows, "NYK", "BOS", false, "2024-01-10", 5, 48, 18, null);
    // BOS has two players of five (96 minutes, 40 points) yet won by WL: incomplete, result from WL
    side(rows, "BOS", "NYK", true, "2024-01-12", 2, 48, 20, true);
    side(rows, "NYK", "BOS", false, "2024-01-12", 5, 48, 18, false);
    // one overtime on both sides (265 minutes each): complete
    side(rows, "BOS", "NYK", false, "2024-01-14", 5, 53, 20, false);
    side(rows, "NYK", "BOS", true, "2024-01-14", 5, 53, 22, true);
    // NYK played a full regulation-length box score, but BOS went to overtime: NYK's 240 falls short of 265
    side(rows, "BOS", "NYK", true, "2024-01-16", 5, 53, 20, true);
    side(rows, "NYK", "BOS", false, "2024-01-16", 5, 48, 18, false);
    // only BOS's side in the file
    side(rows, "BOS", "MIA", true, "2024-01-18", 5, 48, 20, true);

    PCollection<TeamGameSummary> out =
        TestRows.dated(p, "BoxScores", PlayerGameSummary.class, PlayerGameSummary::getGameDate,
                rows.toArray(new PlayerGameSummary[0]))
            .apply(new BuildTeamGameSummaries());
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(t -> t.getGameDate() + " " + t.getTeamAbbr() + " win=" + t.getWin() + " complete="
                + t.getBoxScoreComplete() + " min=" + (int) t.getMinutes() + " pts=" + t.getPoints() + " reb=" + t.getReb() + "/" + t.getOppReb()
                + " ast=" + t.getAst() + "/" + t.getOppAst())))
        .containsInAnyOrder(
            "2024-01-10 BOS win=true complete=true min=240 pts=100 reb=20/20 ast=10/10",
            "2024-01-10 NYK win=false complete=true min=240 pts=90 reb=20/20 ast=10/10",
            "2024-01-12 BOS win=true complete=false min=96 pts=40 reb=8/20 ast=4/10",
            "2024-01-12 NYK win=false complete=false min=240 pts=90 reb=20/8 ast=10/4",
            "2024-01-14 BOS win=false complete=true min=265 pts=100 reb=20/20 ast=10/10",
            "2024-01-14 NYK win=true complete=true min=265 pts=110 reb=20/20 ast=10/10",
            "2024-01-16 BOS win=true complete=false min=265 pts=100 reb=20/20 ast=10/10",
            "2024-01-16 NYK win=false complete=false min=240 pts=90 reb=20/20 ast=10/10");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "phase3", "team_game_summary:incomplete_team_games"), equalTo(4L));
    assertThat(TestRows.counter(result, "phase3", "team_game_summary:one_sided_games"), equalTo(1L));
  }

  @Test
  public void gameLengthIsRegulationPlusTwentyFiveMinutesPerOvertimeOfTheLongerSide() {
    assertThat(BuildTeamGameSummaries.gameLength(96), equalTo(240.0));
    assertThat(BuildTeamGameSummaries.gameLength(238), equalTo(240.0));
    assertThat(BuildTeamGameSummaries.gameLength(266), equalTo(265.0));
    assertThat(BuildTeamGameSummaries.gameLength(290), equalTo(290.0));
  }
}
