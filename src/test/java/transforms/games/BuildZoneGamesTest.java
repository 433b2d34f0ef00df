package transforms.games;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerGameSummary;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.ShotZoneAttempts;
import schemas.ZoneGame;
import schemas.vocabulary.CourtZones;
import schemas.vocabulary.PlayerNames;
import transforms.TestRows;

/**
 * Zone games from a handful of shot rows: one per player (by id) per game, the defender from the schedule, a
 * shot file without ids taking the box scores' id, and a row no input gives an opponent counted.
 */
public class BuildZoneGamesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  private static final String D = "2024-01-10";

  private static ShotZoneAttempts shots(@Nullable String id, String name, String team, String zone, int fga, int fgm) {
    return ShotZoneAttempts.builder()
        .setGameId("0022300500").setGameDate(D).setSeason("2023-24").setPlayerId(id)
        .setPlayerLookup(PlayerNames.lookup(name)).setTeamAbbr(team).setBasicZone(zone)
        .setZoneGroup(CourtZones.groupOf(zone)).setFga(fga).setFgm(fgm)
        .build();
  }

  @Test
  public void onePerPlayerIdWithDefenderAndIdsFromBoxScores() {
    PCollection<ShotZoneAttempts> zones = TestRows.dated(p, "Shots", ShotZoneAttempts.class, ShotZoneAttempts::getGameDate,
        // two players of one name on one team: two zone games, not one of summed shots
        shots("101", "Marcus Morris", "BOS", "Restricted Area", 4, 3),
        shots("202", "Marcus Morris", "BOS", "Above the Break 3", 5, 2),
        // no PLAYER_ID in the shot file: the box score of Ann Example for BOS that day has id 7
        shots(null, "Ann Example", "BOS", "Mid-Range", 6, 3),
        shots(null, "Ann Example", "BOS", "Restricted Area", 2, 2),
        // MIA plays nobody in the schedule or the box scores
        shots("303", "Cal Nowhere", "MIA", "Mid-Range", 3, 1));
    PCollection<ScheduledGame> schedule = TestRows.dated(p, "Schedule", ScheduledGame.class, ScheduledGame::getGameDate,
        TestRows.scheduled("2023-24", "0022300500", D, "BOS", "NYK"));
    PCollection<PlayerGameSummary> box = TestRows.dated(p, "BoxScores", PlayerGameSummary.class, PlayerGameSummary::getGameDate,
        TestRows.game("7", "Ann Example", "BOS", "NYK", true, D, "2023-24", 30, 12, true));

    PCollection<ZoneGame> out = zones.apply(new BuildZoneGames(schedule, box));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(z -> z.getPlayerId() + " " + z.getPlayerLookup() + " vs " + z.getDefendingTeamAbbr() + " paint "
                + z.getPaintFga() + "/" + z.getPaintFgm() + " mid " + z.getMidRangeFga() + "/" + z.getMidRangeFgm()
                + " three " + z.getThreeFga() + "/" + z.getThreeFgm())))
        .containsInAnyOrder(
            "101 marcusmorris vs NYK paint 4/3 mid 0/0 three 0/0",
            "202 marcusmorris vs NYK paint 0/0 mid 0/0 three 5/2",
            "7 annexample vs NYK paint 2/2 mid 6/3 three 0/0",
            "303 calnowhere vs null paint 0/0 mid 3/1 three 0/0");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "phase4", "zone_games:no_defending_team"), equalTo(1L));
    assertThat(TestRows.counter(result, "phase4", "zone_games:player_id_from_box_scores"), equalTo(2L));
  }
}
