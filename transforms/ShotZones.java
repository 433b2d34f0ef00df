package transforms;

import io.Csv;
import io.CsvRecordParser;
import io.InvalidRowException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import schemas.ShotZoneAttempts;

/**
 * Court zones. NBA.com's seven BASIC_ZONEs are grouped into the three the features use: {@code paint}
 * (Restricted Area, In The Paint (Non-RA)), {@code mid_range}, and {@code three} (both corners, above the
 * break, and backcourt heaves). Also parses {@code shot_zones.csv(.gz)} rows.
 */
public final class ShotZones implements CsvRecordParser<ShotZoneAttempts> {
  public static final String PAINT = "paint";
  public static final String MID_RANGE = "mid_range";
  public static final String THREE = "three";

  private static final Map<String, String> GROUP_OF_ZONE =
      Map.of(
          "restricted area", PAINT,
          "in the paint (non-ra)", PAINT,
          "mid-range", MID_RANGE,
          "left corner 3", THREE,
          "right corner 3", THREE,
          "above the break 3", THREE,
          "backcourt", THREE);

  private static final List<String> REQUIRED =
      List.of("GAME_DATE", "PLAYER_NAME", "TEAM_ABBREVIATION", "BASIC_ZONE", "FGA", "FGM");

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(ShotZoneAttempts z) {
    return "player_lookup=" + z.getPlayerLookup() + ", game_date=" + z.getGameDate() + ", zone=" + z.getBasicZone();
  }

  @Override
  public ShotZoneAttempts parse(Csv.Row row) throws InvalidRowException {
    LocalDate date = PlayerGameLogParser.gameDate(row.required("GAME_DATE"));
    String name = row.required("PLAYER_NAME");
    String lookup = PlayerNames.lookup(name);
    if (lookup.isEmpty()) {
      throw new InvalidRowException("PLAYER_NAME '" + name + "' has no letters or digits");
    }
    String team = row.required("TEAM_ABBREVIATION");
    if (!Teams.isKnown(team)) {
      throw new InvalidRowException("unknown team '" + team + "'");
    }
    String zone = row.required("BASIC_ZONE");
    String group = GROUP_OF_ZONE.get(zone.toLowerCase(java.util.Locale.ROOT));
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
    return ShotZoneAttempts.builder()
        .setGameId(gameId.isEmpty() ? null : gameId)
        .setGameDate(date.toString())
        .setSeason(GameDates.seasonOf(date))
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
