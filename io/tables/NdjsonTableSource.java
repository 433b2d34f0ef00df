package io.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import schemas.RecordCoder;
import schemas.UpstreamNotReadyException;
import schemas.TableSpec;

/**
 * Reads back tables that {@link NdjsonTableSink} wrote under an output folder: a persisted upstream that a
 * later run consumes instead of recomputing it. It only reads; whether what it finds is complete and fresh
 * enough is the consumer's gate to decide, from {@link #partitionsIn} (each partition file's write time).
 */
public final class NdjsonTableSource implements TableSource {
  private final NdjsonTableSink layout;

  public NdjsonTableSource(String outputDir) {
    this.layout = new NdjsonTableSink(outputDir);
  }

  /** Partition → write time (epoch millis) of each partition file of the table; empty when there is none. */
  public Map<String, Long> partitions(String table) throws IOException {
    MatchResult match =
        FileSystems.match(layout.tableDir(table) + "/*" + NdjsonTableSink.EXTENSION, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    Map<String, Long> out = new TreeMap<>();
    if (match.status() != MatchResult.Status.OK) {
      return out;
    }
    for (MatchResult.Metadata m : match.metadata()) {
      String file = m.resourceId().getFilename();
      out.put(file.substring(0, file.length() - NdjsonTableSink.EXTENSION.length()), m.lastModifiedMillis());
    }
    return out;
  }

  @Override
  public Map<String, Long> partitionsIn(TableSpec<?> table, String start, String end) throws IOException {
    Map<String, Long> in = new TreeMap<>();
    partitions(table.name()).forEach((partition, at) -> {
      if (partition.compareTo(start) >= 0 && partition.compareTo(end) <= 0) {
        in.put(partition, at);
      }
    });
    return in;
  }

  /** The rows of the given partitions (absent ones read as empty). A line that is not a row fails the read. */
  @Override
  public <T> PCollection<T> read(Pipeline p, String name, TableSpec<T> table, Collection<String> partitions) {
    List<String> files = new ArrayList<>();
    for (String partition : partitions) {
      files.add(layout.tableDir(table.name()) + "/" + partition + NdjsonTableSink.EXTENSION);
    }
    SchemaCoder<T> schema = RecordCoder.of(table.recordClass()).schemaCoder();
    return p.apply(name + "/Partitions", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply(name + "/ReadRows", ParDo.of(new ReadRowsFn<>(table.name(), schema.getSchema(), schema.getFromRowFunction())))
        .setCoder(RecordCoder.of(table.recordClass()));
  }

  static final class ReadRowsFn<T> extends DoFn<String, T> {
    private final String table;
    private final Schema schema;
    private final SerializableFunction<Row, T> fromRow;
    private transient ObjectMapper mapper;

    ReadRowsFn(String table, Schema schema, SerializableFunction<Row, T> fromRow) {
      this.table = table;
      this.schema = schema;
      this.fromRow = fromRow;
    }

    @Setup
    public void setup() {
      mapper = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonDeserializer.forSchema(schema));
    }

    @ProcessElement
    public void process(@Element String file, OutputReceiver<T> out) throws IOException {
      MatchResult match = FileSystems.match(file, EmptyMatchTreatment.ALLOW);
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        return;
      }
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(FileSystems.open(match.metadata().get(0).resourceId())), StandardCharsets.UTF_8))) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          try {
            out.output(fromRow.apply(RowJsonUtils.jsonToRow(mapper, line)));
          } catch (RuntimeException e) {
            throw new UpstreamNotReadyException(
                "persisted table " + table + ": " + file + " line " + n + " is not a row of the table (" + e.getMessage()
                    + "); the upstream is damaged or from another schema version: rebuild it", e);
          }
        }
      }
    }
  }
}
