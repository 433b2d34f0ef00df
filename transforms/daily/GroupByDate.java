package transforms.daily;

import schemas.vocabulary.GameDates;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * All rows of one game date together, in that date's daily window (key: the date). The per-date aggregations
 * (a game's two sides, a player's shot zones, a player's line across books and snapshots) then group by their
 * finer key in memory.
 *
 * <p>Why the date and not the finer key: a date holds at most a few thousand rows (≈600 box scores, ≈2k
 * points offers), far below one worker's memory, and on the DirectRunner every key of a GroupByKey becomes a
 * bundle with a fixed cost in each downstream step (it re-translates and re-serializes the step per bundle).
 *
 * <p>The shuffle key is the date's month ({@link #shardOf}), not the date: the daily window already makes each
 * group one date, so the key only decides how dates are spread. On Dataflow a season's ~8 months are ~8 keys
 * worked in parallel, each group still one date's rows; on the DirectRunner, where every key is one bundle
 * through every downstream step, a season's 160 dates cost 8 bundles per step instead of 160 (profiled: the
 * per-bundle setup was over a third of a backfill's CPU). The output is keyed by the date again.
 */
public final class GroupByDate<T> extends PTransform<PCollection<T>, PCollection<KV<String, Iterable<T>>>> {
  private final SerializableFunction<T, String> dateOf;

  private GroupByDate(SerializableFunction<T, String> dateOf) {
    this.dateOf = dateOf;
  }

  public static <T> GroupByDate<T> of(SerializableFunction<T, String> dateOf) {
    return new GroupByDate<>(dateOf);
  }

  /**
   * The shuffle key of a date's rows in a per-date grouping: its month ({@code yyyy-MM}). Any function of the date
   * groups the same way within daily windows; a coarser one means fewer keys (fewer, larger bundles on the
   * DirectRunner), a finer one more parallelism on Dataflow.
   */
  public static String shardOf(String date) {
    return date.length() >= 7 ? date.substring(0, 7) : date;
  }

  @Override
  public PCollection<KV<String, Iterable<T>>> expand(PCollection<T> rows) {
    PCollection<KV<String, Iterable<T>>> grouped = keyedDailyByMonth("", rows, dateOf).apply("GroupByDate", GroupByKey.create());
    Coder<T> valueCoder = rows.getCoder();
    return grouped
        .apply("KeyedByDate", ParDo.of(new DateKeyFn<>(dateOf)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(valueCoder)));
  }

  /** A group (never empty) keyed by its rows' date instead of the shuffle key. */
  private static final class DateKeyFn<T> extends DoFn<KV<String, Iterable<T>>, KV<String, Iterable<T>>> {
    private final SerializableFunction<T, String> dateOf;

    DateKeyFn(SerializableFunction<T, String> dateOf) {
      this.dateOf = dateOf;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<T>> group, OutputReceiver<KV<String, Iterable<T>>> out) {
      out.output(KV.of(dateOf.apply(group.getValue().iterator().next()), group.getValue()));
    }
  }

  /** Rows in daily windows keyed by their date: the input of a per-date join (a CoGroupByKey of several tables). */
  public static <T> PCollection<KV<String, T>> keyedDaily(String name, PCollection<T> rows, SerializableFunction<T, String> dateOf) {
    return rows.apply(name + "Daily", Window.<T>into(GameDates.dailyWindows()))
        .apply("Key" + name + "ByDate", WithKeys.of(dateOf).withKeyType(TypeDescriptors.strings()));
  }

  /**
   * Rows in daily windows keyed by their date's month ({@link #shardOf}): the input of a per-date join whose DoFn
   * takes the date from its rows or its window ({@link GameDates#dateOf}), not from the key. The groups are the
   * same as {@link #keyedDaily}'s, in a twentieth of the DirectRunner's bundles.
   */
  public static <T> PCollection<KV<String, T>> keyedDailyByMonth(
      String name, PCollection<T> rows, SerializableFunction<T, String> dateOf) {
    return rows.apply(name + "Daily", Window.<T>into(GameDates.dailyWindows()))
        .apply("Key" + name + "ByMonth", WithKeys.of((T r) -> shardOf(dateOf.apply(r))).withKeyType(TypeDescriptors.strings()));
  }
}
