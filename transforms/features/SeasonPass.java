package transforms.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.GameDates;
import schemas.vocabulary.PlayerKeys;

/**
 * The shuffle every per-season as-of pass shares: the run's context rows and a history table, both keyed by season
 * in the global window, so that one call of the pass's DoFn holds a whole season, sorts each player's (or team's)
 * rows once, and calls the {@link AsOf} function of every context row of that season from them. The as-of
 * functions are the same ones a single (player, date) lookup calls; only how their history reaches them changes.
 *
 * <p>Why by season. {@link AsOf} only ever looks at rows of the context row's own season, so a season is the
 * largest unit that needs nothing from another, and the smallest that holds every date's history. A season is
 * bounded (≈1,230 games: ≈26k box scores, ≈26k zone rows, ≈2.5k team games), so the state of a key stays a few tens
 * of MB however many seasons a run has, and seasons are worked in parallel. Keys by (season, player) would spread
 * one season over more workers on Dataflow, at the cost, on the DirectRunner, of one bundle per player in every
 * later step (≈700 a season); at a season's size one worker does the pass in about a second, so the season is the
 * key. It would stop scaling only if one season's rows no longer fit one worker's memory.
 *
 * <p>Why a shuffle and not side inputs: a side input of all history is broadcast whole to every worker and, on the
 * DirectRunner, rebuilt for every bundle that reads it, so a run's cost grew with dates × seasons of history; here
 * every history row is shuffled once, and a pass is linear in its season's rows.
 *
 * <p>Every row enters the group as its coder's bytes ({@link EncodedRows}): the DirectRunner clones a key's whole
 * grouped state on each bundle that adds to it, and bytes clone as a copy.
 *
 * <p>Timestamps: the group is in the global window with the EARLIEST timestamp combiner, so it is stamped no
 * later than its earliest row, and each output row takes its context row's own timestamp (moving forward in
 * time, which every runner allows) before going back into that row's daily window ({@link #daily}). The global
 * window fires once its inputs are complete: the context must be bounded (the line updates of a same-day watch go
 * through {@code FeatureStore.featuresFor} instead).
 */
final class SeasonPass {
  private SeasonPass() {}

  /** Grouping in the global window, stamped with the earliest row's timestamp. */
  private static <T> Window<T> global() {
    return Window.<T>into(new GlobalWindows()).withTimestampCombiner(TimestampCombiner.EARLIEST);
  }

  /** How a pass's context rows are shuffled: each with its own timestamp (its output rows'), as bytes. */
  static EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> contextRows() {
    return EncodedRows.of(TimestampedValue.TimestampedValueCoder.of(SchemaCoders.of(UpcomingPlayerGameContext.class)));
  }

