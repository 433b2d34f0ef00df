package transforms.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MarketLine;
import schemas.MarketStats;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.Markets;

/**
 * The feature contract of {@code ml_feature_store_v2}, version {@value #VERSION}: the one definition of
 * each feature's index, name, source, default, feed and whether it is required. A row is one (player, D); its
 * vector is the features every prop market shares, then one block per market of {@link Markets} in enum order.
 *
 * <p><b>Shared features.</b> They follow the old system's {@code v2_37features} where our inputs allow, and differ
 * where they do not or where it was wrong: {@code injury_risk} is dropped (no injury-report input); shot-zone
 * shares are fractions 0–1 on every path (the old fallback wrote percentages); {@code avg_points_vs_opponent} is
 * optional (a first meeting is normal); "season" is the current season only (the point-in-time rule). Added:
 * {@code game_total} and {@code team_spread} from the game-lines feed, known only from the game's tip-off
 * ({@code AsOfTime.knowsClosingLine}); {@code minutes_projection} (0.5 × last-5 + 0.3 × last-10 + 0.2 × season
 * minutes); {@code usage_rate_last_10} (the box-score usage rate against the team's own usage possessions).
 *
 * <p><b>A market's block</b> ({@link #marketFeature}: prefix per market, suffixes {@link #MARKET_SUFFIXES}), for the
 * market's settling value (its box-score stats summed: PTS, REB, AST, FG3M, PRA, PR, PA, RA):
 * <ul>
 *   <li>{@code avg_last_5}, {@code avg_last_10}, {@code avg_season}, {@code std_last_10} (population),
 *       {@code per_minute_last_10}, {@code slope_10g}: the daily cache's {@code market_stats}, required;
 *   <li>{@code trend}: the last five oldest first, newest two against the three before, in steps of ±1/±2 at
 *       0.2/0.5 of the market's typical game (±2/±5 for points; the old code inverted the sign), required;
 *   <li>{@code vs_season_zscore}: (last-5 − season) / std, clamped ±3; optional, since a stat that never varied
 *       (ten games without a three) has no spread to scale by;
 *   <li>{@code opp_allowed_last_10}: what the opponent allowed of those stats per game (team stats feed), required;
 *   <li>{@code line}, {@code opening_line}, {@code line_move} (optional) and {@code has_line} (required, 0/1): the
 *       market's consensus line as of the row's instant (props feed). On a date no book listed the market, the
 *       four are {@code missing_feed} for that market alone ({@link FeedCoverage#absentMarketsFor}).
 * </ul>
 * The defaults of a block are the typical game of its stats, summed for a combination.
 *
 * <p><b>Feeds.</b> Each feature comes from one input {@link Feed}. Box scores with the schedule are the required
 * feed; complete team box scores (team stats), shot zones, sportsbook player props and game lines are optional
 * feeds. What a <i>row</i> lacks and what
 * the <i>run</i> lacks are told apart: when an optional feed has no data for a row's date ({@link FeedCoverage}:
 * absent from the run, or nothing for that date), its features are {@code missing_feed}: the documented default
 * is stored, they are not scored and do not make the row "not ready", and the row counts them per feed
 * ({@code vegas_default_count} over every market's line features, {@code shot_zone_missing_count},
 * {@code game_line_missing_count}) and names the
 * feed in {@code missing_feeds}. When the feed covers the date but this player lacks it (a rookie's first shots),
 * the per-row rules apply: a required feature falls back to its default.
 *
 * <p><b>Quality.</b> Each feature's value is {@code computed} (weight 100), {@code fallback} (87: recomputed from
 * raw games because the cache row was missing), {@code default} (40), {@code missing_optional} (an absent
 * optional feature, e.g. no line for this player: not scored) or {@code missing_feed} (not scored).
 * {@code feature_quality_score} is the mean weight over the required features scored, capped at 69 with any
 * required default and at 49 with five or more. {@code is_quality_ready}: no required default and at least
 * {@value #MIN_PRIOR_GAMES} prior games this season, so it depends only on the box-score history the row needs
 * and on the optional feeds the run has.
 *
 * <p><b>The model sees "unknown", not a default.</b> The stored vector keeps the documented defaults (a reader of the
 * table gets a number), but {@link #modelInput} gives the model NaN for every value that was not computed, so a
 * tree learns where missing values go and one model serves runs with and without an optional feed.
 */
