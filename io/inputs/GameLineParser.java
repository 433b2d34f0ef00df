package io.inputs;

import io.csv.Csv;
import io.csv.CsvRecordParser;
import io.csv.InvalidRowException;
import java.time.LocalDate;
import java.util.List;
import schemas.GameLine;
import schemas.vocabulary.GameDates;

/**
 * One {@code game_lines.csv} row → one {@link GameLine}, its spread turned into the home team's handicap. SPREAD
 * is the favourite's margin (never negative) and FAVORED says whose; TOTAL must be a plausible NBA total.
 */
public final class GameLineParser implements CsvRecordParser<GameLine> {
  private static final List<String> REQUIRED =
      List.of("GAME_DATE", "HOME_TEAM_ABBREVIATION", "AWAY_TEAM_ABBREVIATION", "FAVORED", "SPREAD", "TOTAL");

  /** Closing totals of real NBA games stay well inside this; a value outside is a typo or another sport's line. */
  static final double MIN_TOTAL = 150;
  static final double MAX_TOTAL = 300;

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(GameLine g) {
    return "game_date=" + g.getGameDate() + ", home=" + g.getHomeTeamAbbr() + ", away=" + g.getAwayTeamAbbr();
  }

  @Override
  public GameLine parse(Csv.Row row) throws InvalidRowException {
    LocalDate date = PlayerGameLogParser.gameDate(row.required("GAME_DATE"));
    String home = ScheduleParser.team(row, "HOME_TEAM_ABBREVIATION");
    String away = ScheduleParser.team(row, "AWAY_TEAM_ABBREVIATION");
    if (home.equals(away)) {
      throw new InvalidRowException("home and away are both " + home);
    }
    String favored = row.required("FAVORED");
    boolean homeFavored;
    if (favored.equalsIgnoreCase("HOME")) {
      homeFavored = true;
    } else if (favored.equalsIgnoreCase("AWAY")) {
      homeFavored = false;
    } else {
      throw new InvalidRowException("FAVORED '" + favored + "' is neither HOME nor AWAY");
    }
    double spread = row.requiredDouble("SPREAD");
    if (spread < 0) {
      throw new InvalidRowException("SPREAD " + spread + " is negative (the favourite's margin, FAVORED says whose)");
    }
    double total = row.requiredDouble("TOTAL");
    if (total < MIN_TOTAL || total > MAX_TOTAL) {
      throw new InvalidRowException("TOTAL " + total + " is outside " + (int) MIN_TOTAL + "–" + (int) MAX_TOTAL);
    }
    GameDates.Season season = PlayerGameLogParser.season(row, row.get("GAME_ID"), date);
    PlayerGameLogParser.countInferred(season, "game_lines");
    return GameLine.builder()
        .setGameDate(date.toString())
        .setSeason(season.label)
        .setHomeTeamAbbr(home)
        .setAwayTeamAbbr(away)
        // 0.0, not -0.0, for a pick'em: the favourite gives nothing
        .setHomeSpread(spread == 0 ? 0.0 : homeFavored ? -spread : spread)
        .setTotal(total)
        .setMoneylineHome(row.optionalDouble("MONEYLINE_HOME"))
        .setMoneylineAway(row.optionalDouble("MONEYLINE_AWAY"))
        .build();
  }
}
