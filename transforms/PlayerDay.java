package transforms;

import java.util.Iterator;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.beam.sdk.transforms.SerializableFunction;

/** The per-(player, date) join of the day's tables: every per-player table keys by {@link Keys#playerDate}. */
final class PlayerDay {
  private PlayerDay() {}

  static <T> PCollection<KV<String, T>> keyed(
      String name, PCollection<T> rows, SerializableFunction<T, String> player, SerializableFunction<T, String> date) {
    return rows.apply(
        name, WithKeys.of((T r) -> Keys.playerDate(player.apply(r), date.apply(r))).withKeyType(TypeDescriptors.strings()));
  }


  /** The one row of a table for this key, or null; a second row for one key would be a bug upstream. */
  static <T> @Nullable T only(CoGbkResult r, TupleTag<T> tag) {
    Iterator<T> it = r.getAll(tag).iterator();
    return it.hasNext() ? it.next() : null;
  }
}
