package transforms.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import schemas.FeatureStoreGap;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/** What {@link BuildFeatureStore} produces: the Phase 4 tables, the feature vectors and their gaps. */
public final class FeatureStore implements POutput {
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

  FeatureStore(
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
   * Feature vectors (and gaps) of more context rows of the same days, joined with the same tables: the rows of
   * players whose line moved after the morning ({@code transforms.context.BuildLineUpdates}). Only the line
   * differs from the morning row, and nothing but the vector depends on it.
   */
  public PCollectionTuple featuresFor(String name, PCollection<UpcomingPlayerGameContext> moreContext) {
    return moreContext.apply(name, BuildFeatureVectors.ofLaterRows(day));
  }

  @Override
  public Pipeline getPipeline() {
    return features.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<>("player_daily_cache"), dailyCache);
    all.put(new TupleTag<>("player_shot_zone_analysis"), shotZones);
    all.put(new TupleTag<>("team_defense_zone_analysis"), teamDefense);
    all.put(new TupleTag<>("player_composite_factors"), compositeFactors);
    all.put(new TupleTag<>("ml_feature_store_v2"), features);
    all.put(new TupleTag<>("feature_store_gaps"), gaps);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
