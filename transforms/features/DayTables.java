package transforms.features;

import transforms.daily.GroupByDate;
import transforms.games.History;
import transforms.daily.PlayerDay;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.transforms.windowing.Window;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.PlayerKeys;

/**
 * The day's Phase 4 tables (in daily windows), and the one join of a context row with them ({@link #inputs}). The
 * composite factors and the feature vectors both go through it, so a missing cache row is recomputed (and flagged)
 * the same way in both. The day's rows reach a context row in one of two ways, and the join is the same:
 *
 * <ul>
 *   <li>{@link #joinedWith}: the run's own context, grouped with the day's tables by a per-date CoGroupByKey (keyed
 *       by the date's month, {@link GroupByDate#keyedDailyByMonth}, windowed by day). Each row of each table is
 *       shuffled once; a group is one date (a few hundred rows of each table). This is how a backfill and a
 *       same-day run build their rows: the tables come from per-season passes that finish after the context
 *       exists, and a per-date view of them would hold every context row back until then (on the DirectRunner,
 *       by re-running the waiting bundles over and over).
 *   <li>{@link #views}: the tables as per-date views, for rows that arrive after the tables are done, in panes of
 *       their own (a same-day watch's line updates, {@code FeatureStore.featuresFor}); a view of one date is a few
 *       hundred rows, cheap to broadcast.
 * </ul>
 *
 * Both read two global-window views: the box scores by player (only for a cache row the day lacks, a persisted
 * cache's gap) and which feeds cover which dates ({@link FeedCoverage}).
 */
final class DayTables {
  final PCollection<PlayerDailyCache> cache;
  final PCollection<PlayerShotZoneAnalysis> zones;
  final PCollection<TeamDefenseZoneAnalysis> teams;
  final @Nullable PCollection<PlayerCompositeFactors> composite;
  final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
  final PCollectionView<Map<String, List<String>>> coverage;

  private DayTables(
      PCollection<PlayerDailyCache> cache,
      PCollection<PlayerShotZoneAnalysis> zones,
      PCollection<TeamDefenseZoneAnalysis> teams,
      @Nullable PCollection<PlayerCompositeFactors> composite,
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
    return new DayTables(cache, zones, teams, null, history.gamesByPlayer, feeds.view());
  }

  /** The same tables plus the day's composite factors. */
  DayTables withComposite(PCollection<PlayerCompositeFactors> rows) {
    return new DayTables(cache, zones, teams, rows, games, coverage);
  }

  /** The global views every join reads. */
  List<PCollectionView<?>> globalViews() {
    return List.of(games, coverage);
  }

  /** A reader of the {@link #globalViews} for a DoFn's own use (the DoFn clears it in {@code @StartBundle}). */
  GlobalReads globalReads() {
    return new GlobalReads(games, coverage);
  }

  /**
   * Every join's reading of the two global-window views, through one {@link SideInputCache}: the per-date join's DoFns
   * and the per-date views' ({@link Views}) build a context row's inputs the same way.
   */
  static final class GlobalReads implements Serializable {
    private final SideInputCache cached = new SideInputCache();
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
    private final PCollectionView<Map<String, List<String>>> coverage;

    private GlobalReads(
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games, PCollectionView<Map<String, List<String>>> coverage) {
      this.games = games;
      this.coverage = coverage;
    }

    /** Forgets what was read: a reused DoFn instance must not serve a view read in an earlier bundle. */
    void clear() {
      cached.clear();
    }

    <T> T get(DoFn<?, ?>.ProcessContext c, BoundedWindow window, PCollectionView<T> view) {
      return cached.get(c, window, view);
    }

    /** {@link DayTables#inputs} of {@code ctx} with {@code day}'s rows and the window's global views. */
    FeatureContract.Inputs inputs(
        UpcomingPlayerGameContext ctx, Day day, DoFn<?, ?>.ProcessContext c, BoundedWindow window) {
      return DayTables.inputs(ctx, day, get(c, window, coverage), player -> get(c, window, games).get(player));
    }
  }

  /** One (player, D)'s rows of the day: the first row of his key, or of a team (null: none). */
  interface Day {
    @Nullable PlayerDailyCache cache(String player);

    @Nullable PlayerShotZoneAnalysis zones(String player);

    @Nullable TeamDefenseZoneAnalysis team(String team);