public final class FeatureContract {
  private FeatureContract() {}

  public static final String VERSION = "v3_132features";
  public static final int MIN_PRIOR_GAMES = 5;

  public static final String COMPUTED = "computed";
  public static final String FALLBACK = "fallback";
  public static final String DEFAULT = "default";
  public static final String MISSING_OPTIONAL = "missing_optional";
  public static final String MISSING_FEED = "missing_feed";

  /** An input feed: the features it gives, and whether a run can go without it. */
  public enum Feed {
    BOX_SCORES("box_scores", true),
    /**
     * Complete team box scores (every player of a team-game): the team and opponent ratings and paces are sums over
     * a team's players, which a partial-roster export (some players of each team) cannot give.
     */
    TEAM_STATS("team_stats", false),
    SHOT_ZONES("shot_zones", false),
    PROPS("props", false),
    GAME_LINES("game_lines", false);

    public final String id;
    public final boolean required;

    Feed(String id, boolean required) {
      this.id = id;
      this.required = required;
    }
  }

  /** What a feature is computed from, for one (player, D). */
  public static final class Inputs {
    final UpcomingPlayerGameContext context;
    final PlayerDailyCache cache;
    final boolean cacheFromFallback;
    final PlayerCompositeFactors composite;
    final @Nullable PlayerShotZoneAnalysis zones;
    final @Nullable TeamDefenseZoneAnalysis team;
    final @Nullable TeamDefenseZoneAnalysis opponent;
    final Set<Feed> absentFeeds;
    final Set<Markets.Market> absentMarkets;

    public Inputs(
        UpcomingPlayerGameContext context,
        PlayerDailyCache cache,
        boolean cacheFromFallback,
        PlayerCompositeFactors composite,
        @Nullable PlayerShotZoneAnalysis zones,
        @Nullable TeamDefenseZoneAnalysis team,
        @Nullable TeamDefenseZoneAnalysis opponent,
        Set<Feed> absentFeeds,
        Set<Markets.Market> absentMarkets) {
      this.context = context;
      this.cache = cache;
      this.cacheFromFallback = cacheFromFallback;
      this.composite = composite;
      this.zones = zones;
      this.team = team;
      this.opponent = opponent;
      this.absentFeeds = absentFeeds;
      this.absentMarkets = absentMarkets;
    }
  }

  /** One feature: where it comes from and what stands in when it is missing. */
  public static final class Feature {
    public final int index;
    public final String name;
    public final String source;
    public final double defaultValue;
    public final Feed feed;
    /** The market whose block it belongs to; null for a feature every market shares. */
    public final Markets.@Nullable Market market;
    public final boolean required;
    final boolean fromCache;
    final Function<Inputs, Double> value;

    Feature(int index, String name, String source, Feed feed, Markets.@Nullable Market market, double defaultValue,
        boolean required, Function<Inputs, Double> value) {
      this.index = index;
      this.name = name;
      this.source = source;
      this.feed = feed;
      this.market = market;
      this.defaultValue = defaultValue;
      this.required = required;
      this.fromCache = source.equals("daily_cache");
      this.value = value;
    }
  }

  public static final List<Feature> FEATURES = new ArrayList<>();

  private static void req(String name, String source, double def, Function<Inputs, Double> value) {
    req(name, source, Feed.BOX_SCORES, def, value);
  }

  private static void req(String name, String source, Feed feed, double def, Function<Inputs, Double> value) {
    FEATURES.add(new Feature(FEATURES.size(), name, source, feed, null, def, true, value));
  }

  private static void opt(String name, String source, Feed feed, Function<Inputs, Double> value) {
    FEATURES.add(new Feature(FEATURES.size(), name, source, feed, null, 0.0, false, value));
  }

