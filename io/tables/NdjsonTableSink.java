package io.tables;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.checkerframework.checker.nullness.qual.Nullable;
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
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
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
 * replaces each partition it writes.
 *
 * <p>A sink made with a run id also keeps the run's <b>manifest</b>: the write step records each partition it
 * committed as an empty object {@code <outputDir>/_runs/<runId>/<table>=<partition>}. One object per partition,
 * written by the worker that wrote the partition, so it needs no grouping (a watch's panes never end) and works
 * on any Beam file system. After the run the driver reads it ({@link #manifest}) to know what this run wrote,
 * instead of comparing file times with its own clock; {@link #removeStalePartitions} deletes only what the
 * manifest lacks.
 */
public final class NdjsonTableSink implements TableSink {
  public static final String METRICS_NAMESPACE = "output";
  public static final String EXTENSION = ".json";
  public static final String RUNS_FOLDER = "_runs";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String PANE_SUFFIX = ".pane";

  private final String outputDir;
  private final @Nullable String runId;
  private final Set<String> tablesWritten = new TreeSet<>();

  /** A sink that keeps no manifest (a layout for readers and tests). */
  public NdjsonTableSink(String outputDir) {
    this(outputDir, null);
  }

  /** A sink whose writes are recorded in the manifest of {@code runId}. */
  public NdjsonTableSink(String outputDir, @Nullable String runId) {
    this.outputDir = outputDir;
    this.runId = runId;
  }

  /** The tables handed to this sink so far: the only ones whose stale partitions a run may remove. */
  public Set<String> tablesWritten() {
    return Collections.unmodifiableSet(tablesWritten);
  }

  /** Counters a running job is watched by (README "Progress"): here, date partitions committed per table. */
  public static final String PROGRESS_NAMESPACE = "progress";

  public static String datePartitionsCounter(String table) {
    return "date_partitions:" + table;
  }

  public static String rowsWrittenCounter(String table) {
    return table + ":rows_written";
  }

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * The shuffle key of a partition's lines: for a partition named by a date, its month ({@code yyyy-MM}); else the
   * partition itself. A group then holds the lines of one partition, or of the dates of one month (all of one window:
   * a table built per day is in daily windows, so its groups are still one date each), and is written partition by
   * partition. Why not the partition: the DirectRunner makes every key a bundle through the write step, and a season
   * is ~160 dates per table (profiled: the writes' group and write steps were ~4,400 bundles of a backfill); on
   * Dataflow a season's ~8 months are still ~8 keys written in parallel.
   */
  static String shardOf(String partition) {
    return DATE.matcher(partition).matches() ? partition.substring(0, 7) : partition;
  }

  @Override
  public <T> void write(PCollection<T> rows, TableSpec<T> table) {
    String name = table.name();
    tablesWritten.add(name);
    SchemaCoder<T> schema = RecordCoder.of(table.recordClass()).schemaCoder();
    rows.apply(name + "/ToJson", ParDo.of(new ToJsonLineFn<>(table, schema.getSchema(), schema.getToRowFunction())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(name + "/GroupByPartition", GroupByKey.create())
        .apply(name + "/WritePartition", ParDo.of(new WritePartitionFn(tableDir(name), name, manifestDir(), runId, table.isDatePartitioned())));
  }

  @Override
  public void writeDocuments(PCollection<KV<String, String>> documents, String folder) {
    documents
        .apply(folder + "/ShardDocuments", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via(d -> KV.of(shardOf(d.getKey()), d)))
        .apply(folder + "/GroupByDocument", GroupByKey.create())
        .apply(folder + "/WriteDocument", ParDo.of(new WritePartitionFn(tableDir(folder), folder, manifestDir(), runId, false)));
  }

  public String tableDir(String table) {
    return outputDir.endsWith("/") ? outputDir + table : outputDir + "/" + table;
  }

  private @Nullable String manifestDir() {
    return runId == null ? null : manifestDir(outputDir, runId);
  }

  static String manifestDir(String outputDir, String runId) {
    return join(join(outputDir, RUNS_FOLDER), runId);
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** What the run {@code runId} wrote into {@code outputDir}: table (or document folder) → its partitions. */
  public static Map<String, Set<String>> manifest(String outputDir, String runId) throws IOException {
    Map<String, Set<String>> written = new TreeMap<>();
    MatchResult match =
        FileSystems.match(manifestDir(outputDir, runId) + "/*", EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    if (match.status() != MatchResult.Status.OK) {
      return written;
    }
    for (MatchResult.Metadata m : match.metadata()) {
      String entry = m.resourceId().getFilename();
      int eq = entry.indexOf('=');
      if (eq > 0) {
        written.computeIfAbsent(entry.substring(0, eq), t -> new TreeSet<>()).add(entry.substring(eq + 1));
      }
    }
    return written;
  }

  /** Deletes the manifest of {@code runId} once the driver has used it. */
  public static void removeManifest(String outputDir, String runId) throws IOException {
    MatchResult match =
        FileSystems.match(manifestDir(outputDir, runId) + "/*", EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    if (match.status() != MatchResult.Status.OK) {
      return;
    }
    List<ResourceId> entries = new ArrayList<>();
    match.metadata().forEach(m -> entries.add(m.resourceId()));
    FileSystems.delete(entries, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * Deletes the partition files of a table that lie in the run's scope and that the run did not write (not in
   * its manifest), with their pane records. Call only after the run succeeded.
   */
  public List<String> removeStalePartitions(String table, Predicate<String> inScope, Set<String> written)
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
      if (!file.startsWith(".") && inScope.test(partition) && !written.contains(partition)) {
        stale.add(m.resourceId());
        stale.add(FileSystems.matchNewResource(paneRecord(tableDir(table), partition), false));
        removed.add(partition);
      }
    }
    FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return removed;
  }

  /**
   * Deletes the temporary files a failed or killed write left in a table's folder. Call only after a run
   * succeeded: every write of that run has committed by then, so any temporary file left is a leftover.
   */
  public List<String> removeLeftoverTemporaries(String table) throws IOException {
    MatchResult match =
        FileSystems.match(tableDir(table) + "/.*" + TEMP_SUFFIX, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    List<String> removed = new ArrayList<>();
    if (match.status() != MatchResult.Status.OK) {
      return removed;
    }
    List<ResourceId> temps = new ArrayList<>();
    for (MatchResult.Metadata m : match.metadata()) {
      temps.add(m.resourceId());
      removed.add(m.resourceId().getFilename());
    }
    FileSystems.delete(temps, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return removed;
  }

  static String paneRecord(String dir, String partition) {
    return dir + "/." + partition + EXTENSION + PANE_SUFFIX;
  }

  /** A row as (its partition's shuffle key, (its partition, its JSON line)). */
  static final class ToJsonLineFn<T> extends DoFn<T, KV<String, KV<String, String>>> {
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
    public void process(@Element T row, OutputReceiver<KV<String, KV<String, String>>> out) {
      written.inc();
      String partition = table.partitionOf(row);
      out.output(KV.of(shardOf(partition), KV.of(partition, RowJsonUtils.rowToJson(mapper, toRow.apply(row)))));
    }
  }

  /**
   * Writes one partition's file: sorted lines to a temporary name beside it, then a rename over the final name,
   * so a reader never sees half a file and a retried bundle rewrites the same bytes. This replaces FileIO's
   * sharded write (three grouping steps per table) because a partition is exactly one file here.
   *
   * <p>A partition that fires more than once (the same-day watch's accumulating panes) is guarded by a pane
   * record beside it, {@code .<partition>.json.pane} holding "runId paneIndex": a pane first records its index,
   * then writes, and a pane older than the recorded one (a retried bundle, on a runner that retries after a
   * newer pane committed) writes nothing. Recording first means a crash between the two steps leaves the
   * record ahead of the file, which the retry of that same pane (an equal index) then completes. A partition
   * written once (every bounded run) has no other pane to race with and gets no record.
   */
  static final class WritePartitionFn extends DoFn<KV<String, Iterable<KV<String, String>>>, Void> {
    private final String dir;
    private final String table;
    private final @Nullable String manifestDir;
    private final @Nullable String runId;
    private final Counter olderPanesSkipped;
    private final @Nullable Counter datesCommitted;

    WritePartitionFn(String dir, String table, @Nullable String manifestDir, @Nullable String runId, boolean byDate) {
      this.dir = dir;
      this.table = table;
      this.manifestDir = manifestDir;
      this.runId = runId;
      this.olderPanesSkipped = Metrics.counter(METRICS_NAMESPACE, table + ":older_panes_skipped");
      this.datesCommitted = byDate ? Metrics.counter(PROGRESS_NAMESPACE, datePartitionsCounter(table)) : null;
    }

    /** A group's partitions ({@link #shardOf}), each written whole as of the group's pane. */
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, String>>> group, PaneInfo pane) throws IOException {
      Map<String, List<String>> partitions = new TreeMap<>();
      for (KV<String, String> line : group.getValue()) {
        partitions.computeIfAbsent(line.getKey(), k -> new ArrayList<>()).add(line.getValue());
      }
      for (Map.Entry<String, List<String>> partition : partitions.entrySet()) {
        write(partition.getKey(), partition.getValue(), pane);
      }
    }

    /** Writes {@code partition} as of {@code pane}; false when a newer pane of this run already wrote it. */
    boolean write(String partition, Iterable<String> rows, PaneInfo pane) throws IOException {
      boolean guarded = !(pane.isFirst() && pane.isLast());
      if (guarded) {
        ResourceId record = FileSystems.matchNewResource(paneRecord(dir, partition), false);
        String recorded = readOrNull(record);
        String[] parts = recorded == null ? new String[0] : recorded.trim().split(" ");
        String thisRun = String.valueOf(runId);
        if (parts.length == 2 && parts[0].equals(thisRun) && Long.parseLong(parts[1]) > pane.getIndex()) {
          olderPanesSkipped.inc();
          return false;
        }
        writeText(record, thisRun + " " + pane.getIndex() + "\n");
      }
      List<String> lines = new ArrayList<>();
      rows.forEach(lines::add);
      lines.sort(null);
      ResourceId target = FileSystems.matchNewResource(dir + "/" + partition + EXTENSION, false);
      ResourceId temp = FileSystems.matchNewResource(
          dir + "/." + partition + EXTENSION + ".pane" + pane.getIndex() + "." + UUID.randomUUID() + TEMP_SUFFIX, false);
      try (WritableByteChannel ch = FileSystems.create(temp, "application/x-ndjson");
          Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8)) {
        for (String line : lines) {
          w.write(line);
          w.write('\n');
        }
      }
      FileSystems.rename(List.of(temp), List.of(target), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      if (manifestDir != null) {
        writeText(FileSystems.matchNewResource(manifestDir + "/" + table + "=" + partition, false), "");
      }
      if (datesCommitted != null) {
        datesCommitted.inc();
      }
      return true;
    }

    private static @Nullable String readOrNull(ResourceId file) throws IOException {
      try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
        return null;
      }
    }

    private static void writeText(ResourceId file, String text) throws IOException {
      try (WritableByteChannel ch = FileSystems.create(file, "text/plain")) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }
}
