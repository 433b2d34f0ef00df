package io.tables;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.beam.sdk.schemas.SchemaCoder;
import schemas.RecordCoder;
import schemas.TableSpec;

/**
 * Local (or any Beam file system) sink: {@code <outputDir>/<table>/<partition>.json}, newline-delimited JSON,
 * one object per row with the table's column names as keys, rows sorted so that a file's content depends only
 * on its rows. One file per partition, written through a temporary file and moved into place, so a rerun
 * replaces each partition it writes; {@link #removeStalePartitions} then deletes the in-scope partitions the
 * rerun did not write (a date that lost all its rows).
 */
public final class NdjsonTableSink implements TableSink {
  public static final String METRICS_NAMESPACE = "output";
  public static final String EXTENSION = ".json";

  private final String outputDir;
  private final Set<String> tablesWritten = new TreeSet<>();

  public NdjsonTableSink(String outputDir) {
    this.outputDir = outputDir;
  }

  /** The tables handed to this sink so far: the only ones whose stale partitions a run may remove. */
  public Set<String> tablesWritten() {
    return Collections.unmodifiableSet(tablesWritten);
  }

  public static String rowsWrittenCounter(String table) {
    return table + ":rows_written";
  }

  @Override
  public <T> void write(PCollection<T> rows, TableSpec<T> table) {
    String name = table.name();
    tablesWritten.add(name);
    SchemaCoder<T> schema = RecordCoder.of(table.recordClass()).schemaCoder();
    rows.apply(name + "/ToJson", ParDo.of(new ToJsonLineFn<>(table, schema.getSchema(), schema.getToRowFunction())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply(name + "/GroupByPartition", GroupByKey.create())
        .apply(name + "/WritePartition", ParDo.of(new WritePartitionFn(tableDir(name))));
  }

  @Override
  public void writeDocuments(PCollection<KV<String, String>> documents, String folder) {
    documents
        .apply(folder + "/GroupByDocument", GroupByKey.create())
        .apply(folder + "/WriteDocument", ParDo.of(new WritePartitionFn(tableDir(folder))));
  }

  public String tableDir(String table) {
    return outputDir.endsWith("/") ? outputDir + table : outputDir + "/" + table;
  }

  /**
   * Deletes the partition files of a table that this run did not (re)write — older than the run's start — and
   * that lie in the run's scope. Call only after the run succeeded.
   */
  public List<String> removeStalePartitions(String table, Predicate<String> inScope, long runStartMillis)
      throws IOException {
    MatchResult match =
        FileSystems.match(tableDir(table) + "/*" + EXTENSION, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    List<ResourceId> stale = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    if (match.status() != MatchResult.Status.OK) {
      return removed;
    }
    for (MatchResult.Metadata m : match.metadata()) {
      String file = m.resourceId().getFilename();
      String partition = file.substring(0, file.length() - EXTENSION.length());
      if (inScope.test(partition) && m.lastModifiedMillis() < runStartMillis) {
        stale.add(m.resourceId());
        removed.add(partition);
      }
    }
    FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return removed;
  }

  static final class ToJsonLineFn<T> extends DoFn<T, KV<String, String>> {
    private final TableSpec<T> table;
    private final Schema schema;
    private final SerializableFunction<T, Row> toRow;
    private transient ObjectMapper mapper;
    private final Counter written;

    ToJsonLineFn(TableSpec<T> table, Schema schema, SerializableFunction<T, Row> toRow) {
      this.table = table;
      this.schema = schema;
      this.toRow = toRow;
      this.written = Metrics.counter(METRICS_NAMESPACE, rowsWrittenCounter(table.name()));
    }

    @Setup
    public void setup() {
      mapper = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonSerializer.forSchema(schema));
    }

    @ProcessElement
    public void process(@Element T row, OutputReceiver<KV<String, String>> out) {
      written.inc();
      out.output(KV.of(table.partitionOf(row), RowJsonUtils.rowToJson(mapper, toRow.apply(row))));
    }
  }

  /**
   * Writes one partition's file: sorted lines to a temporary name beside it, then a rename over the final name,
   * so a reader never sees half a file and a retried bundle rewrites the same bytes. This replaces FileIO's
   * sharded write (three grouping steps per table) because a partition is exactly one file here.
   */
  static final class WritePartitionFn extends DoFn<KV<String, Iterable<String>>, Void> {
    private final String dir;

    WritePartitionFn(String dir) {
      this.dir = dir;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> partition) throws IOException {
      List<String> lines = new ArrayList<>();
      partition.getValue().forEach(lines::add);
      lines.sort(null);
      ResourceId target = FileSystems.matchNewResource(dir + "/" + partition.getKey() + EXTENSION, false);
      ResourceId temp =
          FileSystems.matchNewResource(dir + "/." + partition.getKey() + EXTENSION + "." + UUID.randomUUID() + ".tmp", false);
      try (WritableByteChannel ch = FileSystems.create(temp, "application/x-ndjson");
          Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8)) {
        for (String line : lines) {
          w.write(line);
          w.write('\n');
        }
      }
      FileSystems.rename(List.of(temp), List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
