package transforms.predictions;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerPropPrediction;
import schemas.PredictionGrade;
import schemas.Rows;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;

/**
 * One export document per game date, compared whole: the stable fields of README "Export", games named by their two
 * teams in alphabetical order, players sorted, each player's picks by market then system, figures rounded, and
 * {@code graded} true once any row has a result.
 */
public class BuildExportTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  private static final String NEXT = "2024-01-21";

  private static TimestampedValue<PredictionGrade> onItsDate(PredictionGrade g) {
    return TimestampedValue.of(g, GameDates.timestampOf(g.getGameDate()));
  }

  private static PredictionGrade graded(PlayerPropPrediction p, int minutes, int points) {
    return GradePredictions.grade(p, Rows.playerGame(p.getPlayerLookup(), p.getTeamAbbr(), p.getOpponentTeamAbbr(), p.getGameDate(), minutes, points));
  }

  @Test
  public void oneDocumentPerDateWithGamesPlayersAndPicksInOrder() {
    PlayerPropPrediction carl = Rows.prediction("carl", D, "baseline", null, 9.96, "PASS").toBuilder()
        .setTeamAbbr("ORL").setOpponentTeamAbbr("MIA").build();
    PlayerPropPrediction bob = Rows.prediction("bob", D, "baseline", 12.0, 10.0, "UNDER").toBuilder()
        .setTeamAbbr("NYK").setOpponentTeamAbbr("BOS").build();
    PlayerPropPrediction annPoints = Rows.prediction("ann", D, "baseline", 20.5, 24.04, "OVER").toBuilder()
        .setPOver(0.61234).setConfidence(0.61234).setOdds(120.0).setExpectedValue(0.347148).build();
    PlayerPropPrediction annRebounds = Rows.prediction("ann", D, "baseline", null, 6.0, "PASS").toBuilder()
        .setMarket("player_rebounds").build();
    PCollection<PredictionGrade> rows = p.apply(Create.timestamped(
            onItsDate(graded(annRebounds, 34, 25)),
            onItsDate(graded(annPoints, 34, 25)),
            onItsDate(graded(bob, 20, 12)),
            onItsDate(graded(Rows.prediction("dan", D, "baseline", 15.5, 18.0, "OVER"), 0, 0)),
            onItsDate(graded(carl, 25, 10)),
            onItsDate(GradePredictions.pending(Rows.prediction("ann", NEXT, "baseline", 20.5, 22.0, "OVER"))))
        .withCoder(SchemaCoders.of(PredictionGrade.class)));

    PAssert.that(rows.apply(new BuildExport())).containsInAnyOrder(
        KV.of(D, "{\"format\":\"nba-props-export/v2\",\"game_date\":\"2024-01-20\",\"graded\":true,\"games\":["
            + "{\"game\":\"BOS-NYK\",\"players\":["
            + "{\"player_lookup\":\"ann\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"picks\":["
            + "{\"market\":\"player_points\",\"system_id\":\"baseline\",\"line\":20.5,\"odds\":120.0,\"predicted_value\":24.0,"
            + "\"p_over\":0.612,\"market_p_over\":0.5,\"expected_value\":0.347,\"recommendation\":\"OVER\",\"confidence\":0.612,"
            + "\"actual\":25,\"outcome\":\"WIN\",\"profit\":1.2},"
            + "{\"market\":\"player_rebounds\",\"system_id\":\"baseline\",\"line\":null,\"odds\":null,\"predicted_value\":6.0,"
            + "\"p_over\":null,\"market_p_over\":null,\"expected_value\":null,\"recommendation\":\"PASS\",\"confidence\":null,"
            + "\"actual\":0,\"outcome\":\"NO_BET\",\"profit\":0.0}]},"
            + "{\"player_lookup\":\"bob\",\"team_abbr\":\"NYK\",\"opponent_team_abbr\":\"BOS\",\"picks\":["
            + "{\"market\":\"player_points\",\"system_id\":\"baseline\",\"line\":12.0,\"odds\":-110.0,\"predicted_value\":10.0,"
            + "\"p_over\":null,\"market_p_over\":0.5,\"expected_value\":null,\"recommendation\":\"UNDER\",\"confidence\":0.6,"
            + "\"actual\":12,\"outcome\":\"PUSH\",\"profit\":0.0}]},"
            + "{\"player_lookup\":\"dan\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"picks\":["
            + "{\"market\":\"player_points\",\"system_id\":\"baseline\",\"line\":15.5,\"odds\":-110.0,\"predicted_value\":18.0,"
            + "\"p_over\":null,\"market_p_over\":0.5,\"expected_value\":null,\"recommendation\":\"OVER\",\"confidence\":0.6,"
            + "\"actual\":null,\"outcome\":\"VOID\",\"profit\":0.0}]}]},"
            + "{\"game\":\"MIA-ORL\",\"players\":["
            + "{\"player_lookup\":\"carl\",\"team_abbr\":\"ORL\",\"opponent_team_abbr\":\"MIA\",\"picks\":["
            + "{\"market\":\"player_points\",\"system_id\":\"baseline\",\"line\":null,\"odds\":null,\"predicted_value\":10.0,"
            + "\"p_over\":null,\"market_p_over\":null,\"expected_value\":null,\"recommendation\":\"PASS\",\"confidence\":null,"
            + "\"actual\":10,\"outcome\":\"NO_BET\",\"profit\":0.0}]}]}]}"),
        KV.of(NEXT, "{\"format\":\"nba-props-export/v2\",\"game_date\":\"2024-01-21\",\"graded\":false,\"games\":["
            + "{\"game\":\"BOS-NYK\",\"players\":["
            + "{\"player_lookup\":\"ann\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"picks\":["
            + "{\"market\":\"player_points\",\"system_id\":\"baseline\",\"line\":20.5,\"odds\":-110.0,\"predicted_value\":22.0,"
            + "\"p_over\":null,\"market_p_over\":0.5,\"expected_value\":null,\"recommendation\":\"OVER\",\"confidence\":0.6,"
            + "\"actual\":null,\"outcome\":\"PENDING\",\"profit\":null}]}]}]}"));
    p.run().waitUntilFinish();
  }
}
