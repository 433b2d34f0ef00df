package schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The one coder of every record class, declared on the class with {@code @DefaultCoder(RecordCoder.class)}, so
 * Beam's coder inference finds it for {@code PCollection<Record>}, {@code KV<String, Record>} and any other
 * nesting without a pipeline registering anything. Its bytes are the record's schema row encoding (the same
 * as Beam's {@link SchemaCoder} over {@link AutoValueSchema}), and the sinks and sources take the schema and
 * row functions from {@link #schemaCoder()}.
 *
 * <p>Why not a plain SchemaCoder: runners serialize a pipeline's coders, and the DirectRunner does so again for
 * every bundle of every ParDo; a SchemaCoder carries its whole schema and generated accessors (tens of kB),
 * which after a GroupByKey (one bundle per key) made a one-month sample take over ten minutes. This coder
 * serializes as nothing more than the class, and rebuilds its delegate lazily wherever it is deserialized. The
 * records carry no {@code @DefaultSchema} for the same reason: a schema on the class would make Beam infer a
 * SchemaCoder for their collections first.
 */
public final class RecordCoder<T> extends CustomCoder<T> {
  private static final AutoValueSchema AUTO_VALUE = new AutoValueSchema();

  private final Class<T> type;
  private transient volatile SchemaCoder<T> delegate;

  private RecordCoder(Class<T> type) {
    this.type = type;
  }

  public static <T> RecordCoder<T> of(Class<T> type) {
    RecordCoder<T> c = new RecordCoder<>(type);
    c.delegate(); // fail at graph construction, not on a worker, if the class is not an AutoValue record
    return c;
  }

  /** What {@code @DefaultCoder} asks of a coder class: the provider Beam's coder inference calls. */
  public static CoderProvider getCoderProvider() {
    return PROVIDER;
  }

  private static final CoderProvider PROVIDER =
      new CoderProvider() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders) {
          Class<?> record = type.getRawType();
          // Create.of infers from its elements' class, AutoValue's generated subclass: the coder is the record's.
          while (record.getSimpleName().startsWith("AutoValue_")) {
            record = record.getSuperclass();
          }
          return of((Class<T>) record);
        }
      };

  private SchemaCoder<T> delegate() {
    SchemaCoder<T> d = delegate;
    if (d == null) {
      TypeDescriptor<T> t = TypeDescriptor.of(type);
      d = SchemaCoder.of(AUTO_VALUE.schemaFor(t), t, AUTO_VALUE.toRowFunction(t), AUTO_VALUE.fromRowFunction(t));
      delegate = d;
    }
    return d;
  }

  public SchemaCoder<T> schemaCoder() {
    return delegate();
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    delegate().encode(value, out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return delegate().decode(in);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    delegate().verifyDeterministic();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordCoder && ((RecordCoder<?>) o).type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "RecordCoder(" + type.getSimpleName() + ")";
  }
}
