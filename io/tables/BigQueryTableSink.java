package io.tables;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.BigQuerySchemas;
import schemas.DeadLetter;
import schemas.RecordCoder;
import schemas.SchemaCoders;
import schemas.TableSpec;
import schemas.Tables;

/**
 * BigQuery sink. Each date partition a run writes is replaced by one load job into {@code <table>$YYYYMMDD}
 * with WRITE_TRUNCATE: a partition's load is atomic, so a rerun, or two runs over overlapping ranges, leave
 * each date with exactly the last run's rows, and load jobs cost no DML quota. A table partitioned on another
 * column (dead letters, by source file) becomes one table per value, {@code <table>__<value>}, replaced whole;
 * query them together as {@code <table>__*}.
 *
 * <p>A load job is all-or-nothing: one row BigQuery refuses fails its whole partition, and the job. So rows are
 * checked first against the same TableSchema (a REQUIRED column without a value, a partition date outside
 * BigQuery's range) and against what the tables promise their readers (finite numbers), and the ones that fail
 * go to {@code dead_letter__bigquery_<table>} with the reason and the row's JSON, instead of failing the job.
 */
public final class BigQueryTableSink implements TableSink {
  public static final String METRICS_NAMESPACE = NdjsonTableSink.METRICS_NAMESPACE;
  /** BigQuery's range of time-unit column partitions. */
  static final LocalDate FIRST_PARTITION = LocalDate.of(1960, 1, 1);
  static final LocalDate LAST_PARTITION = LocalDate.of(2159, 12, 31);

  private final BigQueryDatasets datasets;
  private final TableSink documents;
  private final @Nullable BigQueryServices testServices;

  /**
   * @param documents where the web export's documents go (files: a web server serves them, BigQuery does not)
   * @param testServices Beam's BigQuery fakes in tests; null for BigQuery itself
   */
  public BigQueryTableSink(BigQueryDatasets datasets, TableSink documents, @Nullable BigQueryServices testServices) {
    this.datasets = datasets;
    this.documents = documents;
    this.testServices = testServices;
  }

  /** Where one partition of a table goes: a date's decorator, or the per-value table. */
  public static String destinationOf(String tableSpec, TableSpec<?> table, String partition) {
    if (table.isDatePartitioned()) {
      return tableSpec + "$" + partition.replace("-", "");
    }
    return tableSpec + "__" + partition.toLowerCase().replaceAll("[^a-z0-9_]", "_");
  }

  public static String rejectedSource(TableSpec<?> table) {
    return "bigquery_" + table.name();
  }

  static final TupleTag<KV<String, TableRow>> ACCEPTED = new TupleTag<>() {};
  static final TupleTag<DeadLetter> REJECTED = new TupleTag<>() {};

  @Override
  public <T> void write(PCollection<T> rows, TableSpec<T> table) {
    write(rows, table, table.name());
  }