  /** A stat's typical per-game values, the defaults of the blocks of the markets it settles (summed for a combination). */
  private enum StatDefault {
    PTS(Markets.Stat.PTS, 10, 5, 0.4, 112),
    REB(Markets.Stat.REB, 4, 2.5, 0.16, 44),
    AST(Markets.Stat.AST, 2.5, 2, 0.1, 25),
    FG3M(Markets.Stat.FG3M, 1, 1.2, 0.04, 12.5);

    final Markets.Stat stat;
    final double avg;
    final double std;
    final double perMinute;
    final double allowed;

    StatDefault(Markets.Stat stat, double avg, double std, double perMinute, double allowed) {
      this.stat = stat;
      this.avg = avg;
      this.std = std;
      this.perMinute = perMinute;
      this.allowed = allowed;
    }

    static double sum(Markets.Market m, java.util.function.ToDoubleFunction<StatDefault> f) {
      double s = 0;
      for (StatDefault d : values()) {
        if (m.stats().contains(d.stat)) {
          s += f.applyAsDouble(d);
        }
      }
      return s;
    }
  }

  static {
    // The player's game, his role and his team: shared by every market.
    req("games_in_last_7_days", "daily_cache", 3, in -> (double) in.cache.getGamesInLast7Days());
    req("fatigue_score", "composite_factors", 50, in -> in.composite.getFatigueScore());
    req("shot_zone_mismatch_score", "composite_factors", Feed.SHOT_ZONES, 0, in -> in.composite.getShotZoneMismatchScore());
    req("pace_score", "composite_factors", Feed.TEAM_STATS, 0, in -> in.composite.getPaceScore());
    req("usage_spike_score", "composite_factors", 0, in -> in.composite.getUsageSpikeScore());
    req("rest_advantage", "context", 0, FeatureContract::restAdvantage);
    req("minutes_change", "daily_cache", 0, FeatureContract::minutesChange);
    req("opponent_def_rating", "team_defense", Feed.TEAM_STATS, 112, in -> in.opponent == null ? null : in.opponent.getDefRatingLast10());
    req("opponent_pace", "team_defense", Feed.TEAM_STATS, 100, in -> in.opponent == null ? null : in.opponent.getPaceLast10());
    req("home_away", "context", 0, in -> in.context.getHomeGame() ? 1.0 : 0.0);
    req("back_to_back", "context", 0, in -> in.context.getBackToBack() ? 1.0 : 0.0);
    req("playoff_game", "context", 0, in -> in.context.getPlayoffGame() ? 1.0 : 0.0);
    req("pct_paint", "shot_zones", Feed.SHOT_ZONES, 0.40, in -> in.zones == null ? null : in.zones.getPctPaint());
    req("pct_mid_range", "shot_zones", Feed.SHOT_ZONES, 0.15, in -> in.zones == null ? null : in.zones.getPctMidRange());
    req("pct_three", "shot_zones", Feed.SHOT_ZONES, 0.40, in -> in.zones == null ? null : in.zones.getPctThree());
    req("pct_free_throw", "daily_cache", 0.15, FeatureContract::pctFreeThrow);
    req("team_pace", "team_defense", Feed.TEAM_STATS, 100, in -> in.team == null ? null : in.team.getPaceLast10());
    req("team_off_rating", "team_defense", Feed.TEAM_STATS, 112, in -> in.team == null ? null : in.team.getOffRatingLast10());
    req("team_win_pct", "team_defense", 0.5, FeatureContract::teamWinPct);
    opt("avg_points_vs_opponent", "daily_cache", Feed.BOX_SCORES, in -> in.cache.getPointsAvgVsOpponent());
    req("games_vs_opponent", "daily_cache", 0, in -> (double) in.cache.getGamesVsOpponent());
    req("minutes_avg_last_10", "daily_cache", 28, in -> in.cache.getMinutesAvgLast10());
    req("minutes_projection", "daily_cache", 28, FeatureContract::minutesProjection);
    req("usage_rate_last_10", "team_defense", Feed.TEAM_STATS, 0.2, FeatureContract::usageRate);
    req("dnp_rate", "daily_cache", 0, in -> in.cache.getAppearancesLast10() < 3 ? null : in.cache.getZeroMinuteRateLast10());
    req("breakout_flag", "daily_cache", 0, FeatureContract::breakout);
    opt("game_total", "context", Feed.GAME_LINES, in -> in.context.getGameTotal());
    opt("team_spread", "context", Feed.GAME_LINES, in -> in.context.getTeamSpread());
    // Each market's own block: its history, what the opponent allows of it, and its line.
    for (Markets.Market m : Markets.Market.values()) {
      double avg = StatDefault.sum(m, d -> d.avg);
      marketReq(m, "avg_last_5", "daily_cache", Feed.BOX_SCORES, avg, in -> in.cache.statsOf(m).getAvgLast5());
      marketReq(m, "avg_last_10", "daily_cache", Feed.BOX_SCORES, avg, in -> in.cache.statsOf(m).getAvgLast10());
      marketReq(m, "avg_season", "daily_cache", Feed.BOX_SCORES, avg, in -> in.cache.statsOf(m).getAvgSeason());
      marketReq(m, "std_last_10", "daily_cache", Feed.BOX_SCORES, StatDefault.sum(m, d -> d.std),
          in -> in.cache.statsOf(m).getStdLast10());
      marketReq(m, "trend", "daily_cache", Feed.BOX_SCORES, 0, in -> recentTrend(in.cache.statsOf(m).getLast5(), avg));
      marketReq(m, "per_minute_last_10", "daily_cache", Feed.BOX_SCORES, StatDefault.sum(m, d -> d.perMinute),
          in -> in.cache.statsOf(m).getPerMinuteLast10());
      marketReq(m, "slope_10g", "daily_cache", Feed.BOX_SCORES, 0, in -> in.cache.statsOf(m).getSlopeLast10());
      marketOpt(m, "vs_season_zscore", "daily_cache", Feed.BOX_SCORES, in -> zscore(in.cache.statsOf(m)));
      marketReq(m, "opp_allowed_last_10", "team_defense", Feed.TEAM_STATS, StatDefault.sum(m, d -> d.allowed),
          in -> allowed(in.opponent, m));
      marketOpt(m, "line", "props", Feed.PROPS, in -> lineOf(in, m, MarketLine::getLine));
      marketOpt(m, "opening_line", "props", Feed.PROPS, in -> lineOf(in, m, MarketLine::getOpeningLine));
      marketOpt(m, "line_move", "props", Feed.PROPS, in -> lineOf(in, m, MarketLine::lineMove));
      marketReq(m, "has_line", "context", Feed.PROPS, 0, in -> in.context.lineOf(m) == null ? 0.0 : 1.0);
    }
  }

