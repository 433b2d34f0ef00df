package schemas;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.Markets;

/**
 * Table {@code player_daily_cache} (Phase 4): rolling player stats as of {@code cache_date}, over the player's
 * same-season games before that date with minutes &gt; 0. "Last N" = the N most recent. Definitions: docs/tables.md.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PlayerDailyCache {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("cache_date")
  public abstract String getCacheDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("4")
  @SchemaFieldName("games_played_season")
  public abstract int getGamesPlayedSeason();

  @SchemaFieldNumber("5")
  @SchemaFieldName("points_avg_last_5")
  public abstract @Nullable Double getPointsAvgLast5();

  @SchemaFieldNumber("6")
  @SchemaFieldName("points_avg_last_10")
  public abstract @Nullable Double getPointsAvgLast10();

  @SchemaFieldNumber("7")
  @SchemaFieldName("points_avg_season")
  public abstract @Nullable Double getPointsAvgSeason();

  /** Population standard deviation; null with fewer than 2 games. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("points_std_last_10")
  public abstract @Nullable Double getPointsStdLast10();

  @SchemaFieldNumber("9")
  @SchemaFieldName("minutes_avg_last_10")
  public abstract @Nullable Double getMinutesAvgLast10();

  @SchemaFieldNumber("10")
  @SchemaFieldName("minutes_avg_season")
  public abstract @Nullable Double getMinutesAvgSeason();

  /** Total points / total minutes over the last 10. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("points_per_minute_last_10")
  public abstract @Nullable Double getPointsPerMinuteLast10();

  /** Games dated cache_date−7 … cache_date−1. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("games_in_last_7_days")
  public abstract int getGamesInLast7Days();

  @SchemaFieldNumber("13")
  @SchemaFieldName("minutes_in_last_7_days")
  public abstract double getMinutesInLast7Days();

  @SchemaFieldNumber("14")
  @SchemaFieldName("days_since_last_game")
  public abstract @Nullable Integer getDaysSinceLastGame();

  @SchemaFieldNumber("15")
  @SchemaFieldName("last_game_date")
  public abstract @Nullable String getLastGameDate();

  /** Mean usage_possessions (FGA + 0.44·FTA + TOV) per game. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("usage_avg_last_5")
  public abstract @Nullable Double getUsageAvgLast5();

  @SchemaFieldNumber("17")
  @SchemaFieldName("usage_avg_season")
  public abstract @Nullable Double getUsageAvgSeason();

  @SchemaFieldNumber("18")
  @SchemaFieldName("fga_avg_last_10")
  public abstract @Nullable Double getFgaAvgLast10();

  /** Total FGM / total FGA. */
  @SchemaFieldNumber("19")
  @SchemaFieldName("fg_pct_last_10")
  public abstract @Nullable Double getFgPctLast10();

  /** Total PTS / (2·(total FGA + 0.44·total FTA)). */
  @SchemaFieldNumber("20")
  @SchemaFieldName("ts_pct_last_10")
  public abstract @Nullable Double getTsPctLast10();

  /** Total FG3A / total FGA. */
  @SchemaFieldNumber("21")
  @SchemaFieldName("three_attempt_rate_last_10")
  public abstract @Nullable Double getThreeAttemptRateLast10();

  /** Total FTM / total PTS. */
  @SchemaFieldNumber("22")
  @SchemaFieldName("ft_points_share_last_10")
  public abstract @Nullable Double getFtPointsShareLast10();

  /** Points of the last 5 games, oldest first (empty with no game). */
  @SchemaFieldNumber("23")
  @SchemaFieldName("points_last_5")
  public abstract List<Integer> getPointsLast5();

  /** Least-squares slope of points per game over the last 10, oldest first; null with fewer than 3. */
  @SchemaFieldNumber("24")
  @SchemaFieldName("points_slope_last_10")
  public abstract @Nullable Double getPointsSlopeLast10();

  /** The player's 10 most recent box-score rows of the season, 0-minute rows included. */
  @SchemaFieldNumber("25")
  @SchemaFieldName("appearances_last_10")
  public abstract int getAppearancesLast10();

  /** Share of appearances_last_10 with 0 minutes (the data has no DNP rows). */
  @SchemaFieldNumber("26")
  @SchemaFieldName("zero_minute_rate_last_10")
  public abstract @Nullable Double getZeroMinuteRateLast10();

  /** The opponent the player faces on cache_date (from the run's context). */
  @SchemaFieldNumber("27")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldNumber("28")
  @SchemaFieldName("games_vs_opponent")
  public abstract int getGamesVsOpponent();

  @SchemaFieldNumber("29")
  @SchemaFieldName("points_avg_vs_opponent")
  public abstract @Nullable Double getPointsAvgVsOpponent();

  @SchemaFieldNumber("30")
  @SchemaFieldName("minutes_avg_last_5")
  public abstract @Nullable Double getMinutesAvgLast5();

  /** FGA + 0.44·FTA + TOV per game over the last 10 games played. */
  @SchemaFieldNumber("31")
  @SchemaFieldName("usage_avg_last_10")
  public abstract @Nullable Double getUsageAvgLast10();

  /** Each prop market's own history ({@link MarketStats}), in {@link schemas.vocabulary.Markets} order. */
  @SchemaFieldNumber("32")
  @SchemaFieldName("market_stats")
  public abstract List<MarketStats> getMarketStats();

  /** This row's history of {@code market}; throws for a market it lacks (every row has all of them). */
  public MarketStats statsOf(Markets.Market market) {
    for (MarketStats m : getMarketStats()) {
      if (m.getMarket().equals(market.key())) {
        return m;
      }
    }
    throw new IllegalStateException(getPlayerLookup() + " " + getCacheDate() + ": no " + market.key() + " history");
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerDailyCache.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

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

    public abstract Builder setPointsLast5(List<Integer> v);

    public abstract Builder setPointsSlopeLast10(@Nullable Double v);

    public abstract Builder setAppearancesLast10(int v);

    public abstract Builder setZeroMinuteRateLast10(@Nullable Double v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setGamesVsOpponent(int v);

    public abstract Builder setPointsAvgVsOpponent(@Nullable Double v);

    public abstract Builder setMinutesAvgLast5(@Nullable Double v);

    public abstract Builder setUsageAvgLast10(@Nullable Double v);

    public abstract Builder setMarketStats(List<MarketStats> v);

    public abstract PlayerDailyCache build();
  }
}
