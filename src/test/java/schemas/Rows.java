package schemas;

import schemas.vocabulary.GameDates;

/**
 * Hand-made rows for composite unit tests: every required field set to a plausible value, so a test names only
 * the fields it is about (then {@code toBuilder()} for the rest).
 */
public final class Rows {
  private Rows() {}

  /** A box score: {@code player} for {@code team} against {@code opponent}, at home, with minutes and points. */
  public static PlayerGameSummary playerGame(String player, String team, String opponent, String date, double minutes, int points) {
    return PlayerGameSummary.builder()
        .setPlayerLookup(player)
        .setPlayerName(player)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(opponent)
        .setHomeGame(true)
        .setGameDate(date)
        .setSeason(GameDates.inferSeason(date))
        .setMinutes(minutes)
        .setPoints(points)
        .setFgm(points / 2)
        .setFga(points / 2 + 3)
        .setFg3m(0)
        .setFg3a(1)
        .setFtm(points % 2)
        .setFta(points % 2)
        .setOreb(0)
        .setDreb(0)
        .setReb(0)
        .setAst(1)
        .setTov(1)
        .setStl(0)
        .setBlk(0)
        .setPf(0)
        .setPossessions(10)
        .setUsagePossessions(5)
        .build();
  }

  /** One team's side of a game, with its and its opponent's possessions. */
  public static TeamGameSummary teamGame(String team, String opponent, String date, double possessions, double oppPossessions) {
    return TeamGameSummary.builder().setMinutes(240).setBoxScoreComplete(true)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(opponent)
        .setGameDate(date)
        .setSeason(GameDates.inferSeason(date))
        .setHomeGame(true)
        .setWin(true)
        .setPoints(110)
        .setOppPoints(100)
        .setFga(85)
        .setFta(20)
        .setOreb(10)
        .setTov(12)
        .setReb(44).setAst(25).setFg3m(12).setOppReb(42).setOppAst(24).setOppFg3m(11)
        .setPossessions(possessions)
        .setOppPossessions(oppPossessions)
        .setPlayers(10)
        .build();
  }

  /** A player's shots of one game by zone group: paint, mid-range and three, attempts and makes. */
  public static ZoneGame zoneGame(String player, String team, String defender, String date, int pa, int pm, int ma, int mm, int ta, int tm) {
    return ZoneGame.builder()
        .setPlayerLookup(player)
        .setTeamAbbr(team)
        .setDefendingTeamAbbr(defender)
        .setGameDate(date)
        .setSeason(GameDates.inferSeason(date))
        .setPaintFga(pa)
        .setPaintFgm(pm)
        .setMidRangeFga(ma)
        .setMidRangeFgm(mm)
        .setThreeFga(ta)
        .setThreeFgm(tm)
        .build();
  }

  /** A scheduled game. */
  public static ScheduledGame scheduled(String date, String home, String away) {
    return ScheduledGame.builder()
        .setSeason(GameDates.inferSeason(date))
        .setGameDate(date)
        .setHomeTeamAbbr(home)
        .setAwayTeamAbbr(away)
        .build();
  }

  /** One shot-zone row (NBA.com BASIC_ZONE and its zone group). */
  public static ShotZoneAttempts shots(String player, String team, String date, String basicZone, String zoneGroup, int fga, int fgm) {
    return ShotZoneAttempts.builder()
        .setGameDate(date)
        .setSeason(GameDates.inferSeason(date))
        .setPlayerLookup(player)
        .setTeamAbbr(team)
        .setBasicZone(basicZone)
        .setZoneGroup(zoneGroup)
        .setFga(fga)
        .setFgm(fgm)
        .build();
  }

  /**
   * A points prediction of {@code system} for BOS–NYK on {@code date}; {@code line} null: no line (PASS). An OVER or
   * UNDER is taken at −110 with confidence 0.6.
   */
  public static PlayerPropPrediction prediction(String player, String date, String system, Double line, double predicted, String rec) {
    boolean pick = !rec.equals("PASS");
    return PlayerPropPrediction.builder()
        .setPlayerLookup(player)
        .setGameDate(date)
        .setMarket("player_points")
        .setSystemId(system)
        .setLine(line)
        .setTeamAbbr("BOS")
        .setOpponentTeamAbbr("NYK")
        .setPredictedValue(predicted)
        .setEdge(line == null ? null : predicted - line)
        .setOverOdds(line == null ? null : -110.0)
        .setUnderOdds(line == null ? null : -110.0)
        .setMarketPOver(line == null ? null : 0.5)
        .setOdds(pick ? -110.0 : null)
        .setRecommendation(rec)
        .setConfidence(pick ? 0.6 : null)
        .setFeatureQualityScore(100)
        .setFeatureDataAgeHours(12)
        .setModelVersion(system + "_test")
        .setFeatureSchemaVersion("v_test")
        .build();
  }
}
