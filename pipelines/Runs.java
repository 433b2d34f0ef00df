package pipelines;

import pipelines.reports.HealthReport;
import pipelines.reports.Progress;
import pipelines.reports.RunSummary;
import org.apache.beam.sdk.metrics.MetricsFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inputs.InputFiles;
import io.tables.BigQueryDatasets;
import io.tables.BigQueryTableSink;
import io.tables.BigQueryTableSource;
import io.tables.NdjsonTableSource;
import io.tables.TableSource;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import io.tables.NdjsonTableSink;
import io.tables.TableSink;
import java.util.Map;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import schemas.BigQuerySchemas;
import io.inputs.SampleLeague;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import schemas.UpstreamNotReadyException;
import org.checkerframework.checker.nullness.qual.Nullable;
import java.util.function.Predicate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import schemas.TableSpec;
import schemas.Tables;
import schemas.vocabulary.GameDates;

/** What every pipeline's driver does around its graph: inputs, the run, the summary, the cleanup, the exit status. */
final class Runs {
  private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

  private Runs() {}

  /**
   * The local production profile: the DirectRunner's immutability and encodability checks clone every element
   * at every step, which is what tests are for (TestPipeline keeps them on) but more than halves a local run's
   * speed. A run from the command line turns them off unless its arguments set them.
   */
  static String[] withLocalProfile(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    for (String flag : List.of("--enforceImmutability", "--enforceEncodability")) {
      if (all.stream().noneMatch(a -> a.startsWith(flag))) {
        all.add(flag + "=false");
      }
    }
    return all.toArray(new String[0]);
  }

  /** What a pipeline adds to the common driver: its graph, its facts for the summary, and its dates in scope. */
  interface Graph {
    /** Builds the graph on {@code p}, adds the run's facts, and returns which dates the run rewrites. */
    Predicate<String> build(Pipeline p, InputFiles files, TableSink sink, ObjectNode facts)
        throws IOException, InputFiles.InputException;
  }

  /** What a pipeline checks once its run is done: why its result is unusable (exit 2, one line), or null. */
  interface Verdict {
    @Nullable String refusal(RunSummary summary);
  }

  static int drive(String name, NbaOptions options, Graph graph) {
    return drive(name, options, graph, summary -> null);
  }

  /**
   * The driver of every pipeline: find the inputs, build the graph, run it, summarize, and turn the outcome into
   * the exit status (0 done, 1 the run failed, 2 a usage or input problem printed as one {@code error:} line,
   * including a run whose {@code verdict} finds its result unusable).
   */
  static int drive(String name, NbaOptions options, Graph graph, Verdict verdict) {
    return drive(name, options, options.getOutputDir(), graph, verdict);
  }

