package io.tables;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.RecordCoder;
import schemas.TableSpec;

/**
 * Reads persisted upstream tables back from BigQuery (the datasets {@link BigQueryTableSink} writes). A date's
 * presence and write time come from its partition's own metadata ({@code tables.get} on {@code table$YYYYMMDD}:
 * its row count and last-modified time), so the consumer's gate sees the same facts as with files.
 */
public final class BigQueryTableSource implements TableSource {
  private final BigQueryDatasets datasets;
  private final BigQueryOptions options;
  private final @Nullable BigQueryServices testServices;

  public BigQueryTableSource(BigQueryDatasets datasets, BigQueryOptions options, @Nullable BigQueryServices testServices) {
    this.datasets = datasets;
    this.options = options;
    this.testServices = testServices;
  }

  @Override
  public Map<String, Long> partitionsIn(TableSpec<?> table, String start, String end) throws IOException {
    BigQueryServices services = testServices != null ? testServices : new BigQueryServicesImpl();
    Map<String, Long> out = new TreeMap<>();
    try (BigQueryServices.DatasetService ds = services.getDatasetService(options)) {
      for (LocalDate d = LocalDate.parse(start); !d.isAfter(LocalDate.parse(end)); d = d.plusDays(1)) {
        Table partition = ds.getTable(datasets.reference(table, d.toString()));
        BigInteger rows = partition == null ? null : partition.getNumRows();
        if (rows != null && rows.signum() > 0 && partition.getLastModifiedTime() != null) {
          out.put(d.toString(), partition.getLastModifiedTime().longValue());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("reading the partitions of " + table.name() + " in BigQuery: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public <T> PCollection<T> read(Pipeline p, String name, TableSpec<T> table, Collection<String> partitions) {
    BigQueryIO.TypedRead<TableRow> read =
        BigQueryIO.readTableRows()
            .from(datasets.spec(table))
            .withMethod(BigQueryIO.TypedRead.Method.EXPORT);
    if (testServices != null) {
      read = read.withTestServices(testServices);
    }
    return p.apply(name + "/Export", read)
        .apply(name + "/ToRecords", ParDo.of(toRecords(table, partitions)))
        .setCoder(RecordCoder.of(table.recordClass()));
  }

  /** The conversion of exported rows (BigQuery's TableRow, numbers as strings) to records of the asked partitions. */
  public static <T> DoFn<TableRow, T> toRecords(TableSpec<T> table, Collection<String> partitions) {
    SchemaCoder<T> coder = RecordCoder.of(table.recordClass()).schemaCoder();
    return new ToRecordFn<>(table, new HashSet<>(partitions), coder.getSchema(), coder.getFromRowFunction());
  }

  /** A row of the asked partitions as its record; rows of other partitions are not this run's. */
  static final class ToRecordFn<T> extends DoFn<TableRow, T> {
    private final TableSpec<T> table;
    private final Set<String> partitions;
    private final Schema schema;
    private final SerializableFunction<Row, T> fromRow;

    ToRecordFn(TableSpec<T> table, Set<String> partitions, Schema schema, SerializableFunction<Row, T> fromRow) {
      this.table = table;
      this.partitions = partitions;
      this.schema = schema;
      this.fromRow = fromRow;
    }

    @ProcessElement
    public void process(@Element TableRow row, OutputReceiver<T> out) {
      if (partitions.contains(String.valueOf(row.get(table.partitionColumn())))) {
        out.output(fromRow.apply(BigQueryUtils.toBeamRow(schema, row)));
      }
    }
  }
}