  /** The context rows keyed by their season ({@link #contextRows}). */
  static PCollection<KV<String, byte[]>> context(
      String name, PCollection<UpcomingPlayerGameContext> context, EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows) {
    return context
        .apply(name + "BySeason", ParDo.of(new DoFn<UpcomingPlayerGameContext, KV<String, byte[]>>() {
          @ProcessElement
          public void process(@Element UpcomingPlayerGameContext row, @Timestamp Instant ts, OutputReceiver<KV<String, byte[]>> out) {
            out.output(KV.of(row.getSeason(), rows.encode(TimestampedValue.of(row, ts))));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
        .apply(name + "InSeasonWindow", global());
  }

  /** History rows keyed by their season, as bytes, in the grouping's window. */
  static <T> PCollection<KV<String, byte[]>> history(
      String name, PCollection<T> table, EncodedRows<T> rows, SerializableFunction<T, String> seasonOf) {
    return rows.keyed("Key" + name + "BySeason", table, seasonOf).apply(name + "InSeasonWindow", global());
  }

  /**
   * A whole per-player pass: the context and the history table {@code historyName} grouped by season
   * ({@code SeasonsWith<historyName>}), {@link PlayerFn} over each season ({@code AsOf<pass>}), and the rows back in
   * their daily windows ({@code <pass>Daily}).
   */
  static <H, O> PCollection<O> perPlayer(
      PCollection<UpcomingPlayerGameContext> context, String historyName, PCollection<H> history, Class<H> historyType,
      SerializableFunction<H, String> seasonOf, SerializableFunction<H, String> playerOf,
      SerializableFunction<H, String> dateOf, String pass,
      SerializableBiFunction<UpcomingPlayerGameContext, Iterable<H>, O> asOf, Class<O> outType) {
    EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows = contextRows();
    EncodedRows<H> historyRows = EncodedRows.of(SchemaCoders.of(historyType));
    PCollection<O> out =
        KeyedPCollectionTuple.of(rows.tag, context("Context", context, rows))
            .and(historyRows.tag, history(historyName, history, historyRows, seasonOf))
            .apply("SeasonsWith" + historyName, CoGroupByKey.create())
            .apply("AsOf" + pass, ParDo.of(new PlayerFn<>(rows, historyRows, playerOf, dateOf, asOf)))
            .setCoder(SchemaCoders.of(outType)); // the generic DoFn hides its output type
    return daily(pass + "Daily", out);
  }

  /** A pass's output back in its context row's daily window, grouped downstream by the window's end as usual. */
  static <O> PCollection<O> daily(String name, PCollection<O> rows) {
    return rows.apply(name, Window.<O>into(GameDates.dailyWindows()).withTimestampCombiner(TimestampCombiner.END_OF_WINDOW));
  }

  /** Rows by a key, each key's rows oldest first (stable: rows of one date keep their order). */
  static <T> Map<String, List<T>> byKey(Iterable<T> rows, SerializableFunction<T, String> keyOf, SerializableFunction<T, String> dateOf) {
    Map<String, List<T>> by = new HashMap<>();
    for (T r : rows) {
      by.computeIfAbsent(keyOf.apply(r), k -> new ArrayList<>()).add(r);
    }
    Comparator<T> byDate = Comparator.comparing(dateOf::apply);
    by.values().forEach(l -> l.sort(byDate));
    return by;
  }

  /**
   * The rows of an oldest-first list dated before {@code date}: a prefix, found by binary search. It is what
   * {@link AsOf#prior} keeps of the whole list, in the same order, so handing it over changes no result; it only
   * spares each call the rows of later dates.
   */
  static <T> @Nullable List<T> before(@Nullable List<T> oldestFirst, String date, SerializableFunction<T, String> dateOf) {
    if (oldestFirst == null) {
      return null;
    }
    int lo = 0;
    int hi = oldestFirst.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (dateOf.apply(oldestFirst.get(mid)).compareTo(date) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return oldestFirst.subList(0, lo);
  }

  /**
   * The per-player pass: for each context row of the season, {@code asOf} of the row and its player's history rows
   * of the season dated before the row's date ({@link #before}; null when he has no row at all), stamped with the
   * row's timestamp.
   */
  static final class PlayerFn<H, O> extends DoFn<KV<String, CoGbkResult>, O> {
    private final EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> contextRows;
    private final EncodedRows<H> historyRows;
    private final SerializableFunction<H, String> playerOf;
    private final SerializableFunction<H, String> dateOf;
    private final SerializableBiFunction<UpcomingPlayerGameContext, Iterable<H>, O> asOf;

    PlayerFn(
        EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> contextRows, EncodedRows<H> historyRows,
        SerializableFunction<H, String> playerOf, SerializableFunction<H, String> dateOf,
        SerializableBiFunction<UpcomingPlayerGameContext, Iterable<H>, O> asOf) {
      this.contextRows = contextRows;
      this.historyRows = historyRows;
      this.playerOf = playerOf;
      this.dateOf = dateOf;
      this.asOf = asOf;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> season, OutputReceiver<O> out) {
      Map<String, List<H>> byPlayer = byKey(historyRows.in(season.getValue()), playerOf, dateOf);
      for (TimestampedValue<UpcomingPlayerGameContext> row : contextRows.in(season.getValue())) {
        UpcomingPlayerGameContext ctx = row.getValue();
        List<H> mine = before(byPlayer.get(PlayerKeys.of(ctx.getPlayerId(), ctx.getPlayerLookup())), ctx.getGameDate(), dateOf);
        out.outputWithTimestamp(asOf.apply(ctx, mine), row.getTimestamp());
      }
    }
  }
}
