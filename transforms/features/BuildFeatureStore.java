package transforms.features;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import transforms.games.History;

/**
 * Phase 4 and the feature store as one named step: from the run's context (daily windows) and history, the
 * daily cache, shot zones, team defense, composite factors, feature vectors and gaps ({@link FeatureStore}).
 * Backfill and same-day both apply it; they differ only in how the context's universe is chosen.
 *
 * <p>How it scales with seasons (every step shuffles, none broadcasts history):
 * <ul>
 *   <li>daily cache, shot zones, team defense: one per-season pass each ({@link SeasonPass}): the context and the
 *       season's history shuffled once by season, a key holding one season (tens of MB), seasons in parallel;
 *       linear in seasons; it stops scaling only if one season no longer fits a worker.
 *   <li>composite factors, feature vectors: a per-date CoGroupByKey of the context with the day's tables
 *       ({@link DayTables#joinedWith}), a group one date (a few hundred rows of each), keyed by month.
 *   <li>side inputs: only the box scores by player (read for a persisted cache's missing row) and the feed
 *       coverage (a few hundred dates per season), both in the global window, read once per bundle.
 * </ul>
 * The context must be bounded: the per-season passes close their global window when their inputs are complete.
 */
public final class BuildFeatureStore extends PTransform<PCollection<UpcomingPlayerGameContext>, FeatureStore> {
  private final History history;
  private final @Nullable PCollection<PlayerDailyCache> persistedCache;
  private final FeedCoverage feeds;

  /**
   * @param persistedCache a daily cache read from an earlier run (already found fit by the driver's
   *     {@link UpstreamGate} check), used instead of computing it; null to compute it from history.
   * @param feeds which optional feeds have data for each date
   */
  public BuildFeatureStore(History history, @Nullable PCollection<PlayerDailyCache> persistedCache, FeedCoverage feeds) {
    this.history = history;
    this.persistedCache = persistedCache;
    this.feeds = feeds;
  }

  @Override
  public FeatureStore expand(PCollection<UpcomingPlayerGameContext> context) {
    if (context.isBounded() != PCollection.IsBounded.BOUNDED) {
      // The per-season passes group in the global window, which closes when its inputs are complete.
      throw new IllegalArgumentException("BuildFeatureStore needs a bounded context; rows that arrive later (a same-day"
          + " watch's line updates) go through FeatureStore.featuresFor");
    }
    PCollection<PlayerDailyCache> cache =
        persistedCache != null ? persistedCache : context.apply("BuildPlayerDailyCache", new BuildPlayerDailyCache(history));
    PCollection<PlayerShotZoneAnalysis> zones = context.apply("BuildPlayerShotZoneAnalysis", new BuildPlayerShotZoneAnalysis(history));
    PCollection<TeamDefenseZoneAnalysis> teams = context.apply("BuildTeamDefenseZoneAnalysis", new BuildTeamDefenseZoneAnalysis(history));
    DayTables day = DayTables.of(cache, zones, teams, history, feeds);
    PCollection<PlayerCompositeFactors> composite =
        context.apply("BuildPlayerCompositeFactors", new BuildPlayerCompositeFactors(day));
    DayTables withComposite = day.withComposite(composite);
    PCollectionTuple vectors = context.apply("BuildFeatureVectors", new BuildFeatureVectors(withComposite));
    return new FeatureStore(
        cache, zones, teams, composite, vectors.get(BuildFeatureVectors.FEATURES), vectors.get(BuildFeatureVectors.GAPS),
        persistedCache == null, withComposite);
  }
}
