package transforms.features;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import schemas.vocabulary.GameDates;
import transforms.context.CompleteContext;
import transforms.games.History;

/** Hand-made rows for the Phase 4 composites, and the daily windows and history views they are read from. */
final class FeatureRows {
  private FeatureRows() {}

  /** The day the tests build for; history is dated before it, and rows dated D itself must change nothing. */
  static final String D = "2024-01-20";

  static UpcomingPlayerGameContext context(String player, String date, String team, String opponent) {
    return CompleteContext.bare(player, null, player, date, GameDates.inferSeason(date), null, team, opponent, true, "played");
  }

  /** A box score of {@code player} for BOS vs NYK ({@link AsOfTest#game}). */
  static PlayerGameSummary game(String player, String date, int minutes, int points) throws Exception {
    return AsOfTest.game(date, minutes, points).toBuilder().setPlayerLookup(player).setPlayerId(null).build();
  }

  /** One game's attempts and makes in paint, mid-range and three. */
  static ZoneGame zones(String player, String team, String defender, String date, int... attemptsMakes) {
    return ZoneGame.builder()
        .setPlayerLookup(player).setTeamAbbr(team).setDefendingTeamAbbr(defender).setGameDate(date)
        .setSeason(GameDates.inferSeason(date))
        .setPaintFga(attemptsMakes[0]).setPaintFgm(attemptsMakes[1])
        .setMidRangeFga(attemptsMakes[2]).setMidRangeFgm(attemptsMakes[3])
        .setThreeFga(attemptsMakes[4]).setThreeFgm(attemptsMakes[5])
        .build();
  }

  static TeamGameSummary teamGame(
      String team, String opponent, String date, boolean win, int points, int oppPoints, double poss, double oppPoss) {
    return TeamGameSummary.builder().setMinutes(240).setBoxScoreComplete(true)
        .setTeamAbbr(team).setOpponentTeamAbbr(opponent).setGameDate(date).setSeason(GameDates.inferSeason(date))
        .setGameId(null).setHomeGame(true).setWin(win).setPoints(points).setOppPoints(oppPoints)
        .setFga(80).setFta(20).setOreb(10).setTov(12)
        .setReb(44).setAst(25).setFg3m(12).setOppReb(42).setOppAst(24).setOppFg3m(11).setPossessions(poss).setOppPossessions(oppPoss).setPlayers(10)
        .build();
  }

  static LeagueDay leagueDay(String date, int teamGames, double paceSum, int... attemptsMakes) {
    return LeagueDay.builder()
        .setGameDate(date).setSeason(GameDates.inferSeason(date)).setTeamGames(teamGames).setPaceSum(paceSum)
        .setPaintFga(attemptsMakes[0]).setPaintFgm(attemptsMakes[1])
        .setMidRangeFga(attemptsMakes[2]).setMidRangeFgm(attemptsMakes[3])
        .setThreeFga(attemptsMakes[4]).setThreeFgm(attemptsMakes[5])
        .build();
  }

  /** Rows stamped with their own date and put in the daily windows, as every Phase 4 input is. */
  @SafeVarargs
  static <T> PCollection<T> daily(Pipeline p, String name, Class<T> type, SerializableFunction<T, String> dateOf, T... rows) {
    List<TimestampedValue<T>> stamped = new ArrayList<>();
    for (T r : rows) {
      stamped.add(TimestampedValue.of(r, GameDates.timestampOf(dateOf.apply(r))));
    }
    return p.apply(name, Create.timestamped(stamped).withCoder(SchemaCoders.of(type)))
        .apply(name + "Daily", Window.into(GameDates.dailyWindows()));
  }

  static PCollection<UpcomingPlayerGameContext> context(Pipeline p, UpcomingPlayerGameContext... rows) {
    return daily(p, "Context", UpcomingPlayerGameContext.class, UpcomingPlayerGameContext::getGameDate, rows);
  }

  /** The rows by a key, each key once (a duplicate fails the test). */
  static <T> java.util.Map<String, T> byKey(Iterable<T> rows, SerializableFunction<T, String> key) {
    java.util.Map<String, T> out = new java.util.TreeMap<>();
    for (T r : rows) {
      T before = out.put(key.apply(r), r);
      org.hamcrest.MatcherAssert.assertThat("one row per " + key.apply(r), before, org.hamcrest.Matchers.nullValue());
    }
    return out;
  }

  static <T> PCollection<T> rows(Pipeline p, String name, Class<T> type, List<T> rows) {
    return p.apply(name, rows.isEmpty() ? Create.empty(SchemaCoders.of(type)) : Create.of(rows).withCoder(SchemaCoders.of(type)));
  }

  /** Which optional feeds cover which dates, from these hand-made lines and shot rows ({@link FeedCoverage}). */
  static FeedCoverage feeds(Pipeline p, List<schemas.PropLine> lines, List<schemas.ShotZoneAttempts> zones) {
    return FeedCoverage.of(
        rows(p, "CoverageLines", schemas.PropLine.class, lines), rows(p, "CoverageGameLines", schemas.GameLine.class, List.of()),
        rows(p, "CoverageZones", schemas.ShotZoneAttempts.class, zones));
  }

  /** A run with no optional file: box scores and the schedule only. */
  static FeedCoverage noOptionalFeeds(Pipeline p) {
    return feeds(p, List.of(), List.of());
  }

  /** The history views ({@link History}) of these hand-made rows. */
  static History history(
      Pipeline p, List<PlayerGameSummary> games, List<TeamGameSummary> teamGames, List<ZoneGame> zoneGames, List<LeagueDay> days) {
    return rows(p, "Games", PlayerGameSummary.class, games)
        .apply("HistoryViews", History.of(
            rows(p, "TeamGames", TeamGameSummary.class, teamGames),
            rows(p, "ZoneGames", ZoneGame.class, zoneGames),
            rows(p, "LeagueDays", LeagueDay.class, days)));
  }
}
