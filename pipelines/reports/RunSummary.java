package pipelines.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tables.NdjsonTableSink;
import io.csv.ReadCsvRecords;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.util.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run_summary.json}: what a run read, accepted, dead-lettered and wrote, from the run's Beam counters
 * (so the figures are the pipeline's own, on any runner). Per input file it states whether
 * {@code rows_read = rows_accepted + rows_dead_lettered} holds.
 */
public final class RunSummary {
  private static final Logger LOG = LoggerFactory.getLogger(RunSummary.class);
  public static final String FILE_NAME = "run_summary.json";

  /** counters[namespace][name] = value. */
  private final Map<String, Map<String, Long>> counters = new TreeMap<>();
  private final ObjectNode json;

  private RunSummary(ObjectNode json) {
    this.json = json;
  }

  public static RunSummary from(PipelineResult result, ObjectNode header) {
    RunSummary s = new RunSummary(header);
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : metrics.getCounters()) {
      long value;
      try {
        value = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        value = c.getAttempted();
      }
      s.counters
          .computeIfAbsent(c.getName().getNamespace(), k -> new TreeMap<>())
          .merge(c.getName().getName(), value, Long::sum);
    }
    s.build();
    return s;
  }

  public long counter(String namespace, String name) {
    return counters.getOrDefault(namespace, Map.of()).getOrDefault(name, 0L);
  }

  private void build() {
    ObjectNode inputs = json.putObject("inputs");
    Map<String, Long> in = counters.getOrDefault(ReadCsvRecords.METRICS_NAMESPACE, Map.of());
    for (String key : in.keySet()) {
      String file = key.substring(0, key.lastIndexOf(':'));
      if (inputs.has(file)) {
        continue;
      }
      ObjectNode f = inputs.putObject(file);
      long read = in.getOrDefault(ReadCsvRecords.counterName(file, "rows_read"), 0L);
      long accepted = in.getOrDefault(ReadCsvRecords.counterName(file, "rows_accepted"), 0L);
      long dead = in.getOrDefault(ReadCsvRecords.counterName(file, "rows_dead_lettered"), 0L);
      f.put("rows_read", read);
      f.put("rows_accepted", accepted);
      f.put("rows_dead_lettered", dead);
      f.put("reconciled", read == accepted + dead);
      for (String problem : List.of("file_empty", "file_header_only")) {
        if (in.containsKey(ReadCsvRecords.counterName(file, problem))) {
          f.put("problem", problem);
        }
      }
    }
    ObjectNode tables = json.putObject("tables");
    Map<String, Long> out = counters.getOrDefault(NdjsonTableSink.METRICS_NAMESPACE, Map.of());
    out.forEach((k, v) -> tables.putObject(k.substring(0, k.lastIndexOf(':'))).put("rows_written", v));
    ObjectNode other = json.putObject("counters");
    counters.forEach(
        (ns, values) -> {
          if (!ns.equals(ReadCsvRecords.METRICS_NAMESPACE) && !ns.equals(NdjsonTableSink.METRICS_NAMESPACE)) {
            ObjectNode n = other.putObject(ns);
            values.forEach(n::put);
          }
        });
  }

  public ObjectNode json() {
    return json;
  }

  /** One line per input file: the reconciliation a person checks first. */
  public void log() {
    json.get("inputs")
        .fields()
        .forEachRemaining(
            e ->
                LOG.info(
                    "{}: read {} = accepted {} + dead-lettered {}{}",
                    e.getKey(),
                    e.getValue().get("rows_read").asLong(),
                    e.getValue().get("rows_accepted").asLong(),
                    e.getValue().get("rows_dead_lettered").asLong(),
                    e.getValue().get("reconciled").asBoolean() ? "" : "  <-- DOES NOT RECONCILE"));
    json.get("tables")
        .fields()
        .forEachRemaining(e -> LOG.info("{}: {} rows written", e.getKey(), e.getValue().get("rows_written").asLong()));
  }

  public void write(String outputDir) throws IOException {
    RunFiles.writeText(outputDir, FILE_NAME,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n", MimeTypes.TEXT);
  }
}
