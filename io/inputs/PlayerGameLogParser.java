package io.inputs;

import schemas.vocabulary.GameDates;
import schemas.vocabulary.PlayerKeys;
import schemas.vocabulary.PlayerNames;
import schemas.vocabulary.Teams;
import io.csv.Csv;
import io.csv.CsvRecordParser;
import io.csv.InvalidRowException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import schemas.PlayerGameSummary;

/**
 * One nba_api {@code PlayerGameLogs} row → one {@link PlayerGameSummary}. Columns are selected by header
 * name; a real export's other ~45 columns are ignored. A row that is not a consistent box score is rejected
 * with the reason: the identities checked here (points and rebounds add up, makes within attempts) hold on
 * every row of a real season, so a row that breaks one is corrupt, not unusual.
 */
public final class PlayerGameLogParser implements CsvRecordParser<PlayerGameSummary> {
  private static final List<String> REQUIRED =
      List.of(
          "PLAYER_NAME", "TEAM_ABBREVIATION", "GAME_DATE", "MATCHUP", "MIN", "FGM", "FGA", "FG3M", "FG3A", "FTM",
          "FTA", "OREB", "DREB", "REB", "AST", "TOV", "STL", "BLK", "PF", "PTS");

  private final LocalDate latestPossibleDate;

  /** @param latestPossibleDate a box score dated after this day cannot exist yet and is rejected. */
  public PlayerGameLogParser(LocalDate latestPossibleDate) {
    this.latestPossibleDate = latestPossibleDate;
  }

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(PlayerGameSummary s) {
    return PlayerKeys.describe(s.getPlayerId(), s.getPlayerLookup()) + ", game_date=" + s.getGameDate();
  }

  @Override
  public PlayerGameSummary parse(Csv.Row row) throws InvalidRowException {
    String name = row.required("PLAYER_NAME");
    String lookup = lookupOf("PLAYER_NAME", name);
    String team = knownTeam(row);
    LocalDate date = gameDate(row.required("GAME_DATE"));
    if (date.isAfter(latestPossibleDate)) {
      throw new InvalidRowException("GAME_DATE " + date + " is in the future (after " + latestPossibleDate + ")");
    }
    String gameId = row.get("GAME_ID");
    GameDates.Season season = season(row, gameId, date);
    Matchup matchup = Matchup.parse(row.required("MATCHUP"));
    if (!matchup.team.equals(team)) {
      throw new InvalidRowException(
          "MATCHUP '" + row.get("MATCHUP") + "' is not from TEAM_ABBREVIATION " + team + "'s side");
    }
    double minutes = minutes(row.required("MIN"));

    int fgm = row.nonNegativeInt("FGM");
    int fga = row.nonNegativeInt("FGA");
    int fg3m = row.nonNegativeInt("FG3M");
    int fg3a = row.nonNegativeInt("FG3A");
    int ftm = row.nonNegativeInt("FTM");
    int fta = row.nonNegativeInt("FTA");
    int oreb = row.nonNegativeInt("OREB");
    int dreb = row.nonNegativeInt("DREB");
    int reb = row.nonNegativeInt("REB");
    int pts = row.nonNegativeInt("PTS");
    check(fgm <= fga, "FGM " + fgm + " > FGA " + fga);
    check(fg3m <= fg3a, "FG3M " + fg3m + " > FG3A " + fg3a);
    check(ftm <= fta, "FTM " + ftm + " > FTA " + fta);
    check(fg3m <= fgm, "FG3M " + fg3m + " > FGM " + fgm);
    check(fg3a <= fga, "FG3A " + fg3a + " > FGA " + fga);
    check(reb == oreb + dreb, "REB " + reb + " != OREB " + oreb + " + DREB " + dreb);
    check(pts == 2 * fgm + fg3m + ftm, "PTS " + pts + " != 2·FGM + FG3M + FTM = " + (2 * fgm + fg3m + ftm));
    int tov = row.nonNegativeInt("TOV");

    String wl = row.get("WL");
    Boolean win;
    if (wl.isEmpty()) {
      win = null;
    } else if (wl.equals("W") || wl.equals("L")) {
      win = wl.equals("W");
    } else {
      throw new InvalidRowException("WL '" + wl + "' is not W or L");
    }
    String playerId = row.get("PLAYER_ID");
    countInferred(season, "player_game_logs");
    return PlayerGameSummary.builder()
        .setPlayerLookup(lookup)
        .setPlayerId(playerId.isEmpty() ? null : playerId)
        .setPlayerName(name)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(matchup.opponent)
        .setHomeGame(matchup.home)
        .setGameId(gameId.isEmpty() ? null : gameId)
        .setGameDate(date.toString())
        .setSeason(season.label)
        .setWin(win)
        .setMinutes(minutes)
        .setPoints(pts)
        .setFgm(fgm)
        .setFga(fga)
        .setFg3m(fg3m)
        .setFg3a(fg3a)
        .setFtm(ftm)
        .setFta(fta)
        .setOreb(oreb)
        .setDreb(dreb)
        .setReb(reb)
        .setAst(row.nonNegativeInt("AST"))
        .setTov(tov)
        .setStl(row.nonNegativeInt("STL"))
        .setBlk(row.nonNegativeInt("BLK"))
        .setPf(row.nonNegativeInt("PF"))
        .setPlusMinus(row.optionalInt("PLUS_MINUS"))
        .setFgPct(ratio(fgm, fga))
        .setFg3Pct(ratio(fg3m, fg3a))
        .setFtPct(ratio(ftm, fta))
        .setEfgPct(fga == 0 ? null : (fgm + 0.5 * fg3m) / fga)
        .setTsPct(fga + fta == 0 ? null : pts / (2.0 * (fga + 0.44 * fta)))
        .setPossessions(fga + 0.44 * fta - oreb + tov)
        .setUsagePossessions(fga + 0.44 * fta + tov)
        .build();
  }

