package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_daily_cache} (Phase 4): rolling player stats as of {@code cache_date}, over the player's
 * same-season games before that date with minutes &gt; 0. "Last N" = the N most recent. Definitions: docs/tables.md.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class PlayerDailyCache {
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  @SchemaFieldName("cache_date")
  public abstract String getCacheDate();

  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldName("games_played_season")
  public abstract int getGamesPlayedSeason();

  @SchemaFieldName("points_avg_last_5")
  public abstract @Nullable Double getPointsAvgLast5();

  @SchemaFieldName("points_avg_last_10")
  public abstract @Nullable Double getPointsAvgLast10();

  @SchemaFieldName("points_avg_season")
  public abstract @Nullable Double getPointsAvgSeason();

  /** Population standard deviation; null with fewer than 2 games. */
  @SchemaFieldName("points_std_last_10")
  public abstract @Nullable Double getPointsStdLast10();

  @SchemaFieldName("minutes_avg_last_10")
  public abstract @Nullable Double getMinutesAvgLast10();

  @SchemaFieldName("minutes_avg_season")
  public abstract @Nullable Double getMinutesAvgSeason();

  /** Total points / total minutes over the last 10. */
  @SchemaFieldName("points_per_minute_last_10")
  public abstract @Nullable Double getPointsPerMinuteLast10();

  /** Games dated cache_date−7 … cache_date−1. */
  @SchemaFieldName("games_in_last_7_days")
  public abstract int getGamesInLast7Days();

  @SchemaFieldName("minutes_in_last_7_days")
  public abstract double getMinutesInLast7Days();

  @SchemaFieldName("days_since_last_game")
  public abstract @Nullable Integer getDaysSinceLastGame();

  @SchemaFieldName("last_game_date")
  public abstract @Nullable String getLastGameDate();

  /** Mean usage_possessions (FGA + 0.44·FTA + TOV) per game. */
  @SchemaFieldName("usage_avg_last_5")
  public abstract @Nullable Double getUsageAvgLast5();

  @SchemaFieldName("usage_avg_season")
  public abstract @Nullable Double getUsageAvgSeason();

  @SchemaFieldName("fga_avg_last_10")
  public abstract @Nullable Double getFgaAvgLast10();

  /** Total FGM / total FGA. */
  @SchemaFieldName("fg_pct_last_10")
  public abstract @Nullable Double getFgPctLast10();

  /** Total PTS / (2·(total FGA + 0.44·total FTA)). */
  @SchemaFieldName("ts_pct_last_10")
  public abstract @Nullable Double getTsPctLast10();

  /** Total FG3A / total FGA. */
  @SchemaFieldName("three_attempt_rate_last_10")
  public abstract @Nullable Double getThreeAttemptRateLast10();

  /** Total FTM / total PTS. */
  @SchemaFieldName("ft_points_share_last_10")
  public abstract @Nullable Double getFtPointsShareLast10();

  /** Least-squares slope of points per game over the last 10, oldest first; null with fewer than 3. */
  @SchemaFieldName("points_slope_last_10")
  public abstract @Nullable Double getPointsSlopeLast10();

  /** The player's 10 most recent box-score rows of the season, 0-minute rows included. */
  @SchemaFieldName("appearances_last_10")
  public abstract int getAppearancesLast10();

  /** Share of appearances_last_10 with 0 minutes (the data has no DNP rows). */
  @SchemaFieldName("zero_minute_rate_last_10")
  public abstract @Nullable Double getZeroMinuteRateLast10();

  /** The opponent the player faces on cache_date (from the run's context). */
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldName("games_vs_opponent")
  public abstract int getGamesVsOpponent();

  @SchemaFieldName("points_avg_vs_opponent")
  public abstract @Nullable Double getPointsAvgVsOpponent();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerDailyCache.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setCacheDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setGamesPlayedSeason(int v);

    public abstract Builder setPointsAvgLast5(@Nullable Double v);

    public abstract Builder setPointsAvgLast10(@Nullable Double v);

    public abstract Builder setPointsAvgSeason(@Nullable Double v);

    public abstract Builder setPointsStdLast10(@Nullable Double v);

    public abstract Builder setMinutesAvgLast10(@Nullable Double v);

    public abstract Builder setMinutesAvgSeason(@Nullable Double v);

    public abstract Builder setPointsPerMinuteLast10(@Nullable Double v);

    public abstract Builder setGamesInLast7Days(int v);

    public abstract Builder setMinutesInLast7Days(double v);

    public abstract Builder setDaysSinceLastGame(@Nullable Integer v);

    public abstract Builder setLastGameDate(@Nullable String v);

    public abstract Builder setUsageAvgLast5(@Nullable Double v);

    public abstract Builder setUsageAvgSeason(@Nullable Double v);

    public abstract Builder setFgaAvgLast10(@Nullable Double v);

    public abstract Builder setFgPctLast10(@Nullable Double v);

    public abstract Builder setTsPctLast10(@Nullable Double v);

    public abstract Builder setThreeAttemptRateLast10(@Nullable Double v);

    public abstract Builder setFtPointsShareLast10(@Nullable Double v);

    public abstract Builder setPointsSlopeLast10(@Nullable Double v);

    public abstract Builder setAppearancesLast10(int v);

    public abstract Builder setZeroMinuteRateLast10(@Nullable Double v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setGamesVsOpponent(int v);

    public abstract Builder setPointsAvgVsOpponent(@Nullable Double v);

    public abstract PlayerDailyCache build();
  }
}
