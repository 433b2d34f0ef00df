package transforms.features;

import schemas.vocabulary.GameDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.LeagueDay;
import schemas.MarketStats;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import schemas.vocabulary.Markets;

/**
 * The as-of computations: each is a pure function of (history, the date D) that sees only rows of D's season
 * dated before D, whatever else it is handed. Backfill and same-day call these same functions; that is what
 * makes their rows equal, and {@link #prior} is the one place the point-in-time rule is applied.
 */
public final class AsOf {
  private AsOf() {}

  public static final int LAST_N = 10;

  /**
   * The rows of {@code season} dated strictly before {@code date}, oldest first. The season is the one the data
   * gives D's game (the context row's), never one computed from the date: seasons do not end on a fixed day.
   */
  public static <T> List<T> prior(
      @Nullable Iterable<T> rows, String date, String season, Function<T, String> dateOf, Function<T, String> seasonOf) {
    List<T> out = new ArrayList<>();
    if (rows == null) {
      return out;
    }
    for (T r : rows) {
      if (dateOf.apply(r).compareTo(date) < 0 && seasonOf.apply(r).equals(season)) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(dateOf));
    return out;
  }

  public static List<PlayerGameSummary> priorGames(@Nullable Iterable<PlayerGameSummary> rows, String date, String season) {
    return prior(rows, date, season, PlayerGameSummary::getGameDate, PlayerGameSummary::getSeason);
  }

  /** The player's games of D's season before D in which he played (minutes &gt; 0), oldest first. */
  public static List<PlayerGameSummary> playedBefore(
      @Nullable Iterable<PlayerGameSummary> rows, String date, String season) {
    List<PlayerGameSummary> played = new ArrayList<>();
    for (PlayerGameSummary g : priorGames(rows, date, season)) {
      if (g.getMinutes() > 0) {
        played.add(g);
      }
    }
    return played;
  }

  /** Days from the last of these (oldest-first) dated rows to D; null when there is none. */
  public static <T> @Nullable Integer daysSinceLast(List<T> oldestFirst, String date, Function<T, String> dateOf) {
    return oldestFirst.isEmpty()
        ? null
        : (int) GameDates.daysBetween(dateOf.apply(oldestFirst.get(oldestFirst.size() - 1)), date);
  }