    /** Null also when the tables have no composite factors (they are then computed). */
    @Nullable PlayerCompositeFactors composite(String player);
  }

  /**
   * Everything (player, D) is built from. A missing cache row (a persisted cache that lacks the player) is recomputed
   * from his box scores ({@code historyOf}, read only then) by the cache's own function and flagged; missing
   * composite factors are computed from the joined rows.
   */
  static FeatureContract.Inputs inputs(
      UpcomingPlayerGameContext ctx, Day day, Map<String, List<String>> covered,
      Function<String, @Nullable Iterable<PlayerGameSummary>> historyOf) {
    String player = PlayerKeys.of(ctx.getPlayerId(), ctx.getPlayerLookup());
    PlayerDailyCache cacheRow = day.cache(player);
    boolean miss = cacheRow == null;
    if (miss) {
      cacheRow = AsOf.dailyCache(ctx, historyOf.apply(player));
    }
    TeamDefenseZoneAnalysis team = day.team(ctx.getTeamAbbr());
    TeamDefenseZoneAnalysis opp = day.team(ctx.getOpponentTeamAbbr());
    PlayerShotZoneAnalysis zone = day.zones(player);
    PlayerCompositeFactors comp = day.composite(player);
    if (comp == null) {
      comp = CompositeFactors.compute(ctx, cacheRow, zone, team, opp);
    }
    return new FeatureContract.Inputs(ctx, cacheRow, miss, comp, zone, team, opp, FeedCoverage.absentFor(covered, ctx, team, opp),
        FeedCoverage.absentMarketsFor(covered, ctx));
  }

  // ---- the run's own context: a per-date CoGroupByKey ----

  /** The tables of a per-date join of the context with the day's rows, each shuffled as bytes ({@link EncodedRows}). */
  static final class Tags implements Serializable {
    final EncodedRows<UpcomingPlayerGameContext> context = EncodedRows.of(SchemaCoders.of(UpcomingPlayerGameContext.class));
    final EncodedRows<PlayerDailyCache> cache = EncodedRows.of(SchemaCoders.of(PlayerDailyCache.class));
    final EncodedRows<PlayerShotZoneAnalysis> zones = EncodedRows.of(SchemaCoders.of(PlayerShotZoneAnalysis.class));
    final EncodedRows<TeamDefenseZoneAnalysis> teams = EncodedRows.of(SchemaCoders.of(TeamDefenseZoneAnalysis.class));
    final @Nullable EncodedRows<PlayerCompositeFactors> composite;

    private Tags(boolean withComposite) {
      composite = withComposite ? EncodedRows.of(SchemaCoders.of(PlayerCompositeFactors.class)) : null;
    }
  }

  Tags tags() {
    return new Tags(composite != null);
  }

  /** Each date's context rows with the day's rows of every table: one group per date, in its daily window. */
  PCollection<KV<String, CoGbkResult>> joinedWith(PCollection<UpcomingPlayerGameContext> context, Tags tags) {
    KeyedPCollectionTuple<String> t =
        KeyedPCollectionTuple.of(tags.context.tag, byMonth("Context", context, tags.context, UpcomingPlayerGameContext::getGameDate))
            .and(tags.cache.tag, byMonth("DayCache", cache, tags.cache, PlayerDailyCache::getCacheDate))
            .and(tags.zones.tag, byMonth("DayShotZones", zones, tags.zones, PlayerShotZoneAnalysis::getAnalysisDate))
            .and(tags.teams.tag, byMonth("DayTeamRows", teams, tags.teams, TeamDefenseZoneAnalysis::getAnalysisDate));
    if (composite != null) {
      t = t.and(tags.composite.tag, byMonth("DayComposite", composite, tags.composite, PlayerCompositeFactors::getGameDate));
    }
    return t.apply("JoinDay", CoGroupByKey.create());
  }

  /** A table in daily windows keyed by its date's month ({@link GroupByDate#shardOf}), as bytes. */
  private static <T> PCollection<KV<String, byte[]>> byMonth(
      String name, PCollection<T> rows, EncodedRows<T> encoded, SerializableFunction<T, String> dateOf) {
    return encoded.keyed("Key" + name + "ByMonth", rows.apply(name + "Daily", Window.<T>into(GameDates.dailyWindows())),
        r -> GroupByDate.shardOf(dateOf.apply(r)));
  }

