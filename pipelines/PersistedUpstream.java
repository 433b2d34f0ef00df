package pipelines;

import io.NdjsonTableSource;
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
import transforms.DateRange;
import transforms.UpstreamGate;

/** Persisted upstream tables a feature run may consume instead of computing them, always behind an {@link UpstreamGate}. */
final class PersistedUpstream {
  private PersistedUpstream() {}

  /** The gated daily cache of {@code --cacheDir} over the range, or null to compute the cache in the run. */
  static @Nullable PCollection<PlayerDailyCache> dailyCache(
      Pipeline p, FeatureOptions options, DateRange range, PCollection<UpcomingPlayerGameContext> context) throws IOException {
    String dir = options.getCacheDir();
    if (dir == null || dir.isBlank()) {
      return null;
    }
    NdjsonTableSource source = new NdjsonTableSource(dir);
    Map<String, Long> writtenAt = source.partitions(Tables.PLAYER_DAILY_CACHE.name());
    List<String> inRange = new ArrayList<>();
    for (String partition : writtenAt.keySet()) {
      if (range.contains(partition)) {
        inRange.add(partition);
      }
    }
    return source
        .read(p, "ReadPersistedDailyCache", Tables.PLAYER_DAILY_CACHE, inRange)
        .apply("StampPersistedDailyCache", ReadInputs.stamp(PlayerDailyCache::getCacheDate))
        .apply(
            "GatePersistedDailyCache",
            new UpstreamGate<>(
                Tables.PLAYER_DAILY_CACHE, PlayerDailyCache::getPlayerLookup, context, writtenAt,
                System.currentTimeMillis(), options.getMaxUpstreamAgeHours(), options.getMinUpstreamCoverage()));
  }
}
