package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static transforms.features.FeatureRows.D;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import schemas.MarketLine;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import transforms.features.FeatureContract.Feed;
import schemas.vocabulary.Markets;

/**
 * Feeds, not rows: an optional feed the run lacks leaves its features missing (counted, not scored, not making the
 * row unready), while a feed the run has but a player lacks still defaults a required feature; and the model is
 * given NaN for every value that was not computed.
 */
public class FeatureContractTest {
  private static final List<String> ZONE_FEATURES =
      List.of("shot_zone_mismatch_score", "pct_paint", "pct_mid_range", "pct_three");

  /** A veteran with ten games before D and every box-score input present; no shot profile, no line. */
  private static FeatureContract.Inputs veteran(Set<Feed> absent) throws Exception {
    return veteran(absent, absent.contains(Feed.PROPS) ? EnumSet.allOf(Markets.Market.class) : EnumSet.noneOf(Markets.Market.class));
  }

  private static FeatureContract.Inputs veteran(Set<Feed> absent, Set<Markets.Market> absentMarkets) throws Exception {
    UpcomingPlayerGameContext ctx = FeatureRows.context("annexample", D, "BOS", "NYK").toBuilder()
        .setDaysSinceLastGame(2).setOpponentDaysSinceLastGame(1).build();
    List<PlayerGameSummary> games = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      games.add(FeatureRows.game("annexample", String.format("2024-01-%02d", day), 30, 10 + day));
    }
    PlayerDailyCache cache = AsOf.dailyCache(ctx, games);
    TeamDefenseZoneAnalysis bos = team("BOS");
    TeamDefenseZoneAnalysis nyk = team("NYK");
    PlayerCompositeFactors composite = CompositeFactors.compute(ctx, cache, null, bos, nyk);
    return new FeatureContract.Inputs(ctx, cache, false, composite, null, bos, nyk, absent, absentMarkets);
  }

  private static TeamDefenseZoneAnalysis team(String abbr) {
    return TeamDefenseZoneAnalysis.builder().setIncompleteGamesLast10(0)
        .setTeamAbbr(abbr).setAnalysisDate(D).setSeason("2023-24").setGamesPlayedSeason(10).setGamesInSample(10)
        .setOppPointsAllowedLast10(110.0).setDefRatingLast10(110.0).setOffRatingLast10(112.0).setPaceLast10(99.0)
        .setWinPctSeason(0.5).setDaysSinceLastGame(2).setOppZoneFgaLast10(800)
        .setOppRebAllowedLast10(44.0).setOppAstAllowedLast10(25.0).setOppFg3mAllowedLast10(12.5).setUsagePossessionsLast10(100.0)
        .setOppFgPctAllowedPaint(0.56).setOppFgPctAllowedMidRange(0.41).setOppFgPctAllowedThree(0.36)
        .setLeagueFgPctPaint(0.55).setLeagueFgPctMidRange(0.4).setLeagueFgPctThree(0.375).setLeaguePaceSeason(97.0)
        .build();
  }

  private static String source(MlFeatureStoreV2 row, String feature) {
    return row.getFeatureSources().get(FeatureContract.indexOf(feature));
  }

  @Test
  public void aRunWithoutShotZonesLeavesTheirFeaturesMissingAndTheRowReady() throws Exception {
    MlFeatureStoreV2 row = FeatureContract.vector(veteran(EnumSet.of(Feed.SHOT_ZONES)));

    for (String f : ZONE_FEATURES) {
      assertThat(f, source(row, f), equalTo(FeatureContract.MISSING_FEED));
    }
    assertThat(row.getRequiredDefaultCount(), equalTo(0));
    assertThat(row.getIsQualityReady(), equalTo(true));
    assertThat(row.getShotZoneMissingCount(), equalTo(4));
    assertThat(row.getMissingFeeds(), contains("shot_zones"));
    assertThat(row.getFeatureQualityScore(), equalTo(100.0)); // missing-feed features are not scored
    // The stored vector keeps the documented default.
    assertThat(row.getFeatures().get(FeatureContract.indexOf("pct_paint")), equalTo(0.40));
  }

  @Test
  public void aRunWithShotZonesThatLackThisPlayerDefaultsThemAsBefore() throws Exception {
    MlFeatureStoreV2 row = FeatureContract.vector(veteran(EnumSet.noneOf(Feed.class)));

    for (String f : ZONE_FEATURES) {
      assertThat(f, source(row, f), equalTo(FeatureContract.DEFAULT));
    }
    assertThat(row.getRequiredDefaultCount(), equalTo(4));
    assertThat(row.getIsQualityReady(), equalTo(false));
    assertThat(row.getShotZoneMissingCount(), equalTo(4));
    assertThat(row.getMissingFeeds(), empty());
  }

  @Test
  public void eachOptionalFeedIsCountedOnItsOwn() throws Exception {
    MlFeatureStoreV2 none = FeatureContract.vector(veteran(EnumSet.of(Feed.SHOT_ZONES, Feed.PROPS, Feed.GAME_LINES)));
    assertThat(none.getMissingFeeds(), contains("shot_zones", "props", "game_lines"));
    assertThat(none.getShotZoneMissingCount(), equalTo(4));
    assertThat(none.getGameLineMissingCount(), equalTo(2));
    assertThat(source(none, "game_total"), equalTo(FeatureContract.MISSING_FEED));
    // Every market's line, opening line, move and has_line: eight markets of four.
    assertThat(none.getVegasDefaultCount(), equalTo(32));
    assertThat(source(none, "pts_has_line"), equalTo(FeatureContract.MISSING_FEED));
    assertThat(none.getIsQualityReady(), equalTo(true));

    // The props feed covers D but this player has no line: has_line is a computed 0, the values optional-missing.
    MlFeatureStoreV2 noLine = FeatureContract.vector(veteran(EnumSet.of(Feed.SHOT_ZONES, Feed.GAME_LINES)));
    assertThat(noLine.getVegasDefaultCount(), equalTo(24));
    assertThat(source(noLine, "pts_has_line"), equalTo(FeatureContract.COMPUTED));
    assertThat(source(noLine, "pts_line"), equalTo(FeatureContract.MISSING_OPTIONAL));
    assertThat(noLine.getMissingFeeds(), contains("shot_zones", "game_lines"));
  }

  @Test
  public void partialRosterBoxScoresLeaveTheTeamRatingsMissingAndTheRowReady() throws Exception {
    // A partial-roster export (some players of each team) has no complete team-game: no team stats for any date.
    MlFeatureStoreV2 row = FeatureContract.vector(veteran(EnumSet.of(Feed.TEAM_STATS, Feed.SHOT_ZONES)));
    for (String f : List.of("pts_opp_allowed_last_10", "opponent_def_rating", "opponent_pace", "team_pace",
        "team_off_rating", "pace_score")) {
      assertThat(f, source(row, f), equalTo(FeatureContract.MISSING_FEED));
    }
    assertThat(source(row, "team_win_pct"), equalTo(FeatureContract.COMPUTED)); // W/L is on every player's row
    assertThat(row.getIsQualityReady(), equalTo(true));
    assertThat(row.getMissingFeeds(), contains("team_stats", "shot_zones"));
  }

  @Test
  public void teamStatsAreAbsentOnlyWhereATeamHasGamesButNoCompleteOne() {
    TeamDefenseZoneAnalysis complete = team("BOS");
    TeamDefenseZoneAnalysis partialOnly = complete.toBuilder().setGamesInSample(0).setIncompleteGamesLast10(10).build();
    TeamDefenseZoneAnalysis noGameYet = complete.toBuilder().setGamesInSample(0).setIncompleteGamesLast10(0).build();
    UpcomingPlayerGameContext ctx = FeatureRows.context("annexample", D, "BOS", "NYK");
    Map<String, List<String>> all = Map.of(Feed.PROPS.id, List.of(D), Feed.GAME_LINES.id, List.of(D),
        Feed.SHOT_ZONES.id, List.of("2023-24|2024-01-01"));

    assertThat(FeedCoverage.absentFor(all, ctx, complete, complete), empty());
    assertThat(FeedCoverage.absentFor(all, ctx, complete, partialOnly), contains(Feed.TEAM_STATS));
    assertThat(FeedCoverage.absentFor(all, ctx, partialOnly, complete), contains(Feed.TEAM_STATS));
    assertThat("a team with no game yet is a per-row default, not a missing feed",
        FeedCoverage.absentFor(all, ctx, noGameYet, complete), empty());
  }

  @Test
  public void aKnownGameLineGivesTheTotalAndTheTeamsSpread() throws Exception {
    FeatureContract.Inputs in = veteran(EnumSet.of(Feed.SHOT_ZONES, Feed.PROPS));
    FeatureContract.Inputs withLine = new FeatureContract.Inputs(
        in.context.toBuilder().setGameTotal(228.5).setTeamSpread(-4.5).build(), in.cache, false, in.composite, null,
        in.team, in.opponent, in.absentFeeds, in.absentMarkets);
    MlFeatureStoreV2 row = FeatureContract.vector(withLine);
    assertThat(row.getFeatures().get(FeatureContract.indexOf("game_total")), equalTo(228.5));
    assertThat(row.getFeatures().get(FeatureContract.indexOf("team_spread")), equalTo(-4.5));
    assertThat(row.getGameLineMissingCount(), equalTo(0));
    // The feed covers the date, but this game's line is not known as of the row's instant: optional, missing.
    MlFeatureStoreV2 unknown = FeatureContract.vector(in);
    assertThat(source(unknown, "game_total"), equalTo(FeatureContract.MISSING_OPTIONAL));
    assertThat(unknown.getGameLineMissingCount(), equalTo(2));
    assertThat(unknown.getIsQualityReady(), equalTo(true));
  }

  @Test
  public void theModelIsGivenNanWhereAValueWasNotComputed() throws Exception {
    MlFeatureStoreV2 row = FeatureContract.vector(veteran(EnumSet.of(Feed.SHOT_ZONES)));
    double[] x = FeatureContract.modelInput(row);

    assertThat(x.length, equalTo(FeatureContract.FEATURES.size()));
    assertThat(Double.isNaN(x[FeatureContract.indexOf("pct_paint")]), equalTo(true)); // missing feed
    assertThat(Double.isNaN(x[FeatureContract.indexOf("pts_line")]), equalTo(true)); // no line
    assertThat(x[FeatureContract.indexOf("pts_has_line")], equalTo(0.0)); // a known "no line"
    assertThat(x[FeatureContract.indexOf("pts_avg_season")], greaterThan(10.0));
  }

  @Test
  public void aTrainingCopyWithOptionalFeedsMissingKeepsOnlyTheBoxScoreFeatures() throws Exception {
    double[] x = FeatureContract.modelInput(FeatureContract.vector(veteran(EnumSet.noneOf(Feed.class))));
    double[] masked = FeatureContract.withOptionalFeedsMissing(x);
    assertThat(Double.isNaN(masked[FeatureContract.indexOf("opponent_def_rating")]), equalTo(true)); // team stats
    assertThat(Double.isNaN(masked[FeatureContract.indexOf("pts_has_line")]), equalTo(true)); // props
    assertThat(masked[FeatureContract.indexOf("pts_avg_season")], equalTo(x[FeatureContract.indexOf("pts_avg_season")]));
    assertThat("the original is untouched", Double.isNaN(x[FeatureContract.indexOf("opponent_def_rating")]), equalTo(false));
  }

  @Test
  public void feedsCoverTheirOwnDatesAndShotZonesTheDatesAfterTheSeasonsFirst() {
    Map<String, List<String>> covered = Map.of(
        Feed.PROPS.id, List.of("2024-01-19", "2024-01-20"),
        Feed.SHOT_ZONES.id, List.of("2022-23|2023-04-01", "2023-24|2024-01-10", "2023-24|2024-01-15"));

    assertThat(FeedCoverage.absentOn(covered, "2023-24", "2024-01-20"), equalTo(EnumSet.of(Feed.GAME_LINES)));
    // Shot zones exist in the season only from 01-10: the 10th's features have no earlier game to come from.
    assertThat(FeedCoverage.absentOn(covered, "2023-24", "2024-01-10"), equalTo(EnumSet.of(Feed.PROPS, Feed.SHOT_ZONES, Feed.GAME_LINES)));
    assertThat(FeedCoverage.absentOn(covered, "2023-24", "2024-01-11"), equalTo(EnumSet.of(Feed.PROPS, Feed.GAME_LINES)));
    // Another season's zones do not cover this one.
    assertThat(FeedCoverage.absentOn(covered, "2024-25", "2024-11-01").contains(Feed.SHOT_ZONES), equalTo(true));
    assertThat(FeedCoverage.absentOn(Map.of(), "2023-24", "2024-01-20"),
        equalTo(EnumSet.of(Feed.PROPS, Feed.SHOT_ZONES, Feed.GAME_LINES)));
  }

  private static double value(MlFeatureStoreV2 row, String feature) {
    return row.getFeatures().get(FeatureContract.indexOf(feature));
  }

  @Test
  public void eachMarketHasItsOwnHistoryFromTheBoxScoresItSettlesOn() throws Exception {
    UpcomingPlayerGameContext ctx = FeatureRows.context("annexample", D, "BOS", "NYK").toBuilder()
        .setDaysSinceLastGame(2).setOpponentDaysSinceLastGame(1).build();
    List<PlayerGameSummary> games = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      // points 20, rebounds = day, assists 5, threes 2 on odd days and 0 on even ones; 30 minutes each
      games.add(FeatureRows.game("annexample", String.format("2024-01-%02d", day), 30, 20).toBuilder()
          .setReb(day).setAst(5).setFg3m(day % 2).build());
    }
    PlayerDailyCache cache = AsOf.dailyCache(ctx, games);
    FeatureContract.Inputs in = new FeatureContract.Inputs(ctx, cache, false,
        CompositeFactors.compute(ctx, cache, null, team("BOS"), team("NYK")), null, team("BOS"), team("NYK"),
        EnumSet.of(Feed.SHOT_ZONES), EnumSet.noneOf(Markets.Market.class));
    MlFeatureStoreV2 row = FeatureContract.vector(in);

    assertThat(value(row, "reb_avg_last_5"), equalTo(8.0)); // 6..10
    assertThat(value(row, "reb_avg_season"), equalTo(5.5));
    assertThat(value(row, "reb_slope_10g"), equalTo(1.0));
    assertThat(value(row, "reb_per_minute_last_10"), equalTo(55.0 / 300));
    assertThat(value(row, "reb_trend"), equalTo(2.0)); // newest two 9.5 vs 7: +2.5 ≥ 0.5 × 4
    assertThat(value(row, "pra_avg_last_5"), equalTo(20 + 8.0 + 5));
    assertThat(value(row, "pra_opp_allowed_last_10"), equalTo(110 + 44 + 25.0));
    assertThat(value(row, "ra_avg_last_10"), equalTo(5.5 + 5));
    assertThat(value(row, "fg3m_avg_last_10"), equalTo(0.5));
    assertThat(value(row, "fg3m_std_last_10"), equalTo(0.5));
    // Assists never vary: no spread to scale a z-score by, an optional feature left missing, the row still ready.
    assertThat(source(row, "ast_vs_season_zscore"), equalTo(FeatureContract.MISSING_OPTIONAL));
    assertThat(value(row, "pts_avg_last_5"), equalTo(cache.getPointsAvgLast5()));
    assertThat(value(row, "pts_std_last_10"), equalTo(cache.getPointsStdLast10()));
    assertThat(row.getIsQualityReady(), equalTo(true));
    assertThat(row.getFeatureCount(), equalTo(FeatureContract.FEATURES.size()));
  }

  @Test
  public void aMarketTheBooksDidNotListThatDayIsMissingWithTheFeedNotDefaultedForThePlayer() throws Exception {
    MarketLine points = MarketLine.builder().setMarket(Markets.Market.POINTS.key()).setLine(21.5).setOpeningLine(20.5)
        .setOverOdds(-115.0).setUnderOdds(-105.0).setBooksCount(1).setSnapshotTime(D + "T16:00:00Z")
        .setOpeningSnapshotTime(D + "T14:00:00Z").setGameTime(D + "T23:30:00Z").build();
    FeatureContract.Inputs in = veteran(EnumSet.of(Feed.SHOT_ZONES), EnumSet.of(Markets.Market.THREES));
    FeatureContract.Inputs withLine = new FeatureContract.Inputs(
        in.context.toBuilder().setMarketLines(List.of(points)).build(), in.cache, false, in.composite, null,
        in.team, in.opponent, in.absentFeeds, in.absentMarkets);
    MlFeatureStoreV2 row = FeatureContract.vector(withLine);

    assertThat(value(row, "pts_line"), equalTo(21.5));
    assertThat(value(row, "pts_line_move"), equalTo(1.0));
    assertThat(value(row, "pts_has_line"), equalTo(1.0));
    assertThat(source(row, "fg3m_has_line"), equalTo(FeatureContract.MISSING_FEED));
    assertThat(source(row, "fg3m_line"), equalTo(FeatureContract.MISSING_FEED));
    // Rebounds were listed that day, not for him: a known "no line".
    assertThat(source(row, "reb_has_line"), equalTo(FeatureContract.COMPUTED));
    assertThat(value(row, "reb_has_line"), equalTo(0.0));
    assertThat(row.getIsQualityReady(), equalTo(true));
    assertThat(row.getMarketLines(), contains(points));
    assertThat(row.getLineSnapshotTime(), equalTo(D + "T16:00:00Z"));
    Map<String, List<String>> covered = Map.of(Feed.PROPS.id, List.of(D),
        FeedCoverage.marketKey(Markets.Market.POINTS.key()), List.of(D));
    assertThat(FeedCoverage.absentMarketsFor(covered, in.context),
        equalTo(EnumSet.complementOf(EnumSet.of(Markets.Market.POINTS))));
    // A line the row carries proves its market covers the date (a line update after the morning's coverage).
    MarketLine threes = points.toBuilder().setMarket(Markets.Market.THREES.key()).setLine(2.5).build();
    assertThat(FeedCoverage.absentMarketsFor(covered, in.context.toBuilder().setMarketLines(List.of(threes)).build())
        .contains(Markets.Market.THREES), equalTo(false));
  }
}
