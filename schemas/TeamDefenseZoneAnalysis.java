package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code team_defense_zone_analysis} (Phase 4): a team's last 10 games before {@code analysis_date}
 * (same season): what it allowed, overall and per shot zone group, and its pace; with the league's
 * season-to-date baselines the matchup scores compare against.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class TeamDefenseZoneAnalysis {
  @SchemaFieldNumber("0")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("1")
  @SchemaFieldName("analysis_date")
  public abstract String getAnalysisDate();

  @SchemaFieldNumber("2")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("3")
  @SchemaFieldName("games_played_season")
  public abstract int getGamesPlayedSeason();

  /**
   * Team games of the last 10 whose box scores are complete: the sample of the ratings, pace and points allowed
   * below (fewer early in the season, or when box scores are partial).
   */
  @SchemaFieldNumber("4")
  @SchemaFieldName("games_in_sample")
  public abstract int getGamesInSample();

  /** Games of the last 10 left out of the ratings because their box scores are incomplete (a flag, 0 normally). */
  @SchemaFieldNumber("5")
  @SchemaFieldName("incomplete_games_last_10")
  public abstract int getIncompleteGamesLast10();

  @SchemaFieldNumber("6")
  @SchemaFieldName("opp_points_allowed_last_10")
  public abstract @Nullable Double getOppPointsAllowedLast10();

  /** 100 · points allowed / opponent possessions. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("def_rating_last_10")
  public abstract @Nullable Double getDefRatingLast10();

  /** 100 · points scored / possessions. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("off_rating_last_10")
  public abstract @Nullable Double getOffRatingLast10();

  /** Mean over games of (possessions + opponent possessions) / 2. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("pace_last_10")
  public abstract @Nullable Double getPaceLast10();

  @SchemaFieldNumber("10")
  @SchemaFieldName("win_pct_season")
  public abstract @Nullable Double getWinPctSeason();

  @SchemaFieldNumber("11")
  @SchemaFieldName("days_since_last_game")
  public abstract @Nullable Integer getDaysSinceLastGame();

  /** Opponent field-goal attempts with zone data in the sample. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("opp_zone_fga_last_10")
  public abstract int getOppZoneFgaLast10();

  @SchemaFieldNumber("13")
  @SchemaFieldName("opp_fg_pct_allowed_paint")
  public abstract @Nullable Double getOppFgPctAllowedPaint();

  @SchemaFieldNumber("14")
  @SchemaFieldName("opp_fg_pct_allowed_mid_range")
  public abstract @Nullable Double getOppFgPctAllowedMidRange();

  @SchemaFieldNumber("15")
  @SchemaFieldName("opp_fg_pct_allowed_three")
  public abstract @Nullable Double getOppFgPctAllowedThree();

  /** League-wide, same season, before analysis_date. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("league_fg_pct_paint")
  public abstract @Nullable Double getLeagueFgPctPaint();

  @SchemaFieldNumber("17")
  @SchemaFieldName("league_fg_pct_mid_range")
  public abstract @Nullable Double getLeagueFgPctMidRange();

  @SchemaFieldNumber("18")
  @SchemaFieldName("league_fg_pct_three")
  public abstract @Nullable Double getLeagueFgPctThree();

  @SchemaFieldNumber("19")
  @SchemaFieldName("league_pace_season")
  public abstract @Nullable Double getLeaguePaceSeason();

  /** Per game over the same rated games as opp_points_allowed_last_10: the opponents' rebounds, assists and threes made. */
  @SchemaFieldNumber("20")
  @SchemaFieldName("opp_reb_allowed_last_10")
  public abstract @Nullable Double getOppRebAllowedLast10();

  @SchemaFieldNumber("21")
  @SchemaFieldName("opp_ast_allowed_last_10")
  public abstract @Nullable Double getOppAstAllowedLast10();

  @SchemaFieldNumber("22")
  @SchemaFieldName("opp_fg3m_allowed_last_10")
  public abstract @Nullable Double getOppFg3mAllowedLast10();

  /** The team's FGA + 0.44·FTA + TOV per game over its rated last 10: the denominator of a player's usage rate. */
  @SchemaFieldNumber("23")
  @SchemaFieldName("usage_possessions_last_10")
  public abstract @Nullable Double getUsagePossessionsLast10();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_TeamDefenseZoneAnalysis.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setAnalysisDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setGamesPlayedSeason(int v);

    public abstract Builder setGamesInSample(int v);

    public abstract Builder setIncompleteGamesLast10(int v);

    public abstract Builder setOppPointsAllowedLast10(@Nullable Double v);

    public abstract Builder setDefRatingLast10(@Nullable Double v);

    public abstract Builder setOffRatingLast10(@Nullable Double v);

    public abstract Builder setPaceLast10(@Nullable Double v);

    public abstract Builder setWinPctSeason(@Nullable Double v);

    public abstract Builder setDaysSinceLastGame(@Nullable Integer v);

    public abstract Builder setOppZoneFgaLast10(int v);

    public abstract Builder setOppFgPctAllowedPaint(@Nullable Double v);

    public abstract Builder setOppFgPctAllowedMidRange(@Nullable Double v);

    public abstract Builder setOppFgPctAllowedThree(@Nullable Double v);

    public abstract Builder setLeagueFgPctPaint(@Nullable Double v);

    public abstract Builder setLeagueFgPctMidRange(@Nullable Double v);

    public abstract Builder setLeagueFgPctThree(@Nullable Double v);

    public abstract Builder setLeaguePaceSeason(@Nullable Double v);

    public abstract Builder setOppRebAllowedLast10(@Nullable Double v);

    public abstract Builder setOppAstAllowedLast10(@Nullable Double v);

    public abstract Builder setOppFg3mAllowedLast10(@Nullable Double v);

    public abstract Builder setUsagePossessionsLast10(@Nullable Double v);

    public abstract TeamDefenseZoneAnalysis build();
  }
}
