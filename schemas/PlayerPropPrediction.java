package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_prop_predictions}: one prediction per (player, game date, market, system), priced against
 * that market's consensus line and the odds of each side.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PlayerPropPrediction {
  /** Normalized player name. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  /** The game date, US/Eastern. */
  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  /** The prop market, by its The Odds API key ({@link schemas.vocabulary.Markets.Market#key}): player_points, player_rebounds, ... */
  @SchemaFieldNumber("3")
  @SchemaFieldName("market")
  public abstract String getMarket();

  /** Which prediction system made the row: baseline_avg_v1, gbm_v1, ensemble_v1 (the production pick). */
  @SchemaFieldNumber("4")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** The market's consensus line the prediction is priced against (the feature row's market_lines); null when the player has none. */
  @SchemaFieldNumber("5")
  @SchemaFieldName("line")
  public abstract @Nullable Double getLine();

  /** The player's team. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  /** The opponent. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  /** The system's predicted value of the market's stat (points, rebounds, ... or their sum). */
  @SchemaFieldNumber("8")
  @SchemaFieldName("predicted_value")
  public abstract double getPredictedValue();

  /** predicted_value − line; null without a line. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("edge")
  public abstract @Nullable Double getEdge();

  /**
   * P(actual over the line), from predicted_value and the system's out-of-sample residuals in this market (the model
   * bundle's holdout, {@code OverProbability}); null without a line or without residuals for the system and market.
   */
  @SchemaFieldNumber("10")
  @SchemaFieldName("p_over")
  public abstract @Nullable Double getPOver();

  /** P(actual under the line), as p_over. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("p_under")
  public abstract @Nullable Double getPUnder();

  /** P(actual exactly on the line): 0 for a half line. p_over + p_under + p_push = 1. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("p_push")
  public abstract @Nullable Double getPPush();

  /** The market's own P(over): the two sides' implied probabilities de-vigged (multiplicative); null unless both sides have a price. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("market_p_over")
  public abstract @Nullable Double getMarketPOver();

  /** American odds of the over at the line (the consensus price); null when unpriced. */
  @SchemaFieldNumber("14")
  @SchemaFieldName("over_odds")
  public abstract @Nullable Double getOverOdds();

  /** American odds of the under at the line; null when unpriced. */
  @SchemaFieldNumber("15")
  @SchemaFieldName("under_odds")
  public abstract @Nullable Double getUnderOdds();

  /** The American odds of the side recommended (over_odds for OVER, under_odds for UNDER); null on PASS. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("odds")
  public abstract @Nullable Double getOdds();

  /** Expected profit of a one-unit stake on the recommended side at odds, from p_over/p_under/p_push; null on PASS. */
  @SchemaFieldNumber("17")
  @SchemaFieldName("expected_value")
  public abstract @Nullable Double getExpectedValue();

  /**
   * OVER or UNDER when that side's expected value at its price is at least the run's --minEv (and above the other
   * side's); PASS otherwise, and always without a line, without both prices, or without p_over.
   */
  @SchemaFieldNumber("18")
  @SchemaFieldName("recommendation")
  public abstract String getRecommendation();

  /** The recommended side's probability of winning: p_over for OVER, p_under for UNDER; null on PASS. */
  @SchemaFieldNumber("19")
  @SchemaFieldName("confidence")
  public abstract @Nullable Double getConfidence();

  /** The feature row's quality score (0–100). */
  @SchemaFieldNumber("20")
  @SchemaFieldName("feature_quality_score")
  public abstract double getFeatureQualityScore();

  /**
   * Hours from the newest input behind the row (the market line's snapshot, else the start of the game date) to
   * {@code as_of}; never clamped.
   */
  @SchemaFieldNumber("21")
  @SchemaFieldName("feature_data_age_hours")
  public abstract double getFeatureDataAgeHours();

  /** The system's version: baseline_avg_v1 for the baseline, the model bundle's id (trained range and rows) for gbm_v1 and ensemble_v1. */
  @SchemaFieldNumber("22")
  @SchemaFieldName("model_version")
  public abstract String getModelVersion();

  /** The feature contract version the prediction was made against. */
  @SchemaFieldNumber("23")
  @SchemaFieldName("feature_schema_version")
  public abstract String getFeatureSchemaVersion();

  /** The props snapshot the market's line came from. */
  @SchemaFieldNumber("24")
  @SchemaFieldName("line_snapshot_time")
  public abstract @Nullable String getLineSnapshotTime();

  /** The instant the prediction was made as of: its feature row's; feature_data_age_hours is measured from it. */
  @SchemaFieldNumber("25")
  @SchemaFieldName("as_of")
  public abstract @Nullable String getAsOf();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerPropPrediction.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setMarket(String v);

    public abstract Builder setSystemId(String v);

    public abstract Builder setLine(@Nullable Double v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setPredictedValue(double v);

    public abstract Builder setEdge(@Nullable Double v);

    public abstract Builder setPOver(@Nullable Double v);

    public abstract Builder setPUnder(@Nullable Double v);

    public abstract Builder setPPush(@Nullable Double v);

    public abstract Builder setMarketPOver(@Nullable Double v);

    public abstract Builder setOverOdds(@Nullable Double v);

    public abstract Builder setUnderOdds(@Nullable Double v);

    public abstract Builder setOdds(@Nullable Double v);

    public abstract Builder setExpectedValue(@Nullable Double v);

    public abstract Builder setRecommendation(String v);

    public abstract Builder setConfidence(@Nullable Double v);

    public abstract Builder setFeatureQualityScore(double v);

    public abstract Builder setFeatureDataAgeHours(double v);

    public abstract Builder setModelVersion(String v);

    public abstract Builder setFeatureSchemaVersion(String v);

    public abstract Builder setLineSnapshotTime(@Nullable String v);

    public abstract Builder setAsOf(@Nullable String v);

    public abstract PlayerPropPrediction build();
  }
}
