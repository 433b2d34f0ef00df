package transforms.features;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One table's rows going into a CoGroupByKey as their coder's bytes, and read back from the group: the input of the
 * per-season passes ({@link SeasonPass}) and the per-date joins ({@link DayTables#joinedWith}).
 *
 * <p>Why bytes: the DirectRunner keeps a key's grouped values as state and clones the whole of it, element by
 * element through its coder, every time another bundle brings that key more rows. A season key receives tens of
 * bundles, so its tens of thousands of records were each re-encoded and re-decoded tens of times (profiled: a fifth
 * of a two-season backfill's CPU); a byte array clones as a copy. Each row is encoded once before the group and
 * decoded once after, with the table's own coder. On Dataflow this changes nothing that matters: a shuffle carries
 * bytes either way.
 */
final class EncodedRows<T> implements Serializable {
  final TupleTag<byte[]> tag = new TupleTag<>();
  private final Coder<T> coder;

  private EncodedRows(Coder<T> coder) {
    this.coder = coder;
  }

  static <T> EncodedRows<T> of(Coder<T> coder) {
    return new EncodedRows<>(coder);
  }

  /** The rows keyed by {@code keyOf}, each as its bytes. */
  PCollection<KV<String, byte[]>> keyed(String name, PCollection<T> rows, SerializableFunction<T, String> keyOf) {
    return rows.apply(name, ParDo.of(new DoFn<T, KV<String, byte[]>>() {
          @ProcessElement
          public void process(@Element T row, OutputReceiver<KV<String, byte[]>> out) {
            out.output(KV.of(keyOf.apply(row), encode(row)));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
  }

  byte[] encode(T row) {
    try {
      return CoderUtils.encodeToByteArray(coder, row);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode " + row, e);
    }
  }

  T decode(byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot decode a row of " + coder, e);
    }
  }

  /** This table's rows of a group, decoded as they are iterated (a group may be larger than memory on Dataflow). */
  Iterable<T> in(CoGbkResult group) {
    Iterable<byte[]> rows = group.getAll(tag);
    return () -> {
      Iterator<byte[]> it = rows.iterator();
      return new Iterator<T>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return decode(it.next());
        }
      };
    };
  }
}
