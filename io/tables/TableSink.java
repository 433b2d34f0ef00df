package io.tables;

import java.io.Serializable;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import schemas.TableSpec;

/**
 * Where a pipeline's tables go. A pipeline hands each table to its sink and never knows whether it is local
 * files or BigQuery. Every implementation replaces the partitions it writes: a rerun never adds rows.
 */
public interface TableSink extends Serializable {
  <T> void write(PCollection<T> rows, TableSpec<T> table);

  /** Documents for the web page (Phase 6): (name, JSON text), each replacing {@code <folder>/<name>.json}. */
  void writeDocuments(PCollection<KV<String, String>> documents, String folder);
}