  /** The folded name ({@link PlayerNames#lookup}) of a player name read from {@code column}; one without letters is refused. */
  static String lookupOf(String column, String name) throws InvalidRowException {
    String lookup = PlayerNames.lookup(name);
    if (lookup.isEmpty()) {
      throw new InvalidRowException(column + " '" + name + "' has no letters or digits");
    }
    return lookup;
  }

  /** The row's TEAM_ABBREVIATION, which must be a known team. */
  static String knownTeam(Csv.Row row) throws InvalidRowException {
    String team = row.required("TEAM_ABBREVIATION");
    if (!Teams.isKnown(team)) {
      throw new InvalidRowException("unknown team '" + team + "'");
    }
    return team;
  }

  static LocalDate gameDate(String text) throws InvalidRowException {
    try {
      return GameDates.parseGameDate(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRowException("GAME_DATE '" + text + "' is not YYYY-MM-DD");
    }
  }

  /** The row's season from SEASON_YEAR or GAME_ID, else inferred from the date ({@link GameDates#season}). */
  static GameDates.Season season(Csv.Row row, String gameId, LocalDate date) throws InvalidRowException {
    try {
      return GameDates.season(row.get("SEASON_YEAR"), gameId, date);
    } catch (IllegalArgumentException e) {
      throw new InvalidRowException(e.getMessage());
    }
  }

  /**
   * Counts an accepted row whose season was guessed from its date ({@code seasons:<file>:inferred_from_date} in
   * run_summary.json): such a row is misfiled if its season ran late.
   */
  static void countInferred(GameDates.Season season, String file) {
    if (season.inferred) {
      Metrics.counter(SEASONS_NAMESPACE, file + ":inferred_from_date").inc();
    }
  }

  public static final String SEASONS_NAMESPACE = "seasons";

  static double minutes(String text) throws InvalidRowException {
    double m;
    try {
      m = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidRowException("MIN '" + text + "' is not whole or decimal minutes");
    }
    if (Double.isNaN(m) || Double.isInfinite(m)) {
      throw new InvalidRowException("MIN '" + text + "' is not a finite number");
    }
    if (m < 0) {
      throw new InvalidRowException("MIN " + text + " is negative");
    }
    if (m > 70) {
      throw new InvalidRowException("MIN " + text + " exceeds any possible game length");
    }
    return m;
  }

  private static Double ratio(int made, int attempted) {
    return attempted == 0 ? null : (double) made / attempted;
  }

  private static void check(boolean ok, String reason) throws InvalidRowException {
    if (!ok) {
      throw new InvalidRowException(reason);
    }
  }

  /** {@code DEN vs. LAL}: DEN at home against LAL; {@code LAL @ DEN}: LAL away at DEN. */
  public static final class Matchup {
    public final String team;
    public final String opponent;
    public final boolean home;

    private Matchup(String team, String opponent, boolean home) {
      this.team = team;
      this.opponent = opponent;
      this.home = home;
    }

    public static Matchup parse(String text) throws InvalidRowException {
      String t = text.trim();
      String[] home = t.split("\\s+vs\\.?\\s+");
      if (home.length == 2) {
        return of(home[0], home[1], true, text);
      }
      String[] away = t.split("\\s*@\\s*");
      if (away.length == 2) {
        return of(away[0], away[1], false, text);
      }
      throw new InvalidRowException("MATCHUP '" + text + "' is neither 'TEAM vs. OPP' nor 'TEAM @ OPP'");
    }

    private static Matchup of(String team, String opponent, boolean home, String text) throws InvalidRowException {
      String a = team.trim();
      String b = opponent.trim();
      if (!Teams.isKnown(a) || !Teams.isKnown(b) || a.equals(b)) {
        throw new InvalidRowException("MATCHUP '" + text + "' does not name two different known teams");
      }
      return new Matchup(a, b, home);
    }
  }
}