  private static void marketReq(Markets.Market m, String suffix, String source, Feed feed, double def,
      Function<Inputs, Double> value) {
    FEATURES.add(new Feature(FEATURES.size(), marketFeature(m, suffix), source, feed, m, def, true, value));
  }

  private static void marketOpt(Markets.Market m, String suffix, String source, Feed feed, Function<Inputs, Double> value) {
    FEATURES.add(new Feature(FEATURES.size(), marketFeature(m, suffix), source, feed, m, 0.0, false, value));
  }

  /**
   * The name of one of a market's own features: {@code marketFeature(POINTS, "avg_last_5")} is
   * {@code pts_avg_last_5}. Each market's block has the same suffixes ({@link #MARKET_SUFFIXES}).
   */
  public static String marketFeature(Markets.Market market, String suffix) {
    return prefix(market) + "_" + suffix;
  }

  /** The suffixes of every market's block, in vector order within the block. */
  public static final List<String> MARKET_SUFFIXES = List.of(
      "avg_last_5", "avg_last_10", "avg_season", "std_last_10", "trend", "per_minute_last_10", "slope_10g",
      "vs_season_zscore", "opp_allowed_last_10", "line", "opening_line", "line_move", "has_line");

  static String prefix(Markets.Market market) {
    switch (market) {
      case POINTS: return "pts";
      case REBOUNDS: return "reb";
      case ASSISTS: return "ast";
      case THREES: return "fg3m";
      case POINTS_REBOUNDS_ASSISTS: return "pra";
      case POINTS_REBOUNDS: return "pr";
      case POINTS_ASSISTS: return "pa";
      case REBOUNDS_ASSISTS: return "ra";
      default: throw new IllegalArgumentException(market.toString());
    }
  }

