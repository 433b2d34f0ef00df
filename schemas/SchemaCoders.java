package schemas;

import org.apache.beam.sdk.coders.Coder;

/** The coder of a record class, for where a transform's output type is hidden from Beam's coder inference. */
public final class SchemaCoders {
  private SchemaCoders() {}

  /** The record's own coder, the one its {@code @DefaultCoder} names (see {@link RecordCoder}). */
  public static <T> Coder<T> of(Class<T> type) {
    return RecordCoder.of(type);
  }
}
