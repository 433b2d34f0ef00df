package pipelines;

import schemas.vocabulary.PlayerKeys;
import schemas.vocabulary.GameDates;
import io.tables.TableSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerDailyCache;
import schemas.Tables;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.DateRange;
import transforms.features.UpstreamGate;

/** Persisted upstream tables a feature run may consume instead of computing them, always behind an {@link UpstreamGate}. */
final class PersistedUpstream {
  private PersistedUpstream() {}

  /**
   * The gated daily cache over the range, from {@code --cacheDir} or (with {@code --source=bigquery
   * --readPersistedCache}) from BigQuery; null to compute the cache in the run.
   */
  static @Nullable PCollection<PlayerDailyCache> dailyCache(
      Pipeline p, FeatureOptions options, DateRange range, PCollection<UpcomingPlayerGameContext> context) throws IOException {
    boolean fromBigQuery = options.getSource() == NbaOptions.Storage.bigquery && options.getReadPersistedCache();
    String dir = options.getCacheDir();
    if (!fromBigQuery && (dir == null || dir.isBlank())) {
      return null;
    }
    TableSource source = Runs.source(options, dir);
    Map<String, Long> writtenAt = source.partitionsIn(Tables.PLAYER_DAILY_CACHE, range.start(), range.end());
    List<String> inRange = new ArrayList<>(writtenAt.keySet());
    return source
        .read(p, "ReadPersistedDailyCache", Tables.PLAYER_DAILY_CACHE, inRange)
        .apply("StampPersistedDailyCache", GameDates.stamp(PlayerDailyCache::getCacheDate))
        .apply(
            "GatePersistedDailyCache",
            new UpstreamGate<>(
                Tables.PLAYER_DAILY_CACHE, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()), context, writtenAt,
                System.currentTimeMillis(), options.getMaxUpstreamAgeHours(), options.getMinUpstreamCoverage()));
  }
}