  private <T> void write(PCollection<T> rows, TableSpec<T> table, String name) {
    if (rows.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      // A partition replaced by a load job needs the whole partition at once; a live stream never has it.
      throw new IllegalArgumentException(
          table.name() + " is written while the run watches for new files; BigQuery partitions are replaced by batch "
              + "loads, so same-day --watch writes to files (--sink=files)");
    }
    SchemaCoder<T> coder = RecordCoder.of(table.recordClass()).schemaCoder();
    TableSchema schema = BigQuerySchemas.tableSchema(table);
    PCollectionTuple checked =
        rows.apply(
            name + "/ToTableRow",
            ParDo.of(new ToTableRowFn<>(table, coder.getToRowFunction()))
                .withOutputTags(ACCEPTED, TupleTagList.of(REJECTED)));
    checked.get(REJECTED).setCoder(SchemaCoders.of(DeadLetter.class));
    load(checked.get(ACCEPTED).setCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of())), table, schema, name);
    if (!table.equals(Tables.DEAD_LETTER)) {
      write(checked.get(REJECTED), Tables.DEAD_LETTER, name + "/Rejected");
    }
  }

  private void load(PCollection<KV<String, TableRow>> rows, TableSpec<?> table, TableSchema schema, String name) {
    String spec = datasets.spec(table);
    String partitioning = table.isDatePartitioned() ? toJson(BigQuerySchemas.timePartitioning(table)) : null;
    String clustering = toJson(BigQuerySchemas.clustering(table));
    SerializableFunction<org.apache.beam.sdk.values.ValueInSingleWindow<KV<String, TableRow>>, TableDestination> to =
        v -> new TableDestination(destinationOf(spec, table, v.getValue().getKey()), null, partitioning, clustering);
    BigQueryIO.Write<KV<String, TableRow>> write =
        BigQueryIO.<KV<String, TableRow>>write()
            .to(to)
            .withFormatFunction(KV::getValue)
            .withSchema(schema)
            .withClustering()
            .withMethod(BigQueryIO.Write.Method.FILE_LOADS)
            .withCreateDisposition(BigQueryIO.Write.CreateDisposition.CREATE_IF_NEEDED)
            .withWriteDisposition(BigQueryIO.Write.WriteDisposition.WRITE_TRUNCATE);
    if (testServices != null) {
      write = write.withTestServices(testServices);
    }
    rows.apply(name + "/LoadPartitions", write);
  }

  private static String toJson(Object o) {
    try {
      return com.google.api.client.json.gson.GsonFactory.getDefaultInstance().toString(o);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void writeDocuments(PCollection<KV<String, String>> documents, String folder) {
    this.documents.writeDocuments(documents, folder);
  }

  /** A record as BigQuery's TableRow, keyed by its partition, or a dead letter saying why BigQuery would refuse it. */
  static final class ToTableRowFn<T> extends DoFn<T, KV<String, TableRow>> {
    private final TableSpec<T> table;
    private final SerializableFunction<T, Row> toRow;
    private transient TableSchema schema;
    private final Counter written;
    private final Counter rejected;

    ToTableRowFn(TableSpec<T> table, SerializableFunction<T, Row> toRow) {
      this.table = table;
      this.toRow = toRow;
      this.written = Metrics.counter(METRICS_NAMESPACE, NdjsonTableSink.rowsWrittenCounter(table.name()));
      this.rejected = Metrics.counter(METRICS_NAMESPACE, table.name() + ":rows_rejected");
    }

    @Setup
    public void setup() {
      schema = BigQuerySchemas.tableSchema(table);
    }

    @ProcessElement
    public void process(@Element T record, MultiOutputReceiver out) {
      TableRow row = BigQueryUtils.toTableRow(toRow.apply(record));
      String partition = table.partitionOf(record);
      String problem = problem(row, schema.getFields(), table, partition);
      if (problem == null) {
        written.inc();
        out.get(ACCEPTED).output(KV.of(partition, row));
      } else {
        rejected.inc();
        out.get(REJECTED).output(DeadLetter.of(rejectedSource(table), 0, row.toString(), problem));
      }
    }
  }

  /** Why BigQuery would refuse the row, or null. */
  static @Nullable String problem(TableRow row, List<TableFieldSchema> fields, TableSpec<?> table, String partition) {
    if (table.isDatePartitioned()) {
      try {
        LocalDate d = LocalDate.parse(partition);
        if (d.isBefore(FIRST_PARTITION) || d.isAfter(LAST_PARTITION)) {
          return table.partitionColumn() + " " + partition + " is outside BigQuery's partition range "
              + FIRST_PARTITION + ".." + LAST_PARTITION;
        }
      } catch (DateTimeParseException e) {
        return table.partitionColumn() + " '" + partition + "' is not a DATE";
      }
    }
    for (TableFieldSchema f : fields) {
      Object v = row.get(f.getName());
      if (v == null) {
        if ("REQUIRED".equals(f.getMode())) {
          return "REQUIRED column " + f.getName() + " has no value";
        }
        continue;
      }
      if ("FLOAT64".equals(f.getType()) || "FLOAT".equals(f.getType())) {
        // BigQueryUtils renders FLOAT64 values as strings, NaN and infinities included.
        for (Object x : v instanceof Collection ? (Collection<?>) v : List.of(v)) {
          double d = x instanceof Number ? ((Number) x).doubleValue() : Double.parseDouble(String.valueOf(x));
          if (!Double.isFinite(d)) {
            return "column " + f.getName() + " holds " + x + ": stored numbers are finite (a NaN poisons every aggregate over it)";
          }
        }
      }
    }
    return null;
  }
}
