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
    String season = GameDates.seasonOf(date);
    String seasonYear = row.get("SEASON_YEAR");
    if (!seasonYear.isEmpty() && !seasonYear.equals(season)) {
      throw new InvalidRowException("SEASON_YEAR " + seasonYear + " does not contain GAME_DATE " + date);
    }
    String gameId = row.get("GAME_ID");
    return ScheduledGame.builder()
        .setSeason(season)
        .setGameId(gameId.isEmpty() ? null : gameId)
        .setGameDate(date.toString())
        .setHomeTeamAbbr(home)
        .setAwayTeamAbbr(away)
        .build();
  }

  private static String team(Csv.Row row, String column) throws InvalidRowException {
    String t = row.required(column);
    if (!Teams.isKnown(t)) {
      throw new InvalidRowException("unknown team '" + t + "' in " + column);
    }
    return t;
  }
}
