package schemas;

import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaProvider;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * {@link AutoValueSchema} with row accessors that serialize as just the record class. The schema and the
 * encoding are AutoValueSchema's own; only what a runner serializes shrinks (see {@link RecordCoder} for why
 * that matters on the DirectRunner). The accessors are rebuilt lazily wherever they are deserialized.
 */
final class CompactAutoValueSchema implements SchemaProvider {
  private static final AutoValueSchema AUTO_VALUE = new AutoValueSchema();

  @Override
  public <T> Schema schemaFor(TypeDescriptor<T> type) {
    return AUTO_VALUE.schemaFor(type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> SerializableFunction<T, Row> toRowFunction(TypeDescriptor<T> type) {
    return new ToRow<>((Class<T>) type.getRawType());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> SerializableFunction<Row, T> fromRowFunction(TypeDescriptor<T> type) {
    return new FromRow<>((Class<T>) type.getRawType());
  }

  static final class ToRow<T> implements SerializableFunction<T, Row> {
    private final Class<T> type;
    private transient SerializableFunction<T, Row> delegate;

    ToRow(Class<T> type) {
      this.type = type;
    }

    @Override
    public Row apply(T value) {
      if (delegate == null) {
        delegate = AUTO_VALUE.toRowFunction(TypeDescriptor.of(type));
      }
      return delegate.apply(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ToRow && ((ToRow<?>) o).type.equals(type);
    }

    @Override
    public int hashCode() {
      return type.hashCode();
    }
  }

  static final class FromRow<T> implements SerializableFunction<Row, T> {
    private final Class<T> type;
    private transient SerializableFunction<Row, T> delegate;

    FromRow(Class<T> type) {
      this.type = type;
    }

    @Override
    public T apply(Row row) {
      if (delegate == null) {
        delegate = AUTO_VALUE.fromRowFunction(TypeDescriptor.of(type));
      }
      return delegate.apply(row);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FromRow && ((FromRow<?>) o).type.equals(type);
    }

    @Override
    public int hashCode() {
      return 31 * type.hashCode();
    }
  }
}
