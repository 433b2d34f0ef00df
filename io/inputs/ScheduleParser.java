package io.inputs;

import schemas.vocabulary.GameDates;
import schemas.vocabulary.Teams;
import io.csv.Csv;
import io.csv.CsvRecordParser;
import io.csv.InvalidRowException;
import java.time.LocalDate;
import java.util.List;
import schemas.ScheduledGame;

/** One {@code schedule.csv} row → one {@link ScheduledGame}; a game without both teams is rejected. */
public final class ScheduleParser implements CsvRecordParser<ScheduledGame> {
  private static final List<String> REQUIRED =
      List.of("GAME_DATE", "HOME_TEAM_ABBREVIATION", "AWAY_TEAM_ABBREVIATION");

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(ScheduledGame g) {
    return "game_date=" + g.getGameDate() + ", home=" + g.getHomeTeamAbbr() + ", away=" + g.getAwayTeamAbbr();
  }

  @Override
  public ScheduledGame parse(Csv.Row row) throws InvalidRowException {
    LocalDate date = PlayerGameLogParser.gameDate(row.required("GAME_DATE"));
    String home = team(row, "HOME_TEAM_ABBREVIATION");
    String away = team(row, "AWAY_TEAM_ABBREVIATION");
    if (home.equals(away)) {
      throw new InvalidRowException("home and away are both " + home);
    }
    String gameId = row.get("GAME_ID");
    GameDates.Season season = PlayerGameLogParser.season(row, gameId, date);
    PlayerGameLogParser.countInferred(season, "schedule");
    return ScheduledGame.builder()
        .setSeason(season.label)
        .setGameId(gameId.isEmpty() ? null : gameId)
        .setGameDate(date.toString())
        .setHomeTeamAbbr(home)
        .setAwayTeamAbbr(away)
        .build();
  }

  /** The team of {@code column}, which must be a known team (game lines check theirs the same way). */
  static String team(Csv.Row row, String column) throws InvalidRowException {
    String t = row.required(column);
    if (!Teams.isKnown(t)) {
      throw new InvalidRowException("unknown team '" + t + "' in " + column);
    }
    return t;
  }
}
