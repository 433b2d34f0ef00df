package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Table {@code grading_summary}: per game date and system, how the predictions did (written by `grade`; key game_date, system_id). Ungradeable rows are counted, never averaged in. */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class GradingSummary {
  /** The game date. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  /** The prediction system. */
  @SchemaFieldNumber("1")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** Prediction rows of the date and system. */
  @SchemaFieldNumber("2")
  @SchemaFieldName("predictions")
  public abstract int getPredictions();

  /** Rows with an actual: the MAE's population. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("graded")
  public abstract int getGraded();

  /** Rows whose player did not play. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("ungradeable_did_not_play")
  public abstract int getUngradeableDidNotPlay();

  /** Mean absolute error over the graded rows; null when none. */
  @SchemaFieldNumber("5")
  @SchemaFieldName("mae")
  public abstract @Nullable Double getMae();

  /** Graded rows without a line (PASS by construction). */
  @SchemaFieldNumber("6")
  @SchemaFieldName("no_line")
  public abstract int getNoLine();

  /** Graded rows with a line whose |edge| was below the PASS threshold. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("passes_with_line")
  public abstract int getPassesWithLine();

  /** OVER/UNDER recommendations that won. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("wins")
  public abstract int getWins();

  /** OVER/UNDER recommendations that lost. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("losses")
  public abstract int getLosses();

  /** Actual exactly on the line (excluded from the hit rate). */
  @SchemaFieldNumber("10")
  @SchemaFieldName("pushes")
  public abstract int getPushes();

  /** wins / (wins + losses); null without a decided bet. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("hit_rate")
  public abstract @Nullable Double getHitRate();

  /** Lower bound of the 95% Wilson score interval of the hit rate. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("hit_rate_ci_low")
  public abstract @Nullable Double getHitRateCiLow();

  /** Upper bound of the 95% Wilson score interval of the hit rate. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("hit_rate_ci_high")
  public abstract @Nullable Double getHitRateCiHigh();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_GradingSummary.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setGameDate(String v);

    public abstract Builder setSystemId(String v);

    public abstract Builder setPredictions(int v);

    public abstract Builder setGraded(int v);

    public abstract Builder setUngradeableDidNotPlay(int v);

    public abstract Builder setMae(@Nullable Double v);

    public abstract Builder setNoLine(int v);

    public abstract Builder setPassesWithLine(int v);

    public abstract Builder setWins(int v);

    public abstract Builder setLosses(int v);

    public abstract Builder setPushes(int v);

    public abstract Builder setHitRate(@Nullable Double v);

    public abstract Builder setHitRateCiLow(@Nullable Double v);

    public abstract Builder setHitRateCiHigh(@Nullable Double v);

    public abstract GradingSummary build();
  }
}
