package io.tables;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import schemas.TableSpec;

/**
 * Where a run reads a persisted upstream table (files of an earlier run, or BigQuery). It only reads: whether
 * what it finds is complete and fresh enough is the consumer's gate to decide, from {@link #partitionsIn}.
 */
public interface TableSource {
  /** The table's date partitions in start..end (inclusive, ISO dates) that hold rows, each with its write time (epoch ms). */
  Map<String, Long> partitionsIn(TableSpec<?> table, String start, String end) throws IOException;

  /** The rows of the given partitions. */
  <T> PCollection<T> read(Pipeline p, String name, TableSpec<T> table, Collection<String> partitions);
}
