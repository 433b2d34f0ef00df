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
 * One export document per game date, compared whole: the stable fields of README "Export", games named by
 * their two teams in alphabetical order, players and systems sorted, figures rounded, and {@code graded}
 * true once any row has a result.
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
  public void oneDocumentPerDateWithGamesPlayersAndSystemsInOrder() {
    PlayerPropPrediction carl = Rows.prediction("carl", D, "baseline", null, 9.96, "PASS").toBuilder()
        .setTeamAbbr("ORL").setOpponentTeamAbbr("MIA").build();
    PlayerPropPrediction bob = Rows.prediction("bob", D, "baseline", 12.0, 10.0, "UNDER").toBuilder()
        .setTeamAbbr("NYK").setOpponentTeamAbbr("BOS").build();
    PCollection<PredictionGrade> rows = p.apply(Create.timestamped(
            onItsDate(graded(Rows.prediction("ann", D, "gbm", 20.5, 18.0, "UNDER"), 34, 25)),
            onItsDate(graded(Rows.prediction("ann", D, "baseline", 20.5, 24.04, "OVER").toBuilder().setConfidence(0.61234).build(), 34, 25)),
            onItsDate(graded(bob, 20, 12)),
            onItsDate(graded(Rows.prediction("dan", D, "baseline", 15.5, 18.0, "OVER"), 0, 0)),
            onItsDate(graded(carl, 25, 10)),
            onItsDate(GradePredictions.pending(Rows.prediction("ann", NEXT, "baseline", 20.5, 22.0, "OVER"))))
        .withCoder(SchemaCoders.of(PredictionGrade.class)));

    PAssert.that(rows.apply(new BuildExport())).containsInAnyOrder(
        KV.of(D, "{\"format\":\"nba-props-export/v1\",\"game_date\":\"2024-01-20\",\"graded\":true,\"games\":["
            + "{\"game\":\"BOS-NYK\",\"players\":["
            + "{\"player_lookup\":\"ann\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"line\":20.5,\"actual_points\":25,"
            + "\"predictions\":["
            + "{\"system_id\":\"baseline\",\"predicted_points\":24.0,\"recommendation\":\"OVER\",\"confidence\":0.612,\"outcome\":\"WIN\"},"
            + "{\"system_id\":\"gbm\",\"predicted_points\":18.0,\"recommendation\":\"UNDER\",\"confidence\":0.6,\"outcome\":\"LOSS\"}]},"
            + "{\"player_lookup\":\"bob\",\"team_abbr\":\"NYK\",\"opponent_team_abbr\":\"BOS\",\"line\":12.0,\"actual_points\":12,"
            + "\"predictions\":["
            + "{\"system_id\":\"baseline\",\"predicted_points\":10.0,\"recommendation\":\"UNDER\",\"confidence\":0.6,\"outcome\":\"PUSH\"}]},"
            + "{\"player_lookup\":\"dan\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"line\":15.5,\"actual_points\":null,"
            + "\"predictions\":["
            + "{\"system_id\":\"baseline\",\"predicted_points\":18.0,\"recommendation\":\"OVER\",\"confidence\":0.6,\"outcome\":\"UNGRADEABLE\"}]}]},"
            + "{\"game\":\"MIA-ORL\",\"players\":["
            + "{\"player_lookup\":\"carl\",\"team_abbr\":\"ORL\",\"opponent_team_abbr\":\"MIA\",\"line\":null,\"actual_points\":10,"
            + "\"predictions\":["
            + "{\"system_id\":\"baseline\",\"predicted_points\":10.0,\"recommendation\":\"PASS\",\"confidence\":0.6,\"outcome\":\"NO_BET\"}]}]}]}"),
        KV.of(NEXT, "{\"format\":\"nba-props-export/v1\",\"game_date\":\"2024-01-21\",\"graded\":false,\"games\":["
            + "{\"game\":\"BOS-NYK\",\"players\":["
            + "{\"player_lookup\":\"ann\",\"team_abbr\":\"BOS\",\"opponent_team_abbr\":\"NYK\",\"line\":20.5,\"actual_points\":null,"
            + "\"predictions\":["
            + "{\"system_id\":\"baseline\",\"predicted_points\":22.0,\"recommendation\":\"OVER\",\"confidence\":0.6,\"outcome\":\"PENDING\"}]}]}]}"));
    p.run().waitUntilFinish();
  }
}
