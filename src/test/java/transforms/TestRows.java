package transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.vocabulary.Markets;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;
import schemas.vocabulary.PlayerNames;

/** Hand-made rows for the composites' unit tests, stamped with their game date as the pipelines stamp them. */
public final class TestRows {
  private TestRows() {}

  /** A box score: points from 2-point makes only; {@code win} null when the row has no WL. */
  public static PlayerGameSummary game(@Nullable String id, String name, String team, String opp, boolean home,
      String date, String season, double minutes, int points, @Nullable Boolean win) {
    int fgm = points / 2;
    return PlayerGameSummary.builder()
        .setPlayerLookup(PlayerNames.lookup(name))
        .setPlayerId(id)
        .setPlayerName(name)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(opp)
        .setHomeGame(home)
        .setGameDate(date)
        .setSeason(season)
        .setWin(win)
        .setMinutes(minutes)
        .setPoints(points)
        .setFgm(fgm).setFga(fgm + 4).setFg3m(0).setFg3a(1).setFtm(0).setFta(0)
        .setOreb(1).setDreb(3).setReb(4).setAst(2).setTov(1).setStl(1).setBlk(0).setPf(2)
        .setPossessions(fgm + 4 - 1 + 1)
        .setUsagePossessions(fgm + 4 + 1)
        .build();
  }

  public static ScheduledGame scheduled(String season, String gameId, String date, String home, String away) {
    return ScheduledGame.builder().setSeason(season).setGameId(gameId).setGameDate(date).setHomeTeamAbbr(home)
        .setAwayTeamAbbr(away).build();
  }

  /** A consensus points line for a name on a date. */
  public static PropLine line(String name, String date, double value) {
    return line(name, date, Markets.Market.POINTS, value);
  }

  /** A consensus line in {@code market} for a name on a date (snapshot 15:00Z, tip-off 23:30Z), priced -110 each way. */
  public static PropLine line(String name, String date, Markets.Market market, double value) {
    String lookup = PlayerNames.lookup(name);
    String snapshot = date + "T15:00:00Z";
    return PropLine.builder()
        .setPlayerLookup(lookup).setJoinKey(PlayerNames.joinKey(lookup)).setPlayerName(name).setGameDate(date)
        .setGameTime(date + "T23:30:00Z").setLine(value).setOpeningLine(value).setLineMove(0).setBooksCount(1)
        .setSnapshotTime(snapshot).setOpeningSnapshotTime(snapshot).setMarket(market.key()).setOverOdds(-110.0).setUnderOdds(-110.0)
        .build();
  }

  /** The rows as a PCollection, each at the start of its game date (US/Eastern), as the readers stamp them. */
  @SafeVarargs
  public static <T> PCollection<T> dated(
      TestPipeline p, String name, Class<T> type, SerializableFunction<T, String> dateOf, T... rows) {
    List<TimestampedValue<T>> stamped = new ArrayList<>();
    for (T r : rows) {
      stamped.add(TimestampedValue.of(r, GameDates.timestampOf(dateOf.apply(r))));
    }
    Create.TimestampedValues<T> create =
        stamped.isEmpty() ? Create.timestamped(List.<TimestampedValue<T>>of()) : Create.timestamped(stamped);
    return p.apply(name, create.withCoder(SchemaCoders.of(type)));
  }

  /** A counter's committed value after the run (0 when never incremented). */
  public static long counter(PipelineResult result, String namespace, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(
            MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
