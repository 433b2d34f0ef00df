package transforms.features;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.Markets;

/**
 * The feature contract of {@code ml_feature_store_v2}, version {@value #VERSION}: the one definition of
 * each feature's index, name, source, default and whether it is required. It follows the old system's
 * {@code v2_37features} where our inputs allow, and differs where they do not or where it was wrong:
 *
 * <ul>
 *   <li>{@code injury_risk} is dropped: there is no injury-report input. Its slot holds
 *       {@code opp_points_allowed_last_10}, which the old list lacked.
 *   <li>{@code recent_trend} reads the last five games oldest first (the old code inverted the sign).
 *   <li>Shot-zone shares are fractions 0–1 on every path (the old fallback wrote percentages).
 *   <li>{@code avg_points_vs_opponent} is optional: a first meeting with an opponent is normal, like a missing
 *       line, and must not make every early-season row "not ready".
 *   <li>"Season" is the current season only (the point-in-time rule), not a one-year lookback.
 *   <li>Two features the old list lacked, from the game-lines feed: {@code game_total} (the game's closing total)
 *       and {@code team_spread} (the player's team's handicap, negative when favoured), known only from the
 *       game's tip-off ({@code AsOfTime.knowsClosingLine}).
 * </ul>
 *
 * <p><b>Feeds.</b> Each feature comes from one input {@link Feed}. Box scores with the schedule are the required
 * feed; complete team box scores (team stats), shot zones, sportsbook player props and game lines are optional
 * feeds. What a <i>row</i> lacks and what
 * the <i>run</i> lacks are told apart: when an optional feed has no data for a row's date ({@link FeedCoverage}:
 * absent from the run, or nothing for that date), its features are {@code missing_feed}: the documented default
 * is stored, they are not scored and do not make the row "not ready", and the row counts them per feed
 * ({@code vegas_default_count}, {@code shot_zone_missing_count}, {@code game_line_missing_count}) and names the
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

  public static final String VERSION = "v3_39features";
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

    public Inputs(
        UpcomingPlayerGameContext context,
        PlayerDailyCache cache,
        boolean cacheFromFallback,
        PlayerCompositeFactors composite,
        @Nullable PlayerShotZoneAnalysis zones,
        @Nullable TeamDefenseZoneAnalysis team,
        @Nullable TeamDefenseZoneAnalysis opponent,
        Set<Feed> absentFeeds) {
      this.context = context;
      this.cache = cache;
      this.cacheFromFallback = cacheFromFallback;
      this.composite = composite;
      this.zones = zones;
      this.team = team;
      this.opponent = opponent;
      this.absentFeeds = absentFeeds;
    }
  }

  /** One feature: where it comes from and what stands in when it is missing. */
  public static final class Feature {
    public final int index;
    public final String name;
    public final String source;
    public final double defaultValue;
    public final Feed feed;
    public final boolean required;
    final boolean fromCache;
    final Function<Inputs, Double> value;

    Feature(int index, String name, String source, Feed feed, double defaultValue, boolean required,
        Function<Inputs, Double> value) {
      this.index = index;
      this.name = name;
      this.source = source;
      this.feed = feed;
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
    FEATURES.add(new Feature(FEATURES.size(), name, source, feed, def, true, value));
  }

  private static void opt(String name, String source, Feed feed, Function<Inputs, Double> value) {
    FEATURES.add(new Feature(FEATURES.size(), name, source, feed, 0.0, false, value));
  }

  static {
    req("pts_avg_last_5", "daily_cache", 10, in -> in.cache.getPointsAvgLast5());
    req("pts_avg_last_10", "daily_cache", 10, in -> in.cache.getPointsAvgLast10());
    req("pts_avg_season", "daily_cache", 10, in -> in.cache.getPointsAvgSeason());
    req("pts_std_last_10", "daily_cache", 5, in -> in.cache.getPointsStdLast10());
    req("games_in_last_7_days", "daily_cache", 3, in -> (double) in.cache.getGamesInLast7Days());
    req("fatigue_score", "composite_factors", 50, in -> in.composite.getFatigueScore());
    req("shot_zone_mismatch_score", "composite_factors", Feed.SHOT_ZONES, 0, in -> in.composite.getShotZoneMismatchScore());
    req("pace_score", "composite_factors", Feed.TEAM_STATS, 0, in -> in.composite.getPaceScore());
    req("usage_spike_score", "composite_factors", 0, in -> in.composite.getUsageSpikeScore());
    req("rest_advantage", "context", 0, FeatureContract::restAdvantage);
    req("pts_opp_allowed_last_10", "team_defense", Feed.TEAM_STATS, 112, in -> in.opponent == null ? null : in.opponent.getOppPointsAllowedLast10());
    req("pts_trend", "daily_cache", 0, in -> recentTrend(in.cache.getPointsLast5()));
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
    opt("pts_line", "props", Feed.PROPS, in -> pointsLine(in) == null ? null : pointsLine(in).getLine());
    opt("pts_opening_line", "props", Feed.PROPS, in -> pointsLine(in) == null ? null : pointsLine(in).getOpeningLine());
    opt("pts_line_move", "props", Feed.PROPS, FeatureContract::lineMove);
    req("pts_has_line", "context", Feed.PROPS, 0, in -> pointsLine(in) == null ? 0.0 : 1.0);
    opt("avg_points_vs_opponent", "daily_cache", Feed.BOX_SCORES, in -> in.cache.getPointsAvgVsOpponent());
    req("games_vs_opponent", "daily_cache", 0, in -> (double) in.cache.getGamesVsOpponent());
    req("minutes_avg_last_10", "daily_cache", 28, in -> in.cache.getMinutesAvgLast10());
    req("pts_per_minute_last_10", "daily_cache", 0.4, in -> in.cache.getPointsPerMinuteLast10());
    req("dnp_rate", "daily_cache", 0, in -> in.cache.getAppearancesLast10() < 3 ? null : in.cache.getZeroMinuteRateLast10());
    req("pts_slope_10g", "daily_cache", 0, in -> in.cache.getPointsSlopeLast10());
    req("pts_vs_season_zscore", "daily_cache", 0, FeatureContract::zscore);
    req("breakout_flag", "daily_cache", 0, FeatureContract::breakout);
    opt("game_total", "context", Feed.GAME_LINES, in -> in.context.getGameTotal());
    opt("team_spread", "context", Feed.GAME_LINES, in -> in.context.getTeamSpread());
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
      if (in.absentFeeds.contains(f.feed)) {
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
   * Last five games, oldest first: mean of the two newest minus mean of the three before, mapped to −2…+2
   * (±2 points → ±1, ±5 → ±2). Null with fewer than five games.
   */
  static @Nullable Double recentTrend(List<Integer> lastFiveOldestFirst) {
    if (lastFiveOldestFirst.size() < 5) {
      return null;
    }
    double older = (lastFiveOldestFirst.get(0) + lastFiveOldestFirst.get(1) + lastFiveOldestFirst.get(2)) / 3.0;
    double newer = (lastFiveOldestFirst.get(3) + lastFiveOldestFirst.get(4)) / 2.0;
    return step(newer - older, 2, 5);
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

  static @Nullable Double lineMove(Inputs in) {
    return pointsLine(in) == null ? null : pointsLine(in).lineMove();
  }

  private static schemas.@Nullable MarketLine pointsLine(Inputs in) {
    return in.context.lineOf(Markets.Market.POINTS);
  }

  static @Nullable Double zscore(Inputs in) {
    PlayerDailyCache c = in.cache;
    if (c.getPointsAvgLast5() == null || c.getPointsAvgSeason() == null || c.getPointsStdLast10() == null
        || c.getPointsStdLast10() == 0) {
      return null;
    }
    return CompositeFactors.clamp((c.getPointsAvgLast5() - c.getPointsAvgSeason()) / c.getPointsStdLast10(), -3, 3);
  }

  static @Nullable Double breakout(Inputs in) {
    PlayerDailyCache c = in.cache;
    if (c.getPointsAvgLast5() == null || c.getPointsAvgSeason() == null || c.getPointsStdLast10() == null) {
      return null;
    }
    return c.getPointsAvgLast5() > c.getPointsAvgSeason() + 1.5 * c.getPointsStdLast10() ? 1.0 : 0.0;
  }
}
