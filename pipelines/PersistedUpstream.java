package pipelines;

import io.tables.TableSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerDailyCache;
import schemas.Tables;
import schemas.UpcomingPlayerGameContext;
import schemas.UpstreamNotReadyException;
import schemas.vocabulary.DateRange;
import schemas.vocabulary.GameDates;
import transforms.features.UpstreamGate;

/**
 * Persisted upstream tables a feature run may consume instead of computing them, always after an
 * {@link UpstreamGate} check in the driver.
 *
 * <p>Why a preflight and not a check inside the graph: a DoFn that throws to stop the run stops it only on the
 * DirectRunner. On Dataflow the message is buried in worker logs and a streaming job retries the bundle forever.
 * So the driver runs a small bounded pipeline first, with the same inputs and the same universe composition as
 * the main graph, that writes per date the universe's player keys and the persisted partition's player keys to
 * files under the output folder (FileSystems: local or gs://). The driver reads them back, applies the gate and
 * refuses the run with one {@code error: upstream not ready: ...} line (exit 2) before the main graph is built.
 */
final class PersistedUpstream {
  private static final String UNIVERSE = "U";
  private static final String PRESENT = "P";

  private PersistedUpstream() {}

  /**
   * The daily cache over the range, from {@code --cacheDir} or (with {@code --source=bigquery
   * --readPersistedCache}) from BigQuery, once the preflight found it fit for the universe {@code universeOf}
   * composes; null to compute the cache in the run.
   *
   * @param universeOf the run's universe composed on a given pipeline, from its own reading of the inputs
   * @throws UpstreamNotReadyException when a date's partition is missing, too old or incomplete
   */
  static @Nullable PCollection<PlayerDailyCache> dailyCache(
      Pipeline p, FeatureOptions options, DateRange range,
      Function<Pipeline, PCollection<UpcomingPlayerGameContext>> universeOf) throws IOException {
    boolean fromBigQuery = options.getSource() == NbaOptions.Storage.bigquery && options.getReadPersistedCache();
    String dir = options.getCacheDir();
    if (!fromBigQuery && (dir == null || dir.isBlank())) {
      return null;
    }
    TableSource source = Runs.source(options, dir);
    Map<String, Long> writtenAt = source.partitionsIn(Tables.PLAYER_DAILY_CACHE, range.start(), range.end());
    List<String> inRange = new ArrayList<>(writtenAt.keySet());
    UpstreamGate gate = new UpstreamGate(
        Tables.PLAYER_DAILY_CACHE.name(), writtenAt, System.currentTimeMillis(), options.getMaxUpstreamAgeHours(),
        options.getMinUpstreamCoverage());
    preflight(options, gate, q -> {
      PCollection<String> universe = universeOf.apply(q).apply(
          "UniverseKeys",
          MapElements.into(TypeDescriptors.strings()).via(c -> key(c.getGameDate(), UNIVERSE, UpstreamGate.player(c))));
      PCollection<String> present = source.read(q, "ReadPersistedDailyCache", Tables.PLAYER_DAILY_CACHE, inRange).apply(
          "PersistedKeys",
          MapElements.into(TypeDescriptors.strings())
              .via(r -> key(Tables.PLAYER_DAILY_CACHE.partitionOf(r), PRESENT, UpstreamGate.player(r))));
      // A universe may come in daily windows (same-day's does): the keys are compared whole, in one window.
      return PCollectionList.of(universe.apply("UniverseKeysGlobal", Window.<String>into(new GlobalWindows())))
          .and(present.apply("PersistedKeysGlobal", Window.<String>into(new GlobalWindows())))
          .apply("AllKeys", Flatten.pCollections());
    });
    return source
        .read(p, "ReadPersistedDailyCache", Tables.PLAYER_DAILY_CACHE, inRange)
        .apply("StampPersistedDailyCache", GameDates.stamp(PlayerDailyCache::getCacheDate))
        // The day's transforms join the cache in its date's daily window, where a computed cache lands.
        .apply("PersistedDailyCacheDaily", Window.<PlayerDailyCache>into(GameDates.dailyWindows()));
  }

  private static String key(String date, String side, String player) {
    return date + "\t" + side + "\t" + player;
  }

  /**
   * Runs {@code keysOf}'s bounded pipeline to files under the output folder, reads the keys back and applies the
   * gate, then removes the files.
   */
  private static void preflight(FeatureOptions options, UpstreamGate gate, Function<Pipeline, PCollection<String>> keysOf)
      throws IOException {
    String folder = FileSystems.matchNewResource(options.getOutputDir(), true)
        .resolve(".upstream-preflight-" + Runs.newRunId(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
    // The preflight is its own bounded job: it must finish (not stream) and not share the main job's name.
    StreamingOptions streaming = options.as(StreamingOptions.class);
    boolean wasStreaming = streaming.isStreaming();
    String jobName = options.getJobName();
    streaming.setStreaming(false);
    options.setJobName(jobName + "-upstream-preflight");
    try {
      Pipeline q = Pipeline.create(options);
      // One file: the keys are a few per player and date (a season is about 50k short lines). Left to the runner,
      // the DirectRunner shards every bundle of the write on its own, thousands of bundles that cost more than the
      // run they guard.
      keysOf.apply(q).apply("DistinctKeys", Distinct.create())
          .apply("WriteKeys", TextIO.write().to(folder + "keys").withNumShards(1));
      PipelineResult.State state;
      try {
        state = q.run().waitUntilFinish();
      } catch (RuntimeException e) {
        // A damaged partition is refused while it is read, here in the preflight rather than in the main run.
        UpstreamNotReadyException damaged = Runs.find(e, UpstreamNotReadyException.class);
        throw damaged != null ? damaged : e;
      }
      if (state != PipelineResult.State.DONE) {
        throw new IOException("the upstream preflight ended " + state);
      }
    } finally {
      streaming.setStreaming(wasStreaming);
      options.setJobName(jobName);
    }
    Map<String, Set<String>> universe = new TreeMap<>();
    Map<String, Set<String>> present = new TreeMap<>();
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata m : FileSystems.match(folder + "keys*", EmptyMatchTreatment.ALLOW).metadata()) {
      files.add(m.resourceId());
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(FileSystems.open(m.resourceId())), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split("\t", 3);
          (f[1].equals(UNIVERSE) ? universe : present).computeIfAbsent(f[0], d -> new TreeSet<>()).add(f[2]);
        }
      }
    }
    FileSystems.delete(files);
    if (!folder.contains("://")) {
      Files.deleteIfExists(Path.of(folder));
    }
    gate.check(universe, present);
  }
}
