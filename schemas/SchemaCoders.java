package schemas;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/** The coder of a record class, for where a transform's output type is hidden from Beam's coder inference. */
public final class SchemaCoders {
  private SchemaCoders() {}

  /** The record's own coder, the one its {@code @DefaultCoder} names (see {@link RecordCoder}). */
  public static <T> Coder<T> of(Class<T> type) {
    return RecordCoder.of(type);
  }

  /**
   * The coder of prop snapshot file parts: one file's offers of one game date, keyed by the file's name, as one
   * element (the unit consensus lines are built from).
   */
  public static Coder<KV<String, List<PropSnapshotOffer>>> snapshotFileParts() {
    return KvCoder.of(StringUtf8Coder.of(), ListCoder.of(of(PropSnapshotOffer.class)));
  }
}
