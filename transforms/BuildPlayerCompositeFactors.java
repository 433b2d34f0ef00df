package transforms;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code player_composite_factors}: the day's context, cache and shot profile joined by (player, date), with the
 * player's and the opponent's team rows, into {@link CompositeFactors}. A player whose cache row is missing (a
 * persisted cache that lacks him) gets it recomputed from history, the same function as the cache's own.
 */
public final class BuildPlayerCompositeFactors
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerCompositeFactors>> {
  private final PCollection<PlayerDailyCache> cache;
  private final PCollection<PlayerShotZoneAnalysis> zones;
  private final PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams;
  private final History history;

  public BuildPlayerCompositeFactors(
      PCollection<PlayerDailyCache> cache,
      PCollection<PlayerShotZoneAnalysis> zones,
      PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams,
      History history) {
    this.cache = cache;
    this.zones = zones;
    this.teams = teams;
    this.history = history;
  }

  @Override
  public PCollection<PlayerCompositeFactors> expand(PCollection<UpcomingPlayerGameContext> context) {
    TupleTag<UpcomingPlayerGameContext> ctxTag = new TupleTag<>();
    TupleTag<PlayerDailyCache> cacheTag = new TupleTag<>();
    TupleTag<PlayerShotZoneAnalysis> zoneTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(ctxTag, PlayerDay.keyed("KeyContext", context, UpcomingPlayerGameContext::getPlayerLookup, UpcomingPlayerGameContext::getGameDate))
        .and(cacheTag, PlayerDay.keyed("KeyCache", cache, PlayerDailyCache::getPlayerLookup, PlayerDailyCache::getCacheDate))
        .and(zoneTag, PlayerDay.keyed("KeyZones", zones, PlayerShotZoneAnalysis::getPlayerLookup, PlayerShotZoneAnalysis::getAnalysisDate))
        .apply("JoinPlayerDay", CoGroupByKey.create())
        .apply(
            "ComputeFactors",
            ParDo.of(new FactorsFn(ctxTag, cacheTag, zoneTag, teams, history.gamesByPlayer))
                .withSideInputs(teams, history.gamesByPlayer));
  }

  static final class FactorsFn extends DoFn<KV<String, CoGbkResult>, PlayerCompositeFactors> {
    private final TupleTag<UpcomingPlayerGameContext> ctxTag;
    private final TupleTag<PlayerDailyCache> cacheTag;
    private final TupleTag<PlayerShotZoneAnalysis> zoneTag;
    private final PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;

    FactorsFn(
        TupleTag<UpcomingPlayerGameContext> ctxTag,
        TupleTag<PlayerDailyCache> cacheTag,
        TupleTag<PlayerShotZoneAnalysis> zoneTag,
        PCollectionView<Map<String, TeamDefenseZoneAnalysis>> teams,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games) {
      this.ctxTag = ctxTag;
      this.cacheTag = cacheTag;
      this.zoneTag = zoneTag;
      this.teams = teams;
      this.games = games;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      CoGbkResult r = c.element().getValue();
      UpcomingPlayerGameContext ctx = PlayerDay.only(r, ctxTag);
      if (ctx == null) {
        return; // a cache or zone row of a player outside the universe: nothing to score
      }
      PlayerDailyCache row = PlayerDay.only(r, cacheTag);
      if (row == null) {
        row = AsOf.dailyCache(ctx.getPlayerLookup(), ctx.getGameDate(), ctx.getOpponentTeamAbbr(),
            c.sideInput(games).get(ctx.getPlayerLookup()));
      }
      Map<String, TeamDefenseZoneAnalysis> t = c.sideInput(teams);
      c.output(
          CompositeFactors.compute(
              ctx, row, PlayerDay.only(r, zoneTag),
              t.get(Keys.teamDate(ctx.getTeamAbbr(), ctx.getGameDate())),
              t.get(Keys.teamDate(ctx.getOpponentTeamAbbr(), ctx.getGameDate()))));
    }
  }
}