  static <T> List<T> last(List<T> oldestFirst, int n) {
    return oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size());
  }

  /**
   * {@code player_daily_cache} for the context row's (player, D), in the row's season (its game's, from the data;
   * see docs/tables.md).
   */
  public static PlayerDailyCache dailyCache(UpcomingPlayerGameContext ctx, @Nullable Iterable<PlayerGameSummary> history) {
    String date = ctx.getGameDate();
    String season = ctx.getSeason();
    String opponent = ctx.getOpponentTeamAbbr();
    List<PlayerGameSummary> appearances = priorGames(history, date, season);
    List<PlayerGameSummary> played = playedBefore(history, date, season);
    List<PlayerGameSummary> l5 = last(played, 5);
    List<PlayerGameSummary> l10 = last(played, LAST_N);
    LocalDate d = LocalDate.parse(date);
    String weekAgo = d.minusDays(7).toString();
    int gamesLast7 = 0;
    double minutesLast7 = 0;
    for (PlayerGameSummary g : played) {
      if (g.getGameDate().compareTo(weekAgo) >= 0) {
        gamesLast7++;
        minutesLast7 += g.getMinutes();
      }
    }
    PlayerGameSummary lastGame = played.isEmpty() ? null : played.get(played.size() - 1);
    List<PlayerGameSummary> vsOpponent = new ArrayList<>();
    for (PlayerGameSummary g : played) {
      if (g.getOpponentTeamAbbr().equals(opponent)) {
        vsOpponent.add(g);
      }
    }
    List<PlayerGameSummary> appearances10 = last(appearances, LAST_N);
    int zeroMinute = 0;
    for (PlayerGameSummary g : appearances10) {
      if (g.getMinutes() == 0) {
        zeroMinute++;
      }
    }
    double fga10 = sum(l10, g -> (double) g.getFga());
    double fta10 = sum(l10, g -> (double) g.getFta());
    double pts10 = sum(l10, g -> (double) g.getPoints());
    return PlayerDailyCache.builder()
        .setPlayerLookup(ctx.getPlayerLookup())
        .setPlayerId(ctx.getPlayerId())
        .setCacheDate(date)
        .setSeason(season)
        .setGamesPlayedSeason(played.size())
        .setPointsAvgLast5(mean(l5, g -> (double) g.getPoints()))
        .setPointsAvgLast10(mean(l10, g -> (double) g.getPoints()))
        .setPointsAvgSeason(mean(played, g -> (double) g.getPoints()))
        .setPointsStdLast10(l10.size() < 2 ? null : populationStd(l10, g -> (double) g.getPoints()))
        .setMinutesAvgLast10(mean(l10, PlayerGameSummary::getMinutes))
        .setMinutesAvgSeason(mean(played, PlayerGameSummary::getMinutes))
        .setPointsPerMinuteLast10(l10.isEmpty() ? null : pts10 / sum(l10, PlayerGameSummary::getMinutes))
        .setGamesInLast7Days(gamesLast7)
        .setMinutesInLast7Days(minutesLast7)
        .setDaysSinceLastGame(daysSinceLast(played, date, PlayerGameSummary::getGameDate))
        .setLastGameDate(lastGame == null ? null : lastGame.getGameDate())
        .setUsageAvgLast5(mean(l5, PlayerGameSummary::getUsagePossessions))
        .setUsageAvgSeason(mean(played, PlayerGameSummary::getUsagePossessions))
        .setFgaAvgLast10(mean(l10, g -> (double) g.getFga()))
        .setFgPctLast10(fga10 == 0 ? null : sum(l10, g -> (double) g.getFgm()) / fga10)
        .setTsPctLast10(fga10 + fta10 == 0 ? null : pts10 / (2 * (fga10 + 0.44 * fta10)))
        .setThreeAttemptRateLast10(fga10 == 0 ? null : sum(l10, g -> (double) g.getFg3a()) / fga10)
        .setFtPointsShareLast10(pts10 == 0 ? null : sum(l10, g -> (double) g.getFtm()) / pts10)
        .setPointsLast5(pointsOf(l5))
        .setPointsSlopeLast10(l10.size() < 3 ? null : slope(l10, g -> (double) g.getPoints()))
        .setAppearancesLast10(appearances10.size())
        .setZeroMinuteRateLast10(appearances10.isEmpty() ? null : zeroMinute / (double) appearances10.size())
        .setOpponentTeamAbbr(opponent)
        .setGamesVsOpponent(vsOpponent.size())
        .setPointsAvgVsOpponent(mean(vsOpponent, g -> (double) g.getPoints()))
        .setMinutesAvgLast5(mean(l5, PlayerGameSummary::getMinutes))
        .setUsageAvgLast10(mean(l10, PlayerGameSummary::getUsagePossessions))
        .setMarketStats(marketStats(played))
        .build();
  }

  /**
   * Every market's history from the games played before D (oldest first): the same arithmetic as the points
   * columns above, on the market's settling value ({@link Markets#actual}), so the points block equals them.
   */
  static List<MarketStats> marketStats(List<PlayerGameSummary> played) {
    List<PlayerGameSummary> l5 = last(played, 5);
    List<PlayerGameSummary> l10 = last(played, LAST_N);
    double minutes10 = sum(l10, PlayerGameSummary::getMinutes);
    List<MarketStats> out = new ArrayList<>();
    for (Markets.Market m : Markets.Market.values()) {
      Function<PlayerGameSummary, Double> v = g -> (double) Markets.actual(m, g);
      List<Integer> last5 = new ArrayList<>();
      l5.forEach(g -> last5.add(Markets.actual(m, g)));
      out.add(MarketStats.builder()
          .setMarket(m.key())
          .setAvgLast5(mean(l5, v))
          .setAvgLast10(mean(l10, v))
          .setAvgSeason(mean(played, v))
          .setStdLast10(l10.size() < 2 ? null : populationStd(l10, v))
          .setPerMinuteLast10(l10.isEmpty() ? null : sum(l10, v) / minutes10)
          .setSlopeLast10(l10.size() < 3 ? null : slope(l10, v))
          .setLast5(last5)
          .build());
    }
    return out;
  }

  private static List<Integer> pointsOf(List<PlayerGameSummary> oldestFirst) {
    List<Integer> out = new ArrayList<>();
    oldestFirst.forEach(g -> out.add(g.getPoints()));
    return out;
  }

  /** {@code player_shot_zone_analysis} for (player, D): the last 10 games with zone data. */
  public static PlayerShotZoneAnalysis shotZones(UpcomingPlayerGameContext ctx, @Nullable Iterable<ZoneGame> zones) {
    String date = ctx.getGameDate();
    List<ZoneGame> sample = last(prior(zones, date, ctx.getSeason(), ZoneGame::getGameDate, ZoneGame::getSeason), LAST_N);
    ZoneTotals t = ZoneTotals.of(sample);
    return PlayerShotZoneAnalysis.builder()
        .setPlayerLookup(ctx.getPlayerLookup())
        .setPlayerId(ctx.getPlayerId())
        .setAnalysisDate(date)
        .setSeason(ctx.getSeason())
        .setGamesInSample(sample.size())
        .setZoneFgaLast10(t.fga())
        .setPctPaint(share(t.paintFga, t.fga()))
        .setPctMidRange(share(t.midFga, t.fga()))
        .setPctThree(share(t.threeFga, t.fga()))
        .setFgPctPaint(share(t.paintFgm, t.paintFga))
        .setFgPctMidRange(share(t.midFgm, t.midFga))
        .setFgPctThree(share(t.threeFgm, t.threeFga))
        .build();
  }

  public static List<TeamGameSummary> teamGamesBefore(@Nullable Iterable<TeamGameSummary> rows, String date, String season) {
    return prior(rows, date, season, TeamGameSummary::getGameDate, TeamGameSummary::getSeason);
  }

  /** {@code team_defense_zone_analysis} for (team, D), with the league's season-to-date baselines. */
  public static TeamDefenseZoneAnalysis teamDefense(
      String team,
      String date,
      String season,
      @Nullable Iterable<TeamGameSummary> teamGames,
      @Nullable Iterable<ZoneGame> zonesAgainst,
      @Nullable Iterable<LeagueDay> leagueDays) {
    List<TeamGameSummary> games = teamGamesBefore(teamGames, date, season);
    List<TeamGameSummary> l10 = last(games, LAST_N);
    // A partial box score's sums are not the team's: it never feeds a rating (flagged in incomplete_games_last10).
    List<TeamGameSummary> rated = new ArrayList<>();
    for (TeamGameSummary g : l10) {
      if (g.getBoxScoreComplete()) {
        rated.add(g);
      }
    }
    Set<String> sampleDates = new HashSet<>();
    l10.forEach(g -> sampleDates.add(g.getGameDate()));
    List<ZoneGame> allowed = new ArrayList<>();
    for (ZoneGame z : prior(zonesAgainst, date, season, ZoneGame::getGameDate, ZoneGame::getSeason)) {
      if (sampleDates.contains(z.getGameDate())) {
        allowed.add(z);
      }
    }
    ZoneTotals opp = ZoneTotals.of(allowed);
    List<LeagueDay> league = prior(leagueDays, date, season, LeagueDay::getGameDate, LeagueDay::getSeason);
    ZoneTotals lg = new ZoneTotals();
    int leagueGames = 0;
    double leaguePace = 0;
    for (LeagueDay day : league) {
      lg.add(day.getPaintFga(), day.getPaintFgm(), day.getMidRangeFga(), day.getMidRangeFgm(), day.getThreeFga(), day.getThreeFgm());
      leagueGames += day.getTeamGames();
      leaguePace += day.getPaceSum();
    }
    double oppPoss = sum(rated, TeamGameSummary::getOppPossessions);
    double poss = sum(rated, TeamGameSummary::getPossessions);
    int wins = 0;
    int decided = 0;
    for (TeamGameSummary g : games) {
      if (g.getWin() != null) {
        decided++;
        wins += g.getWin() ? 1 : 0;
      }
    }
    return TeamDefenseZoneAnalysis.builder()
        .setTeamAbbr(team)
        .setAnalysisDate(date)
        .setSeason(season)
        .setGamesPlayedSeason(games.size())
        .setGamesInSample(rated.size())
        .setIncompleteGamesLast10(l10.size() - rated.size())
        .setOppPointsAllowedLast10(mean(rated, g -> (double) g.getOppPoints()))
        .setOppRebAllowedLast10(mean(rated, g -> (double) g.getOppReb()))
        .setOppAstAllowedLast10(mean(rated, g -> (double) g.getOppAst()))
        .setOppFg3mAllowedLast10(mean(rated, g -> (double) g.getOppFg3m()))
        .setUsagePossessionsLast10(mean(rated, g -> g.getFga() + 0.44 * g.getFta() + g.getTov()))
        .setDefRatingLast10(oppPoss <= 0 ? null : 100 * sum(rated, g -> (double) g.getOppPoints()) / oppPoss)
        .setOffRatingLast10(poss <= 0 ? null : 100 * sum(rated, g -> (double) g.getPoints()) / poss)
        .setPaceLast10(mean(rated, g -> (g.getPossessions() + g.getOppPossessions()) / 2))
        .setWinPctSeason(decided == 0 ? null : wins / (double) decided)
        .setDaysSinceLastGame(daysSinceLast(games, date, TeamGameSummary::getGameDate))
        .setOppZoneFgaLast10(opp.fga())
        .setOppFgPctAllowedPaint(share(opp.paintFgm, opp.paintFga))
        .setOppFgPctAllowedMidRange(share(opp.midFgm, opp.midFga))
        .setOppFgPctAllowedThree(share(opp.threeFgm, opp.threeFga))
        .setLeagueFgPctPaint(share(lg.paintFgm, lg.paintFga))
        .setLeagueFgPctMidRange(share(lg.midFgm, lg.midFga))
        .setLeagueFgPctThree(share(lg.threeFgm, lg.threeFga))
        .setLeaguePaceSeason(leagueGames == 0 ? null : leaguePace / leagueGames)
        .build();
  }

  /** Attempts and makes per zone group, summed. */
  static final class ZoneTotals {
    int paintFga;
    int paintFgm;
    int midFga;
    int midFgm;
    int threeFga;
    int threeFgm;

    static ZoneTotals of(List<ZoneGame> games) {
      ZoneTotals t = new ZoneTotals();
      for (ZoneGame z : games) {
        t.add(z.getPaintFga(), z.getPaintFgm(), z.getMidRangeFga(), z.getMidRangeFgm(), z.getThreeFga(), z.getThreeFgm());
      }
      return t;
    }

    void add(int pa, int pm, int ma, int mm, int ta, int tm) {
      paintFga += pa;
      paintFgm += pm;
      midFga += ma;
      midFgm += mm;
      threeFga += ta;
      threeFgm += tm;
    }

    int fga() {
      return paintFga + midFga + threeFga;
    }
  }

  static @Nullable Double share(int part, int whole) {
    return whole == 0 ? null : part / (double) whole;
  }

  static <T> double sum(List<T> rows, Function<T, Double> f) {
    double s = 0;
    for (T r : rows) {
      s += f.apply(r);
    }
    return s;
  }

  static <T> @Nullable Double mean(List<T> rows, Function<T, Double> f) {
    return rows.isEmpty() ? null : sum(rows, f) / rows.size();
  }

  static <T> double populationStd(List<T> rows, Function<T, Double> f) {
    double m = sum(rows, f) / rows.size();
    double ss = 0;
    for (T r : rows) {
      double d = f.apply(r) - m;
      ss += d * d;
    }
    return Math.sqrt(ss / rows.size());
  }

  /** Least-squares slope of the values against 0, 1, 2, … (oldest first): points gained per game. */
  static <T> double slope(List<T> oldestFirst, Function<T, Double> f) {
    int n = oldestFirst.size();
    double xMean = (n - 1) / 2.0;
    double yMean = sum(oldestFirst, f) / n;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - xMean) * (f.apply(oldestFirst.get(i)) - yMean);
      den += (i - xMean) * (i - xMean);
    }
    return num / den;
  }
}
