package transforms;

import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import schemas.FeatureStoreGap;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.SchemaCoders;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code ml_feature_store_v2} and {@code feature_store_gaps}: the day's context, cache, composite factors and
 * shot profile joined by (player, date), with both teams' rows, into one {@link FeatureContract} vector per
 * player of the universe. Every universe row ends as a feature row or a gap with its reason. A missing cache
 * row is recomputed from history and the feature row says so ({@code cache_miss_fallback_used}).
 */
public final class BuildFeatureVectors extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollectionTuple> {
  public static final TupleTag<MlFeatureStoreV2> FEATURES = new TupleTag<MlFeatureStoreV2>() {};
  public static final TupleTag<FeatureStoreGap> GAPS = new TupleTag<FeatureStoreGap>() {};

  private final PCollection<PlayerDailyCache> cache;
  private final PCollection<PlayerCompositeFactors> composite;
  private final PCollection<PlayerShotZoneAnalysis> zones;
  private final PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams;
  private final History history;

  public BuildFeatureVectors(
      PCollection<PlayerDailyCache> cache,
      PCollection<PlayerCompositeFactors> composite,
      PCollection<PlayerShotZoneAnalysis> zones,
      PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams,
      History history) {
    this.cache = cache;
    this.composite = composite;
    this.zones = zones;
    this.teams = teams;
    this.history = history;
  }

  @Override
  public PCollectionTuple expand(PCollection<UpcomingPlayerGameContext> context) {
    TupleTag<UpcomingPlayerGameContext> ctxTag = new TupleTag<>();
    TupleTag<PlayerDailyCache> cacheTag = new TupleTag<>();
    TupleTag<PlayerCompositeFactors> compTag = new TupleTag<>();
    TupleTag<PlayerShotZoneAnalysis> zoneTag = new TupleTag<>();
    PCollectionTuple out =
        KeyedPCollectionTuple.of(ctxTag, PlayerDay.keyed("KeyContext", context, UpcomingPlayerGameContext::getPlayerLookup, UpcomingPlayerGameContext::getGameDate))
            .and(cacheTag, PlayerDay.keyed("KeyCache", cache, PlayerDailyCache::getPlayerLookup, PlayerDailyCache::getCacheDate))
            .and(compTag, PlayerDay.keyed("KeyComposite", composite, PlayerCompositeFactors::getPlayerLookup, PlayerCompositeFactors::getGameDate))
            .and(zoneTag, PlayerDay.keyed("KeyZones", zones, PlayerShotZoneAnalysis::getPlayerLookup, PlayerShotZoneAnalysis::getAnalysisDate))
            .apply("JoinPlayerDay", CoGroupByKey.create())
            .apply(
                "Vectorize",
                ParDo.of(new VectorFn(ctxTag, cacheTag, compTag, zoneTag, teams, history.gamesByPlayer))
                    .withSideInputs(teams, history.gamesByPlayer)
                    .withOutputTags(FEATURES, TupleTagList.of(GAPS)));
    out.get(FEATURES).setCoder(SchemaCoders.of(context.getPipeline(), MlFeatureStoreV2.class));
    out.get(GAPS).setCoder(SchemaCoders.of(context.getPipeline(), FeatureStoreGap.class));
    return out;
  }

  static final class VectorFn extends DoFn<KV<String, CoGbkResult>, MlFeatureStoreV2> {
    private final TupleTag<UpcomingPlayerGameContext> ctxTag;
    private final TupleTag<PlayerDailyCache> cacheTag;
    private final TupleTag<PlayerCompositeFactors> compTag;
    private final TupleTag<PlayerShotZoneAnalysis> zoneTag;
    private final PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
    private final Counter rows = Metrics.counter("features", "feature_rows");
    private final Counter ready = Metrics.counter("features", "quality_ready_rows");
    private final Counter fallback = Metrics.counter("features", "cache_miss_fallback_rows");
    private final Counter gaps = Metrics.counter("features", "gap_rows");

    VectorFn(
        TupleTag<UpcomingPlayerGameContext> ctxTag,
        TupleTag<PlayerDailyCache> cacheTag,
        TupleTag<PlayerCompositeFactors> compTag,
        TupleTag<PlayerShotZoneAnalysis> zoneTag,
        PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games) {
      this.ctxTag = ctxTag;
      this.cacheTag = cacheTag;
      this.compTag = compTag;
      this.zoneTag = zoneTag;
      this.teams = teams;
      this.games = games;
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      CoGbkResult r = c.element().getValue();
      boolean first = true;
      for (UpcomingPlayerGameContext ctx : r.getAll(ctxTag)) {
        if (!first) {
          gap(out, ctx, "duplicate universe row for this player and date (kept the first)");
          continue;
        }
        first = false;
        try {
          PlayerDailyCache cacheRow = PlayerDay.only(r, cacheTag);
          boolean miss = cacheRow == null;
          if (miss) {
            cacheRow = AsOf.dailyCache(ctx.getPlayerLookup(), ctx.getGameDate(), ctx.getOpponentTeamAbbr(),
                c.sideInput(games).get(ctx.getPlayerLookup()));
          }
          Map<String, TeamDefenseZoneAnalysis> t = c.sideInput(teams);
          TeamDefenseZoneAnalysis team = t.get(Keys.teamDate(ctx.getTeamAbbr(), ctx.getGameDate()));
          TeamDefenseZoneAnalysis opp = t.get(Keys.teamDate(ctx.getOpponentTeamAbbr(), ctx.getGameDate()));
          PlayerShotZoneAnalysis zone = PlayerDay.only(r, zoneTag);
          PlayerCompositeFactors comp = PlayerDay.only(r, compTag);
          if (comp == null) {
            comp = CompositeFactors.compute(ctx, cacheRow, zone, team, opp);
          }
          MlFeatureStoreV2 row =
              FeatureContract.vector(new FeatureContract.Inputs(ctx, cacheRow, miss, comp, zone, team, opp));
          rows.inc();
          if (row.getIsQualityReady()) {
            ready.inc();
          }
          if (miss) {
            fallback.inc();
          }
          out.get(FEATURES).output(row);
        } catch (RuntimeException e) {
          gap(out, ctx, "feature computation failed: " + e);
        }
      }
    }

    private void gap(MultiOutputReceiver out, UpcomingPlayerGameContext ctx, String reason) {
      gaps.inc();
      out.get(GAPS)
          .output(FeatureStoreGap.builder().setPlayerLookup(ctx.getPlayerLookup()).setGameDate(ctx.getGameDate()).setReason(reason).build());
    }
  }
}
