package io.csv;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** How one kind of input file becomes records: its columns, and what one row means. */
public interface CsvRecordParser<T> extends Serializable {
  /** The columns a usable file must have (by header name; any others are ignored). */
  List<String> requiredColumns();

  /** The record of one row; throws with the dead-letter reason when the row is malformed or invalid. */
  T parse(Csv.Row row) throws InvalidRowException;

  /** A key under which a second row in the same file is a duplicate; null when duplicates are allowed. */
  default @Nullable String duplicateKey(T record) {
    return null;
  }
}
