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
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import transforms.features.FeatureContract.Feed;

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
    return new FeatureContract.Inputs(ctx, cache, false, composite, null, bos, nyk, absent);
  }

  private static TeamDefenseZoneAnalysis team(String abbr) {
    return TeamDefenseZoneAnalysis.builder().setIncompleteGamesLast10(0)
        .setTeamAbbr(abbr).setAnalysisDate(D).setSeason("2023-24").setGamesPlayedSeason(10).setGamesInSample(10)
        .setOppPointsAllowedLast10(110.0).setDefRatingLast10(110.0).setOffRatingLast10(112.0).setPaceLast10(99.0)
        .setWinPctSeason(0.5).setDaysSinceLastGame(2).setOppZoneFgaLast10(800)
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
    assertThat(none.getVegasDefaultCount(), equalTo(4)); // three vegas values and has_vegas_line
    assertThat(source(none, "pts_has_line"), equalTo(FeatureContract.MISSING_FEED));
    assertThat(none.getIsQualityReady(), equalTo(true));

    // The props feed covers D but this player has no line: has_vegas_line is a computed 0, the values optional-missing.
    MlFeatureStoreV2 noLine = FeatureContract.vector(veteran(EnumSet.of(Feed.SHOT_ZONES, Feed.GAME_LINES)));
    assertThat(noLine.getVegasDefaultCount(), equalTo(3));
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
        in.team, in.opponent, in.absentFeeds);
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
}
