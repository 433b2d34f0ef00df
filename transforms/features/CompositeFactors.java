package transforms.features;

import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code player_composite_factors}: four adjustment scores for a player's game on D, from the same day's
 * context, cache, shot profile and the two teams' rows. Formulas:
 *
 * <ul>
 *   <li>fatigue_score = clamp(100 − 20·back_to_back − 8·max(0, games_in_last_7_days − 2)
 *       − 0.25·max(0, minutes_in_last_7_days − 90), 0, 100); 100 is fresh.
 *   <li>pace_score = (team pace_last_10 + opponent pace_last_10) / 2 − league pace this season (possessions
 *       per team per game); positive means a faster game than usual, so more chances to score.
 *   <li>shot_zone_mismatch_score = Σ over paint, mid-range, three of player's share of attempts ×
 *       (opponent's FG% allowed in the zone − league FG% in the zone) × 100: the percentage points of FG% the
 *       opponent's zone defense is expected to give (positive) or take from (negative) this player's shot mix.
 *   <li>usage_spike_score = clamp(10 · (usage_avg_last_5 / usage_avg_season − 1), −3, 3), usage being
 *       FGA + 0.44·FTA + TOV per game: +1 for 10% more shot volume lately than over the season.
 * </ul>
 *
 * A score whose inputs are missing is null (the feature store then records a default, never a guess).
 */
public final class CompositeFactors {
  private CompositeFactors() {}

  public static PlayerCompositeFactors compute(
      UpcomingPlayerGameContext context,
      PlayerDailyCache cache,
      @Nullable PlayerShotZoneAnalysis zones,
      @Nullable TeamDefenseZoneAnalysis team,
      @Nullable TeamDefenseZoneAnalysis opponent) {
    double fatigue =
        100
            - (context.getBackToBack() ? 20 : 0)
            - 8 * Math.max(0, cache.getGamesInLast7Days() - 2)
            - 0.25 * Math.max(0, cache.getMinutesInLast7Days() - 90);
    Double teamPace = team == null ? null : team.getPaceLast10();
    Double oppPace = opponent == null ? null : opponent.getPaceLast10();
    Double leaguePace = team == null ? null : team.getLeaguePaceSeason();
    Double pace = teamPace == null || oppPace == null || leaguePace == null ? null : (teamPace + oppPace) / 2 - leaguePace;
    Double usage =
        cache.getUsageAvgLast5() == null || cache.getUsageAvgSeason() == null || cache.getUsageAvgSeason() == 0
            ? null
            : clamp(10 * (cache.getUsageAvgLast5() / cache.getUsageAvgSeason() - 1), -3, 3);
    return PlayerCompositeFactors.builder()
        .setPlayerLookup(context.getPlayerLookup())
        .setPlayerId(context.getPlayerId())
        .setGameDate(context.getGameDate())
        .setSeason(context.getSeason())
        .setTeamAbbr(context.getTeamAbbr())
        .setOpponentTeamAbbr(context.getOpponentTeamAbbr())
        .setFatigueScore(clamp(fatigue, 0, 100))
        .setPaceScore(pace)
        .setShotZoneMismatchScore(mismatch(zones, opponent))
        .setUsageSpikeScore(usage)
        .setTeamPaceLast10(teamPace)
        .setOpponentPaceLast10(oppPace)
        .build();
  }

  static @Nullable Double mismatch(@Nullable PlayerShotZoneAnalysis z, @Nullable TeamDefenseZoneAnalysis opp) {
    if (z == null || opp == null) {
      return null;
    }
    Double[] shares = {z.getPctPaint(), z.getPctMidRange(), z.getPctThree()};
    Double[] allowed = {opp.getOppFgPctAllowedPaint(), opp.getOppFgPctAllowedMidRange(), opp.getOppFgPctAllowedThree()};
    Double[] league = {opp.getLeagueFgPctPaint(), opp.getLeagueFgPctMidRange(), opp.getLeagueFgPctThree()};
    double score = 0;
    for (int i = 0; i < 3; i++) {
      if (shares[i] == null || allowed[i] == null || league[i] == null) {
        return null;
      }
      score += shares[i] * (allowed[i] - league[i]) * 100;
    }
    return score;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
