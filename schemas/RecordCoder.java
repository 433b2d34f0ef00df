package schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.SchemaRegistry;

/**
 * The coder of a record class: its schema's row encoding (the same bytes as Beam's {@link SchemaCoder}), but
 * serialized as nothing more than the class. Why: runners serialize a pipeline's coders, and the DirectRunner
 * does so again for every bundle of every ParDo; a SchemaCoder carries its whole schema and generated accessors
 * (tens of kB), which after a GroupByKey (one bundle per key) made a one-month sample take over ten minutes.
 * The delegate is rebuilt lazily wherever the coder is deserialized.
 */
public final class RecordCoder<T> extends CustomCoder<T> {
  private final Class<T> type;
  private transient volatile SchemaCoder<T> delegate;

  private RecordCoder(Class<T> type) {
    this.type = type;
  }

  public static <T> RecordCoder<T> of(Class<T> type) {
    RecordCoder<T> c = new RecordCoder<>(type);
    c.delegate(); // fail at graph construction, not on a worker, if the class has no schema
    return c;
  }

  private SchemaCoder<T> delegate() {
    SchemaCoder<T> d = delegate;
    if (d == null) {
      try {
        d = SchemaRegistry.createDefault().getSchemaCoder(type);
      } catch (NoSuchSchemaException e) {
        throw new IllegalArgumentException(type + " has no schema", e);
      }
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
