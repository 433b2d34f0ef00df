package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Table {@code prediction_grades}: one prediction of `player_prop_predictions` against the box score (written by `grade`; key player_lookup, game_date, system_id, line). */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PredictionGrade {
  /** Normalized player name. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  /** The game date. */
  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  /** The prediction system. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** The line the prediction was made against; null without a line. */
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

  /** The prediction. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("predicted_points")
  public abstract double getPredictedPoints();

  /** OVER, UNDER or PASS, as predicted. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("recommendation")
  public abstract String getRecommendation();

  /** The prediction's confidence. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("confidence")
  public abstract double getConfidence();

  /** Points scored; null when the player did not play (no box score with minutes > 0). */
  @SchemaFieldNumber("10")
  @SchemaFieldName("actual_points")
  public abstract @Nullable Integer getActualPoints();

  /** |predicted − actual|; null when ungradeable. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("absolute_error")
  public abstract @Nullable Double getAbsoluteError();

  /** WIN, LOSS or PUSH for an OVER/UNDER against the actual points; NO_BET for PASS; UNGRADEABLE when the player did not play; PENDING before grading (export only). */
  @SchemaFieldNumber("12")
  @SchemaFieldName("outcome")
  public abstract String getOutcome();

  /** Why a row cannot be graded: did_not_play. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("ungradeable_reason")
  public abstract @Nullable String getUngradeableReason();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PredictionGrade.Builder();
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

    public abstract Builder setRecommendation(String v);

    public abstract Builder setConfidence(double v);

    public abstract Builder setActualPoints(@Nullable Integer v);

    public abstract Builder setAbsoluteError(@Nullable Double v);

    public abstract Builder setOutcome(String v);

    public abstract Builder setUngradeableReason(@Nullable String v);

    public abstract PredictionGrade build();
  }
}
