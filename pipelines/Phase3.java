package pipelines;

import org.apache.beam.sdk.values.PCollection;
import schemas.LeagueDay;
import schemas.PropLine;
import schemas.TeamGameSummary;
import schemas.ZoneGame;
import transforms.BuildConsensusLines;
import transforms.BuildLeagueDays;
import transforms.BuildZoneGames;
import transforms.History;

/** What feature building derives from the inputs before choosing a universe: zones, league days, lines, history. */
final class Phase3 {
  final PCollection<TeamGameSummary> teamGames;
  final PCollection<ZoneGame> zoneGames;
  final PCollection<LeagueDay> leagueDays;
  final PCollection<PropLine> lines;
  final History history;

  private Phase3(
      PCollection<TeamGameSummary> teamGames,
      PCollection<ZoneGame> zoneGames,
      PCollection<LeagueDay> leagueDays,
      PCollection<PropLine> lines,
      History history) {
    this.teamGames = teamGames;
    this.zoneGames = zoneGames;
    this.leagueDays = leagueDays;
    this.lines = lines;
    this.history = history;
  }

  static Phase3 build(ReadInputs in, PCollection<TeamGameSummary> teamGames) {
    PCollection<ZoneGame> zoneGames = in.shotZones.apply("BuildZoneGames", new BuildZoneGames(in.schedule, in.gameSummaries));
    PCollection<LeagueDay> leagueDays = teamGames.apply("BuildLeagueDays", new BuildLeagueDays(zoneGames));
    PCollection<PropLine> lines = in.propOffers.apply("BuildConsensusLines", new BuildConsensusLines());
    History history = History.of(in.gameSummaries, teamGames, zoneGames, leagueDays);
    return new Phase3(teamGames, zoneGames, leagueDays, lines, history);
  }
}
