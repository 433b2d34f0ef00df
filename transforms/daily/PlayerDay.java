package transforms.daily;

import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the day's per-player tables join: each is a side input keyed by {@code player_lookup} (or team) in the
 * daily windows, and a transform whose main input is the day's context looks its player up in the view of its
 * own window. So a join is by key within a date, and it works unchanged for a bounded backfill (many windows)
 * and a same-day run (one window, with early panes).
 *
 * <p>Why views and not a CoGroupByKey on (player, date): a day's tables hold a few hundred rows each, and on
 * the DirectRunner every key of a GroupByKey becomes a bundle whose fixed cost (step re-translation, immutability
 * checks, re-reading the history side inputs) made a per-(player, date) join take minutes on four weeks of
 * data. A multimap rather than a map: a duplicate row for one key must be counted, not crash the view.
 */
public final class PlayerDay {
  private PlayerDay() {}

  /** The rows of each daily window, by a key (player or team). {@code rows} must be in daily windows. */
  public static <T> PCollectionView<Map<String, Iterable<T>>> view(
      String name, PCollection<T> rows, SerializableFunction<T, String> key) {
    return SideInputCache.singlePane(name, rows).apply("Key" + name, WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .apply(name + "View", View.asMultimap());
  }

  /** The first row of a key, or null. Duplicates cannot arise from one universe; a caller that can, counts. */
  public static <T> @Nullable T first(@Nullable Iterable<T> rows) {
    if (rows == null) {
      return null;
    }
    Iterator<T> it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