  /** The feature names in vector order (immutable; built once, after the static block above). */
  private static final List<String> NAMES = FEATURES.stream().map(f -> f.name).collect(Collectors.toUnmodifiableList());

  private static final Map<String, Integer> POSITION =
      NAMES.stream().collect(Collectors.toUnmodifiableMap(n -> n, NAMES::indexOf));

  public static List<String> names() {
    return NAMES;
  }

  /** A feature's position in the vector; throws for a name the contract does not have. */
  public static int indexOf(String name) {
    Integer i = POSITION.get(name);
    if (i == null) {
      throw new IllegalArgumentException("feature contract " + VERSION + " has no feature '" + name + "'");
    }
    return i;
  }

  /** The feature row for one (player, D). */
  public static MlFeatureStoreV2 vector(Inputs in) {
    List<Double> values = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> defaulted = new ArrayList<>();
    List<String> issues = new ArrayList<>();
    Map<Feed, Integer> missingByFeed = new EnumMap<>(Feed.class);
    int requiredDefaults = 0;
    double weight = 0;
    int scored = 0;
    for (Feature f : FEATURES) {
      String source;
      Double v;
      if (in.absentFeeds.contains(f.feed) || (f.feed == Feed.PROPS && f.market != null && in.absentMarkets.contains(f.market))) {
        source = MISSING_FEED;
        v = null;
      } else {
        v = f.value.apply(in);
        if (v != null && (v.isNaN() || v.isInfinite())) {
          v = null;
        }
        source = v != null ? (f.fromCache && in.cacheFromFallback ? FALLBACK : COMPUTED) : f.required ? DEFAULT : MISSING_OPTIONAL;
      }
      if (v == null) {
        v = f.defaultValue;
        defaulted.add(f.name);
        missingByFeed.merge(f.feed, 1, Integer::sum);
      }
      if (source.equals(DEFAULT)) {
        requiredDefaults++;
      }
      if (f.required && !source.equals(MISSING_FEED)) {
        weight += source.equals(COMPUTED) ? 100 : source.equals(FALLBACK) ? 87 : 40;
        scored++;
      }
      values.add(v);
      sources.add(source);
    }
    double score = weight / scored;
    if (requiredDefaults >= 5) {
      score = Math.min(score, 49);
    } else if (requiredDefaults > 0) {
      score = Math.min(score, 69);
    }
    int games = in.cache.getGamesPlayedSeason();
    if (requiredDefaults > 0) {
      List<String> req = new ArrayList<>();
      for (int i = 0; i < FEATURES.size(); i++) {
        if (FEATURES.get(i).required && sources.get(i).equals(DEFAULT)) {
          req.add(FEATURES.get(i).name);
        }
      }
      issues.add("required features defaulted: " + String.join(", ", req));
    }
    if (games < MIN_PRIOR_GAMES) {
      issues.add("only " + games + " prior games this season (needs " + MIN_PRIOR_GAMES + ")");
    }
    List<String> missingFeeds = in.absentFeeds.stream().sorted().map(feed -> feed.id).collect(Collectors.toList());
    if (!missingFeeds.isEmpty()) {
      issues.add("optional feeds without data for this date (features missing, not scored): " + String.join(", ", missingFeeds));
    }
    if (in.cacheFromFallback) {
      issues.add("player_daily_cache row missing: history recomputed from game summaries");
    }
    UpcomingPlayerGameContext c = in.context;
    return MlFeatureStoreV2.builder()
        .setPlayerLookup(c.getPlayerLookup())
        .setPlayerId(c.getPlayerId())
        .setGameDate(c.getGameDate())
        .setSeason(c.getSeason())
        .setTeamAbbr(c.getTeamAbbr())
        .setOpponentTeamAbbr(c.getOpponentTeamAbbr())
        .setFeatureSchemaVersion(VERSION)
        .setFeatureCount(FEATURES.size())
        .setFeatureNames(names())
        .setFeatures(values)
        .setFeatureSources(sources)
        .setDefaultedFeatures(defaulted)
        .setDefaultFeatureCount(defaulted.size())
        .setRequiredDefaultCount(requiredDefaults)
        .setVegasDefaultCount(missingByFeed.getOrDefault(Feed.PROPS, 0))
        .setShotZoneMissingCount(missingByFeed.getOrDefault(Feed.SHOT_ZONES, 0))
        .setGameLineMissingCount(missingByFeed.getOrDefault(Feed.GAME_LINES, 0))
        .setMissingFeeds(missingFeeds)
        .setGamesPlayedSeason(games)
        .setIsQualityReady(requiredDefaults == 0 && games >= MIN_PRIOR_GAMES)
        .setFeatureQualityScore(score)
        .setCacheMissFallbackUsed(in.cacheFromFallback)
        .setDataQualityIssues(issues)
        .setLineSnapshotTime(c.lineSnapshotTime())
        .setUniverseSource(c.getUniverseSource())
        .setAsOf(c.getAsOf())
        .setMarketLines(c.getMarketLines())
        .build();
  }