  /** {@link #drive}, writing run_summary.json and the health report to {@code reportDir} instead of --outputDir. */
  static int drive(String name, NbaOptions options, String reportDir, Graph graph, Verdict verdict) {
    try {
      InputFiles files = InputFiles.discover(inputDir(options));
      files.refuseRejectedRequired(latestGameDate(options), options.getMaxRequiredInputRejectRate());
      if (files.dirs().size() > 1) {
        long start = System.nanoTime();
        files.refuseDoubledRows(latestGameDate(options));
        LOG.info("{} input folders: no row of one kind is in two of them (checked in {} s)", files.dirs().size(),
            Math.round((System.nanoTime() - start) / 1e9));
      }
      Pipeline p = Pipeline.create(options);
      String runId = newRunId();
      NdjsonTableSink local = new NdjsonTableSink(options.getOutputDir(), runId);
      TableSink sink = options.getSink() == NbaOptions.Storage.bigquery ? bigQuery(options, local) : local;
      ObjectNode facts = new ObjectMapper().createObjectNode();
      facts.put("sink", options.getSink().toString());
      Predicate<String> datesInScope = graph.build(p, files, sink, facts);
      return execute(name, p, options, reportDir, files, facts, runId, local.tablesWritten(), datesInScope, verdict);
    } catch (IllegalArgumentException | DateTimeParseException | InputFiles.InputException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (UpstreamNotReadyException e) {
      // Refused by the driver's preflight (PersistedUpstream), before the main graph was built.
      System.err.println("error: upstream not ready: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** A name for one run's manifest, unique across runs and sortable by start time. */
  static String newRunId() {
    return Instant.now().toString().replace(":", "").replace(".", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static BigQueryTableSink bigQuery(NbaOptions options, TableSink documents) {
    return new BigQueryTableSink(datasets(options), documents, null);
  }

  /**
   * Where persisted upstream tables are read: BigQuery with {@code --source=bigquery}, else the files under
   * {@code dir} (an earlier run's output folder).
   */
  static TableSource source(NbaOptions options, String dir) {
    if (options.getSource() == NbaOptions.Storage.bigquery) {
      return new BigQueryTableSource(datasets(options), options.as(BigQueryOptions.class), null);
    }
    return new NdjsonTableSource(dir);
  }

  static String bigQueryProject(NbaOptions options) {
    String project = options.getBigQueryProject();
    if (project == null || project.isBlank()) {
      project = options.as(GcpOptions.class).getProject();
    }
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException("--sink=bigquery or --source=bigquery needs --bigQueryProject (or --project)");
    }
    return project;
  }

  static BigQueryDatasets datasets(NbaOptions options) {
    return new BigQueryDatasets(bigQueryProject(options), Map.of(
        BigQuerySchemas.Dataset.ANALYTICS, options.getAnalyticsDataset(),
        BigQuerySchemas.Dataset.PRECOMPUTE, options.getPrecomputeDataset(),
        BigQuerySchemas.Dataset.PREDICTIONS, options.getPredictionsDataset()));
  }

  /** Parses options, printing a usage error (and returning null) instead of a stack trace. */
  static <T extends NbaOptions> T options(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    try {
      T options = PipelineOptionsFactory.fromArgs(withLocalProfile(args)).withValidation().as(type);
      if (options.getOutputDir() == null || options.getOutputDir().isBlank()) {
        System.err.println("error: --outputDir is required");
        return null;
      }
      return options;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return null;
    }
  }

  /** The input folder; without --inputDir, the embedded sample league written under the output folder. */
  static String inputDir(NbaOptions options) throws IOException {
    if (options.getInputDir() != null && !options.getInputDir().isBlank()) {
      return options.getInputDir();
    }
    Path dir = Path.of(options.getOutputDir(), "embedded_sample_input");
    SampleLeague.Summary s = SampleLeague.write(dir, SampleLeague.Config.embedded());
    LOG.info("no --inputDir: running on the embedded sample league ({}), written to {}", s, dir);
    return dir.toString();
  }

  static <E extends Throwable> @Nullable E find(Throwable t, Class<E> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** The health thresholds of a run, from its options (pipeline-dependent defaults resolved). */
  static HealthReport.Thresholds thresholds(String pipeline, NbaOptions o) {
    Double cacheError = o.getHealthCacheMissError() != null
        ? o.getHealthCacheMissError() : pipeline.equals("same-day") ? Double.valueOf(0.0) : null;
    return new HealthReport.Thresholds(o.getHealthMaxDataLoss(), cacheError, o.getHealthCacheMissWarning(),
        o.getHealthMinLineCoverage(), o.getHealthMaxDeadLetterRate(),
        o.as(FeatureOptions.class).getModel() != null && !o.as(FeatureOptions.class).getModel().isBlank());
  }

  static LocalDate latestGameDate(NbaOptions options) {
    String d = options.getLatestGameDate();
    return d == null || d.isBlank() ? LocalDate.now(GameDates.EASTERN) : LocalDate.parse(d);
  }

  /**
   * Runs the built pipeline to completion, writes run_summary.json, removes the stale partitions (see
   * {@link #removeStale}), and writes the health report (both reports to {@code reportDir}). Returns the exit
   * status: 0, 1 when the run failed (after printing why), or {@link HealthReport#EXIT_BREACH} when a health
   * threshold is crossed at --healthFailOn's level.
   */
  static int execute(
      String name, Pipeline p, NbaOptions options, String reportDir, InputFiles files, ObjectNode runFacts, String runId,
      Set<String> tablesWritten, Predicate<String> datesInScope, Verdict verdict)
      throws IOException {
    long start = System.currentTimeMillis();
    PipelineResult result;
    PipelineResult.State state;
    try {
      if (options.getProgressSeconds() > 0 && options.getWaitForCompletion()
          && options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class) {
        // The DirectRunner's run() blocks to the end by default: no progress could be read from it meanwhile. Only
        // when the driver waits anyway: a local run not waited for must still finish before the JVM exits.
        options.as(org.apache.beam.runners.direct.DirectOptions.class).setBlockOnRun(false);
      }
      result = p.run();
      if (!options.getWaitForCompletion()) {
        System.out.println(name + " submitted: " + result.getState());
        return 0;
      }
      state = waitPrintingProgress(
          result, options.getProgressSeconds(), start, tablesWritten.contains(Tables.ML_FEATURE_STORE_V2.name()));
    } catch (RuntimeException e) {
      // Only a persisted partition that became unreadable after the driver's preflight gets here.
      UpstreamNotReadyException notReady = find(e, UpstreamNotReadyException.class);
      if (notReady == null) {
        throw e;
      }
      System.err.println("error: upstream not ready: " + notReady.getMessage());
      return 1;
    }
    long end = System.currentTimeMillis();
    ObjectNode header = new ObjectMapper().createObjectNode();
    header.put("pipeline", name);
    header.put("state", state.toString());
    header.put("run_id", runId);
    header.put("started_at", Instant.ofEpochMilli(start).toString());
    header.put("finished_at", Instant.ofEpochMilli(end).toString());
    header.put("wall_seconds", (end - start) / 1000.0);
    header.put("input_dir", String.join(",", files.dirs()));
    header.put("output_dir", options.getOutputDir());
    header.setAll(runFacts);
    ArrayNode report = header.putArray("inputs_report");
    files.report().forEach(report::add);
    RunSummary summary = RunSummary.from(result, header);
    if (state != PipelineResult.State.DONE) {
      summary.write(reportDir);
      System.err.println("error: the " + name + " run ended " + state);
      return 1;
    }
    Map<String, Set<String>> manifest = NdjsonTableSink.manifest(options.getOutputDir(), runId);
    removeStale(options, files, summary, manifest, tablesWritten, datesInScope);
    summary.write(reportDir);
    summary.log();
    ObjectNode health = HealthReport.compose(
        name, HealthReport.documents(options.getOutputDir(), manifest.getOrDefault(HealthReport.FOLDER, Set.of())),
        summary.json(), thresholds(name, options), files.modified());
    int exit = HealthReport.publish(reportDir, health, options.getHealthFailOn());
    NdjsonTableSink.removeManifest(options.getOutputDir(), runId);
    String refusal = verdict.refusal(summary);
    if (refusal != null) {
      System.err.println("error: " + refusal);
      return 2;
    }
    return exit;
  }

  /**
   * Waits for the run to end, printing a {@link Progress} line every {@code seconds} (none when 0): a season's backfill
   * is otherwise a minute of silence, five seasons ten.
   */
  static PipelineResult.State waitPrintingProgress(PipelineResult result, int seconds, long start, boolean buildsFeatures) {
    if (seconds <= 0) {
      return result.waitUntilFinish();
    }
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(seconds));
      if (state != null && state.isTerminal()) {
        return state;
      }
      try {
        System.out.println(Progress.line(
            Progress.of(result.metrics().queryMetrics(MetricsFilter.builder().build()), buildsFeatures),
            System.currentTimeMillis() - start));
      } catch (UnsupportedOperationException e) {
        return result.waitUntilFinish(); // a runner that cannot report metrics mid-run: wait silently
      }
    }
  }

  /**
   * The cleanup rule: a partition is stale, and deleted, only when the run did not write it (it is not in the
   * run's manifest) and the run owned it: a date-partitioned table's date inside the run's range AND among the
   * dates the run built (a date some table of the run wrote), or a dead-letter partition of a source file the
   * run read. Nothing is deleted when any input's dead-letter rate is above --healthMaxDeadLetterRate: a run
   * that could not read its inputs well does not decide what is gone. Temporary files a killed write left are
   * removed either way.
   */
  static void removeStale(
      NbaOptions options, InputFiles files, RunSummary summary, Map<String, Set<String>> manifest,
      Set<String> tablesWritten, Predicate<String> datesInScope) throws IOException {
    NdjsonTableSink sink = new NdjsonTableSink(options.getOutputDir());
    Set<String> built = new TreeSet<>();
    Set<String> sourcesRead = new TreeSet<>();
    files.fileNames().forEach(name -> sourcesRead.add(Tables.deadLetterPartition(name)));
    for (TableSpec<?> table : Tables.ALL) {
      if (table.isDatePartitioned()) {
        built.addAll(manifest.getOrDefault(table.name(), Set.of()));
      }
    }
    List<String> overThreshold = new ArrayList<>();
    summary.json().path("inputs").fields().forEachRemaining(e -> {
      long read = e.getValue().path("rows_read").asLong();
      long dead = e.getValue().path("rows_dead_lettered").asLong();
      if (read > 0 && (double) dead / read > options.getHealthMaxDeadLetterRate()) {
        overThreshold.add(e.getKey() + " (" + dead + " of " + read + " rows dead-lettered)");
      }
    });
    ObjectNode removed = summary.json().putObject("stale_partitions_removed");
    if (!overThreshold.isEmpty()) {
      String why = "no partition removed: dead-letter rate above --healthMaxDeadLetterRate="
          + options.getHealthMaxDeadLetterRate() + " in " + String.join(", ", overThreshold);
      summary.json().put("stale_partitions_kept", why);
      LOG.warn(why);
    }
    Set<String> folders = new TreeSet<>(tablesWritten);
    folders.addAll(manifest.keySet());
    for (String folder : folders) {
      sink.removeLeftoverTemporaries(folder);
    }
    if (!overThreshold.isEmpty()) {
      return;
    }
    for (TableSpec<?> table : Tables.ALL) {
      if (!tablesWritten.contains(table.name())) {
        continue; // not this run's output (e.g. a Phase 3 only run, or a persisted upstream it read)
      }
      Predicate<String> owned = table.isDatePartitioned()
          ? date -> datesInScope.test(date) && built.contains(date)
          : sourcesRead::contains;
      List<String> gone = sink.removeStalePartitions(
          table.name(), owned, manifest.getOrDefault(table.name(), Set.of()));
      if (!gone.isEmpty()) {
        ArrayNode a = removed.putArray(table.name());
        gone.forEach(a::add);
      }
    }
  }
}
