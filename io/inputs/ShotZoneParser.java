package io.inputs;

import schemas.vocabulary.GameDates;
import schemas.vocabulary.PlayerKeys;
import io.csv.Csv;
import io.csv.CsvRecordParser;
import io.csv.InvalidRowException;
import java.time.LocalDate;
import java.util.List;
import schemas.ShotZoneAttempts;
import schemas.vocabulary.CourtZones;

/** One {@code shot_zones.csv(.gz)} row → one {@link ShotZoneAttempts}, its zone grouped by {@link CourtZones}. */
public final class ShotZoneParser implements CsvRecordParser<ShotZoneAttempts> {
  private static final List<String> REQUIRED =
      List.of("GAME_DATE", "PLAYER_NAME", "TEAM_ABBREVIATION", "BASIC_ZONE", "FGA", "FGM");

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(ShotZoneAttempts z) {
    return PlayerKeys.describe(z.getPlayerId(), z.getPlayerLookup()) + ", game_date=" + z.getGameDate() + ", zone=" + z.getBasicZone();
  }

  @Override
  public ShotZoneAttempts parse(Csv.Row row) throws InvalidRowException {
    LocalDate date = PlayerGameLogParser.gameDate(row.required("GAME_DATE"));
    String name = row.required("PLAYER_NAME");
    String lookup = PlayerGameLogParser.lookupOf("PLAYER_NAME", name);
    String team = PlayerGameLogParser.knownTeam(row);
    String zone = row.required("BASIC_ZONE");
    String group = CourtZones.groupOf(zone);
    if (group == null) {
      throw new InvalidRowException("unknown BASIC_ZONE '" + zone + "'");
    }
    int fga = row.nonNegativeInt("FGA");
    int fgm = row.nonNegativeInt("FGM");
    if (fgm > fga) {
      throw new InvalidRowException("FGM " + fgm + " > FGA " + fga);
    }
    String gameId = row.get("GAME_ID");
    String playerId = row.get("PLAYER_ID");
    GameDates.Season season = PlayerGameLogParser.season(row, gameId, date);
    PlayerGameLogParser.countInferred(season, "shot_zones");
    return ShotZoneAttempts.builder()
        .setGameId(gameId.isEmpty() ? null : gameId)
        .setGameDate(date.toString())
        .setSeason(season.label)
        .setPlayerId(playerId.isEmpty() ? null : playerId)
        .setPlayerLookup(lookup)
        .setTeamAbbr(team)
        .setBasicZone(zone)
        .setZoneGroup(group)
        .setFga(fga)
        .setFgm(fgm)
        .build();
  }
}
