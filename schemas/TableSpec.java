package schemas;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * What a sink needs to know of a table: its name, its record class (which is its schema), the column it is
 * partitioned on, and its key. A rerun replaces whole partitions, so a row's partition value must be part of
 * its key.
 */
public final class TableSpec<T> implements Serializable {
  private final String name;
  private final Class<T> recordClass;
  private final String partitionColumn;
  private final SerializableFunction<T, String> partitionOf;
  private final SerializableFunction<T, String> keyOf;
  private final boolean datePartitioned;

  private TableSpec(
      String name,
      Class<T> recordClass,
      String partitionColumn,
      SerializableFunction<T, String> partitionOf,
      SerializableFunction<T, String> keyOf,
      boolean datePartitioned) {
    this.name = name;
    this.recordClass = recordClass;
    this.partitionColumn = partitionColumn;
    this.partitionOf = partitionOf;
    this.keyOf = keyOf;
    this.datePartitioned = datePartitioned;
  }

  /** A table partitioned on an ISO date column. */
  public static <T> TableSpec<T> dated(
      String name,
      Class<T> recordClass,
      String dateColumn,
      SerializableFunction<T, String> dateOf,
      SerializableFunction<T, String> keyOf) {
    return new TableSpec<>(name, recordClass, dateColumn, dateOf, keyOf, true);
  }

  /** A table partitioned on a non-date column (e.g. dead letters by source file). */
  public static <T> TableSpec<T> byColumn(
      String name,
      Class<T> recordClass,
      String column,
      SerializableFunction<T, String> valueOf,
      SerializableFunction<T, String> keyOf) {
    return new TableSpec<>(name, recordClass, column, valueOf, keyOf, false);
  }

  public String name() {
    return name;
  }

  public Class<T> recordClass() {
    return recordClass;
  }

  public String partitionColumn() {
    return partitionColumn;
  }

  public String partitionOf(T row) {
    return partitionOf.apply(row);
  }

  public String keyOf(T row) {
    return keyOf.apply(row);
  }

  public boolean isDatePartitioned() {
    return datePartitioned;
  }

  @Override
  public String toString() {
    return name;
  }
}
