package transforms;

import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.FeatureStoreGap;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/**
 * Phase 4 and the feature store as one composition: from the run's context (daily windows) and history, the
 * daily cache, shot zones, team defense, composite factors, feature vectors and gaps. Backfill and same-day
 * both call {@link #build}; they differ only in how the context's universe is chosen.
 */
public final class Phase4 {
  public final PCollection<PlayerDailyCache> dailyCache;
  public final PCollection<PlayerShotZoneAnalysis> shotZones;
  public final PCollection<TeamDefenseZoneAnalysis> teamDefense;
  public final PCollection<PlayerCompositeFactors> compositeFactors;
  public final PCollection<MlFeatureStoreV2> features;
  public final PCollection<FeatureStoreGap> gaps;
  /** False when the cache came from a persisted upstream: then it is not this run's output to write. */
  public final boolean cacheComputed;
  /** The day's tables the feature vectors were joined with, kept for re-vectorizing rows whose line moved. */
  private final DayTables day;

  private Phase4(
      PCollection<PlayerDailyCache> dailyCache,
      PCollection<PlayerShotZoneAnalysis> shotZones,
      PCollection<TeamDefenseZoneAnalysis> teamDefense,
      PCollection<PlayerCompositeFactors> compositeFactors,
      PCollection<MlFeatureStoreV2> features,
      PCollection<FeatureStoreGap> gaps,
      boolean cacheComputed,
      DayTables day) {
    this.dailyCache = dailyCache;
    this.shotZones = shotZones;
    this.teamDefense = teamDefense;
    this.compositeFactors = compositeFactors;
    this.features = features;
    this.gaps = gaps;
    this.cacheComputed = cacheComputed;
    this.day = day;
  }

  /**
   * @param persistedCache a daily cache read from an earlier run (already through its {@link UpstreamGate}), used
   *     instead of computing it; null to compute it from history.
   */
  public static Phase4 build(
      PCollection<UpcomingPlayerGameContext> context, History history, @Nullable PCollection<PlayerDailyCache> persistedCache) {
    PCollection<PlayerDailyCache> cache =
        persistedCache != null ? persistedCache : context.apply("BuildPlayerDailyCache", new BuildPlayerDailyCache(history));
    PCollection<PlayerShotZoneAnalysis> zones = context.apply("BuildPlayerShotZoneAnalysis", new BuildPlayerShotZoneAnalysis(history));
    PCollection<TeamDefenseZoneAnalysis> teams = context.apply("BuildTeamDefenseZoneAnalysis", new BuildTeamDefenseZoneAnalysis(history));
    DayTables day = DayTables.of(cache, zones, teams, history);
    PCollection<PlayerCompositeFactors> composite =
        context.apply("BuildPlayerCompositeFactors", new BuildPlayerCompositeFactors(day));
    DayTables withComposite = day.withComposite(composite);
    PCollectionTuple vectors = context.apply("BuildFeatureVectors", new BuildFeatureVectors(withComposite));
    return new Phase4(
        cache, zones, teams, composite, vectors.get(BuildFeatureVectors.FEATURES), vectors.get(BuildFeatureVectors.GAPS),
        persistedCache == null, withComposite);
  }

  /**
   * Feature vectors (and gaps) of more context rows of the same days, joined with the same tables: the rows of
   * players whose line moved after the morning ({@link BuildLineUpdates}). Only the line differs from the
   * morning row, and nothing but the vector depends on it.
   */
  public PCollectionTuple featuresFor(String name, PCollection<UpcomingPlayerGameContext> moreContext) {
    return moreContext.apply(name, new BuildFeatureVectors(day));
  }
}