  /** One date's group of {@link #joinedWith}, by player and team. */
  static final class Grouped implements Day {
    private final Map<String, PlayerDailyCache> cache;
    private final Map<String, PlayerShotZoneAnalysis> zones;
    private final Map<String, TeamDefenseZoneAnalysis> teams;
    private final Map<String, PlayerCompositeFactors> composite;

    Grouped(CoGbkResult day, Tags tags) {
      cache = firstByKey(tags.cache.in(day), r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()));
      zones = firstByKey(tags.zones.in(day), r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()));
      teams = firstByKey(tags.teams.in(day), TeamDefenseZoneAnalysis::getTeamAbbr);
      composite = tags.composite == null
          ? Map.of()
          : firstByKey(tags.composite.in(day), r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()));
    }

    /** The first row of each key, as {@link PlayerDay#first} takes it from a view. */
    private static <T> Map<String, T> firstByKey(Iterable<T> rows, SerializableFunction<T, String> key) {
      Map<String, T> first = new HashMap<>();
      for (T r : rows) {
        first.putIfAbsent(key.apply(r), r);
      }
      return first;
    }

    @Override public @Nullable PlayerDailyCache cache(String player) { return cache.get(player); }

    @Override public @Nullable PlayerShotZoneAnalysis zones(String player) { return zones.get(player); }

    @Override public @Nullable TeamDefenseZoneAnalysis team(String team) { return teams.get(team); }

    @Override public @Nullable PlayerCompositeFactors composite(String player) { return composite.get(player); }
  }

  // ---- rows arriving after the tables: per-date views ----

  /** The tables as per-date views ({@link PlayerDay#view}), built where this is called. */
  Views views() {
    return new Views(
        PlayerDay.view("DayCache", cache, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())),
        PlayerDay.view("DayShotZones", zones, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())),
        PlayerDay.view("DayTeamRows", teams, TeamDefenseZoneAnalysis::getTeamAbbr),
        composite == null ? null : PlayerDay.view("DayComposite", composite, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup())),
        globalReads());
  }

  /** The day's tables as views, read through a {@link SideInputCache} (its owner clears it in {@code @StartBundle}). */
  static final class Views implements Serializable {
    private final GlobalReads cached;
    private final PCollectionView<Map<String, Iterable<PlayerDailyCache>>> cache;
    private final PCollectionView<Map<String, Iterable<PlayerShotZoneAnalysis>>> zones;
    private final PCollectionView<Map<String, Iterable<TeamDefenseZoneAnalysis>>> teams;
    private final @Nullable PCollectionView<Map<String, Iterable<PlayerCompositeFactors>>> composite;

    private Views(
        PCollectionView<Map<String, Iterable<PlayerDailyCache>>> cache,
        PCollectionView<Map<String, Iterable<PlayerShotZoneAnalysis>>> zones,
        PCollectionView<Map<String, Iterable<TeamDefenseZoneAnalysis>>> teams,
        @Nullable PCollectionView<Map<String, Iterable<PlayerCompositeFactors>>> composite,
        GlobalReads global) {
      this.cache = cache;
      this.zones = zones;
      this.teams = teams;
      this.composite = composite;
      this.cached = global;
    }

    List<PCollectionView<?>> all() {
      List<PCollectionView<?>> all = new ArrayList<>(List.of(cache, zones, teams, cached.games, cached.coverage));
      if (composite != null) {
        all.add(composite);
      }
      return all;
    }

    void clearCache() {
      cached.clear();
    }

    /** The inputs of the element's context row, from the views of its window. */
    FeatureContract.Inputs inputs(DoFn<UpcomingPlayerGameContext, ?>.ProcessContext c, BoundedWindow window) {
      Day day = new Day() {
        @Override public @Nullable PlayerDailyCache cache(String player) {
          return PlayerDay.first(cached.get(c, window, cache).get(player));
        }

        @Override public @Nullable PlayerShotZoneAnalysis zones(String player) {
          return PlayerDay.first(cached.get(c, window, zones).get(player));
        }

        @Override public @Nullable TeamDefenseZoneAnalysis team(String team) {
          return PlayerDay.first(cached.get(c, window, teams).get(team));
        }

        @Override public @Nullable PlayerCompositeFactors composite(String player) {
          return composite == null ? null : PlayerDay.first(cached.get(c, window, composite).get(player));
        }
      };
      return cached.inputs(c.element(), day, c, window);
    }
  }
}
