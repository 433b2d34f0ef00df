package transforms.features;

import transforms.games.History;
import transforms.daily.PlayerDay;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.PlayerKeys;

/**
 * The day's Phase 4 tables as keyed views ({@link PlayerDay#view}), and the one join of a context row with
 * them. The composite factors and the feature vectors both go through {@link #inputs}, so a missing cache row
 * is recomputed (and flagged) the same way in both.
 */
final class DayTables implements Serializable {
  private final SideInputCache views = new SideInputCache();

  /** Forgets the cached views: the DoFns holding a DayTables call it in their {@code @StartBundle}. */
  void clearCache() {
    views.clear();
  }
  private final PCollectionView<Map<String, Iterable<PlayerDailyCache>>> cache;
  private final PCollectionView<Map<String, Iterable<PlayerShotZoneAnalysis>>> zones;
  private final PCollectionView<Map<String, Iterable<TeamDefenseZoneAnalysis>>> teams;
  private final @Nullable PCollectionView<Map<String, Iterable<PlayerCompositeFactors>>> composite;
  private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
  private final PCollectionView<Map<String, List<String>>> coverage;

  private DayTables(
      PCollectionView<Map<String, Iterable<PlayerDailyCache>>> cache,
      PCollectionView<Map<String, Iterable<PlayerShotZoneAnalysis>>> zones,
      PCollectionView<Map<String, Iterable<TeamDefenseZoneAnalysis>>> teams,
      @Nullable PCollectionView<Map<String, Iterable<PlayerCompositeFactors>>> composite,
      PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games,
      PCollectionView<Map<String, List<String>>> coverage) {
    this.cache = cache;
    this.zones = zones;
    this.teams = teams;
    this.composite = composite;
    this.games = games;
    this.coverage = coverage;
  }

  static DayTables of(
      PCollection<PlayerDailyCache> cache,
      PCollection<PlayerShotZoneAnalysis> zones,
      PCollection<TeamDefenseZoneAnalysis> teams,
      History history,
      FeedCoverage feeds) {
    return new DayTables(
        PlayerDay.view("DayCache", cache, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())),
        PlayerDay.view("DayShotZones", zones, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())),
        PlayerDay.view("DayTeamRows", teams, TeamDefenseZoneAnalysis::getTeamAbbr),
        null,
        history.gamesByPlayer,
        feeds.view());
  }

  /** The same tables plus the day's composite factors. */
  DayTables withComposite(PCollection<PlayerCompositeFactors> rows) {
    return new DayTables(
        cache, zones, teams, PlayerDay.view("DayComposite", rows, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())), games, coverage);
  }

  List<PCollectionView<?>> views() {
    List<PCollectionView<?>> all = new ArrayList<>(List.of(cache, zones, teams, games, coverage));
    if (composite != null) {
      all.add(composite);
    }
    return all;
  }

  /**
   * Everything (player, D) is built from, in the context row's window. A missing cache row (a persisted cache
   * that lacks the player) is recomputed from history by the cache's own function and flagged; missing
   * composite factors are computed from the joined rows.
   */
  FeatureContract.Inputs inputs(DoFn<UpcomingPlayerGameContext, ?>.ProcessContext c, BoundedWindow window) {
    UpcomingPlayerGameContext ctx = c.element();
    String player = PlayerKeys.of(ctx.getPlayerId(), ctx.getPlayerLookup());
    PlayerDailyCache cacheRow = PlayerDay.first(views.get(c, window, cache).get(player));
    boolean miss = cacheRow == null;
    if (miss) {
      cacheRow = AsOf.dailyCache(ctx, views.get(c, window, games).get(player));
    }
    Map<String, Iterable<TeamDefenseZoneAnalysis>> t = views.get(c, window, teams);
    TeamDefenseZoneAnalysis team = PlayerDay.first(t.get(ctx.getTeamAbbr()));
    TeamDefenseZoneAnalysis opp = PlayerDay.first(t.get(ctx.getOpponentTeamAbbr()));
    PlayerShotZoneAnalysis zone = PlayerDay.first(views.get(c, window, zones).get(player));
    PlayerCompositeFactors comp = composite == null ? null : PlayerDay.first(views.get(c, window, composite).get(player));
    if (comp == null) {
      comp = CompositeFactors.compute(ctx, cacheRow, zone, team, opp);
    }
    Map<String, List<String>> covered = views.get(c, window, coverage);
    return new FeatureContract.Inputs(
        ctx, cacheRow, miss, comp, zone, team, opp, FeedCoverage.absentFor(covered, ctx, team, opp),
        FeedCoverage.absentMarketsFor(covered, ctx));
  }
}
