package transforms.games;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.ScheduledGame;
import schemas.ShotZoneAttempts;
import schemas.TeamGameSummary;
import schemas.ZoneGame;

/**
 * Everything feature building reads about games already played, from the box scores it is applied to: shot zones
 * per player-game with their defender ({@link BuildZoneGames}), league totals per date ({@link BuildLeagueDays}),
 * and the {@link History} views the as-of functions read.
 */
public final class BuildGameHistory extends PTransform<PCollection<PlayerGameSummary>, History> {
  private final PCollection<TeamGameSummary> teamGames;
  private final PCollection<ScheduledGame> schedule;
  private final PCollection<ShotZoneAttempts> shotZones;

  public BuildGameHistory(
      PCollection<TeamGameSummary> teamGames, PCollection<ScheduledGame> schedule, PCollection<ShotZoneAttempts> shotZones) {
    this.teamGames = teamGames;
    this.schedule = schedule;
    this.shotZones = shotZones;
  }

  @Override
  public History expand(PCollection<PlayerGameSummary> games) {
    PCollection<ZoneGame> zoneGames = shotZones.apply("BuildZoneGames", new BuildZoneGames(schedule, games));
    PCollection<LeagueDay> leagueDays = teamGames.apply("BuildLeagueDays", new BuildLeagueDays(zoneGames));
    return games.apply("HistoryViews", History.of(teamGames, zoneGames, leagueDays));
  }
}
