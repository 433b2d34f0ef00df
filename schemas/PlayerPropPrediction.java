package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Table {@code player_prop_predictions}: one prediction per (player, game date, system, line). */
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

  /** Which prediction system made the row: baseline_avg_v1, gbm_v1, ensemble_v1. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** The points line used (the consensus line of the feature row); null when the player has none. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("line")
  public abstract @Nullable Double getLine();

  /** The player's team. */
  @SchemaFieldNumber("5")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  /** The opponent. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  /** The system's predicted points. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("predicted_points")
  public abstract double getPredictedPoints();

  /** predicted_points − line; null without a line. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("edge")
  public abstract @Nullable Double getEdge();

  /** OVER, UNDER or PASS (no line, or |edge| below the PASS threshold). */
  @SchemaFieldNumber("9")
  @SchemaFieldName("recommendation")
  public abstract String getRecommendation();

  /** Estimated probability that the recommended side wins: Φ(|edge| / σ), σ = the player's points standard deviation over the last 10 (at least 3); 0.5 for PASS. */
  @SchemaFieldNumber("10")
  @SchemaFieldName("confidence")
  public abstract double getConfidence();

  /** The feature row's quality score (0–100). */
  @SchemaFieldNumber("11")
  @SchemaFieldName("feature_quality_score")
  public abstract double getFeatureQualityScore();

  /**
   * Hours from the newest input behind the row (its line snapshot, else the end of the day before the game) to
   * {@code as_of}; never clamped.
   */
  @SchemaFieldNumber("12")
  @SchemaFieldName("feature_data_age_hours")
  public abstract double getFeatureDataAgeHours();

  /** The system's version: baseline_avg_v1 for the baseline, the model file's id (trained range and rows) for gbm_v1 and ensemble_v1. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("model_version")
  public abstract String getModelVersion();

  /** The feature contract version the prediction was made against. */
  @SchemaFieldNumber("14")
  @SchemaFieldName("feature_schema_version")
  public abstract String getFeatureSchemaVersion();

  /** The props snapshot the line came from. */
  @SchemaFieldNumber("15")
  @SchemaFieldName("line_snapshot_time")
  public abstract @Nullable String getLineSnapshotTime();

  /** The instant the prediction was made as of: its feature row's; feature_data_age_hours is measured from it. */
  @SchemaFieldNumber("16")
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

    public abstract Builder setSystemId(String v);

    public abstract Builder setLine(@Nullable Double v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setPredictedPoints(double v);

    public abstract Builder setEdge(@Nullable Double v);

    public abstract Builder setRecommendation(String v);

    public abstract Builder setConfidence(double v);

    public abstract Builder setFeatureQualityScore(double v);

    public abstract Builder setFeatureDataAgeHours(double v);

    public abstract Builder setModelVersion(String v);

    public abstract Builder setFeatureSchemaVersion(String v);

    public abstract Builder setLineSnapshotTime(@Nullable String v);

    public abstract Builder setAsOf(@Nullable String v);

    public abstract PlayerPropPrediction build();
  }
}