  /**
   * What the model is given for a stored row: its values in contract order, NaN wherever the value was not
   * computed (a default, a missing optional feature or a missing feed), so "0" and "unknown" differ. Training
   * and prediction both call it.
   */
  public static double[] modelInput(MlFeatureStoreV2 row) {
    List<Double> values = row.getFeatures();
    List<String> sources = row.getFeatureSources();
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      String s = sources.get(i);
      x[i] = s.equals(COMPUTED) || s.equals(FALLBACK) ? values.get(i) : Double.NaN;
    }
    return x;
  }

  /** A model input with every optional feed's features unknown (NaN), as a run without those feeds gives it. */
  public static double[] withOptionalFeedsMissing(double[] modelInput) {
    double[] x = modelInput.clone();
    for (Feature f : FEATURES) {
      if (!f.feed.required) {
        x[f.index] = Double.NaN;
      }
    }
    return x;
  }

  /** Player's days of rest minus the opponent's, clamped to ±2; null when either has no prior game. */
  static @Nullable Double restAdvantage(Inputs in) {
    Integer mine = in.context.getDaysSinceLastGame();
    Integer theirs = in.context.getOpponentDaysSinceLastGame();
    return mine == null || theirs == null ? null : CompositeFactors.clamp(mine - theirs, -2, 2);
  }

  /**
   * Last five games, oldest first: mean of the two newest minus mean of the three before, in steps of −2…+2 scaled to
   * the market's typical game ({@code typical}: 10 for points gives ±2 points → ±1, ±5 → ±2). Null with fewer than
   * five games.
   */
  static @Nullable Double recentTrend(List<Integer> lastFiveOldestFirst, double typical) {
    if (lastFiveOldestFirst.size() < 5) {
      return null;
    }
    double older = (lastFiveOldestFirst.get(0) + lastFiveOldestFirst.get(1) + lastFiveOldestFirst.get(2)) / 3.0;
    double newer = (lastFiveOldestFirst.get(3) + lastFiveOldestFirst.get(4)) / 2.0;
    return step(newer - older, 0.2 * typical, 0.5 * typical);
  }

  /** Last-10 vs season minutes: ±10% → ±1, ±20% → ±2. */
  static @Nullable Double minutesChange(Inputs in) {
    Double l10 = in.cache.getMinutesAvgLast10();
    Double season = in.cache.getMinutesAvgSeason();
    if (l10 == null || season == null || season == 0) {
      return null;
    }
    return step(l10 / season - 1, 0.1, 0.2);
  }

  private static double step(double diff, double one, double two) {
    double a = Math.abs(diff);
    double s = a >= two ? 2 : a >= one ? 1 : 0;
    return Math.signum(diff) * s;
  }

  /** Free-throw points / points over the last 10, with at least 5 games, clamped 0–0.5. */
  static @Nullable Double pctFreeThrow(Inputs in) {
    Double share = in.cache.getFtPointsShareLast10();
    if (share == null || in.cache.getGamesPlayedSeason() < 5) {
      return null;
    }
    return CompositeFactors.clamp(share, 0, 0.5);
  }

  static @Nullable Double teamWinPct(Inputs in) {
    return in.team == null || in.team.getGamesPlayedSeason() < 5 ? null : in.team.getWinPctSeason();
  }

  /** A value of the row's line in {@code market}; null when it has none. */
  static @Nullable Double lineOf(Inputs in, Markets.Market market, Function<MarketLine, Double> value) {
    MarketLine line = in.context.lineOf(market);
    return line == null ? null : value.apply(line);
  }

  /** (last-5 − season) / last-10 spread, clamped ±3; null when the spread is 0 (ten equal games: nothing to scale). */
  static @Nullable Double zscore(MarketStats m) {
    if (m.getAvgLast5() == null || m.getAvgSeason() == null || m.getStdLast10() == null || m.getStdLast10() == 0) {
      return null;
    }
    return CompositeFactors.clamp((m.getAvgLast5() - m.getAvgSeason()) / m.getStdLast10(), -3, 3);
  }

  /** The opponent's allowance per game of the market's stats over its rated last 10, summed. */
  static @Nullable Double allowed(@Nullable TeamDefenseZoneAnalysis opponent, Markets.Market market) {
    if (opponent == null) {
      return null;
    }
    double sum = 0;
    for (Markets.Stat s : market.stats()) {
      Double v;
      switch (s) {
        case PTS: v = opponent.getOppPointsAllowedLast10(); break;
        case REB: v = opponent.getOppRebAllowedLast10(); break;
        case AST: v = opponent.getOppAstAllowedLast10(); break;
        case FG3M: v = opponent.getOppFg3mAllowedLast10(); break;
        default: throw new IllegalArgumentException(s.toString());
      }
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return sum;
  }

  /**
   * The minutes he is expected to play: 0.5 × last-5 + 0.3 × last-10 + 0.2 × season average, the weights of the
   * points baseline, so a changed role shows within a week without one game swinging it.
   */
  static @Nullable Double minutesProjection(Inputs in) {
    PlayerDailyCache c = in.cache;
    if (c.getMinutesAvgLast5() == null || c.getMinutesAvgLast10() == null || c.getMinutesAvgSeason() == null) {
      return null;
    }
    return 0.5 * c.getMinutesAvgLast5() + 0.3 * c.getMinutesAvgLast10() + 0.2 * c.getMinutesAvgSeason();
  }

  /**
   * Usage rate over the last 10: the share of his team's possessions he ends while on the floor,
   * (FGA + 0.44·FTA + TOV) × 48 / (minutes × the team's FGA + 0.44·FTA + TOV per game) — the box-score usage
   * formula with 240 team minutes a game.
   */
  static @Nullable Double usageRate(Inputs in) {
    PlayerDailyCache c = in.cache;
    Double teamUsage = in.team == null ? null : in.team.getUsagePossessionsLast10();
    if (c.getUsageAvgLast10() == null || c.getMinutesAvgLast10() == null || c.getMinutesAvgLast10() == 0
        || teamUsage == null || teamUsage == 0) {
      return null;
    }
    return c.getUsageAvgLast10() * 48 / (c.getMinutesAvgLast10() * teamUsage);
  }

  static @Nullable Double breakout(Inputs in) {
    PlayerDailyCache c = in.cache;
    if (c.getPointsAvgLast5() == null || c.getPointsAvgSeason() == null || c.getPointsStdLast10() == null) {
      return null;
    }
    return c.getPointsAvgLast5() > c.getPointsAvgSeason() + 1.5 * c.getPointsStdLast10() ? 1.0 : 0.0;
  }
}
