package transforms.daily;

import schemas.vocabulary.GameDates;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
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
 * bundle with a fixed cost in each downstream step (it re-translates and re-checks the step per bundle), which
 * made per-(player, game) keys take minutes for a few weeks of data. The daily window also gives the output a
 * timestamp inside its own day, which a global-window GroupByKey would not (its outputs land at the end of
 * time), so the results can be re-windowed by day downstream.
 */
public final class GroupByDate<T> extends PTransform<PCollection<T>, PCollection<KV<String, Iterable<T>>>> {
  private final SerializableFunction<T, String> dateOf;

  private GroupByDate(SerializableFunction<T, String> dateOf) {
    this.dateOf = dateOf;
  }

  public static <T> GroupByDate<T> of(SerializableFunction<T, String> dateOf) {
    return new GroupByDate<>(dateOf);
  }

  @Override
  public PCollection<KV<String, Iterable<T>>> expand(PCollection<T> rows) {
    return keyedDaily("", rows, dateOf).apply("GroupByDate", GroupByKey.create());
  }

  /** Rows in daily windows keyed by their date: the input of a per-date join (a CoGroupByKey of several tables). */
  public static <T> PCollection<KV<String, T>> keyedDaily(String name, PCollection<T> rows, SerializableFunction<T, String> dateOf) {
    return rows.apply(name + "Daily", Window.<T>into(GameDates.dailyWindows()))
        .apply("Key" + name + "ByDate", WithKeys.of(dateOf).withKeyType(TypeDescriptors.strings()));
  }
}
