package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code grading_summary}: per game date, market and system, how the predictions did, against the actual
 * value and against the market (written by `grade`; key game_date, market, system_id). Void rows (the player did not
 * play) are counted, never averaged in.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class GradingSummary {
  /** The game date. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  /** The prop market (The Odds API key). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("market")
  public abstract String getMarket();

  /** The prediction system. */
  @SchemaFieldNumber("2")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** Prediction rows of the date, market and system. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("predictions")
  public abstract int getPredictions();

  /** Rows with an actual value: the MAE's population. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("graded")
  public abstract int getGraded();

  /** Rows whose player did not play (VOID). */
  @SchemaFieldNumber("5")
  @SchemaFieldName("void_did_not_play")
  public abstract int getVoidDidNotPlay();

  /** Mean absolute error over the graded rows; null when none. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("mae")
  public abstract @Nullable Double getMae();

  /** Graded rows with a line: the population of mae_with_line and line_mae. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("graded_with_line")
  public abstract int getGradedWithLine();

  /** The system's mean absolute error over the graded rows with a line; null when none. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("mae_with_line")
  public abstract @Nullable Double getMaeWithLine();

  /** The line's own mean absolute error (|line − actual|) over the same rows as mae_with_line; null when none. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("line_mae")
  public abstract @Nullable Double getLineMae();

  /** Graded rows without a line (PASS by construction). */
  @SchemaFieldNumber("10")
  @SchemaFieldName("no_line")
  public abstract int getNoLine();

  /** Graded rows with a line recommended PASS (no side's expected value cleared --minEv, or a side had no price). */
  @SchemaFieldNumber("11")
  @SchemaFieldName("passes_with_line")
  public abstract int getPassesWithLine();

  /** OVER/UNDER picks that won. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("wins")
  public abstract int getWins();

  /** OVER/UNDER picks that lost. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("losses")
  public abstract int getLosses();

  /** Picks whose actual was exactly the line (stake returned; excluded from the hit rate). */
  @SchemaFieldNumber("14")
  @SchemaFieldName("pushes")
  public abstract int getPushes();

  /** wins / (wins + losses); null without a decided pick. */
  @SchemaFieldNumber("15")
  @SchemaFieldName("hit_rate")
  public abstract @Nullable Double getHitRate();

  /** Lower bound of the 95% Wilson score interval of the hit rate. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("hit_rate_ci_low")
  public abstract @Nullable Double getHitRateCiLow();

  /** Upper bound of the 95% Wilson score interval of the hit rate. */
  @SchemaFieldNumber("17")
  @SchemaFieldName("hit_rate_ci_high")
  public abstract @Nullable Double getHitRateCiHigh();

  /** Units staked: one per settled pick (wins + losses + pushes); a void pick stakes nothing. */
  @SchemaFieldNumber("18")
  @SchemaFieldName("staked")
  public abstract int getStaked();

  /** Units won or lost by the picks at their recorded odds (the sum of prediction_grades.profit). */
  @SchemaFieldNumber("19")
  @SchemaFieldName("profit")
  public abstract double getProfit();

  /** profit / staked; null when nothing was staked. */
  @SchemaFieldNumber("20")
  @SchemaFieldName("roi")
  public abstract @Nullable Double getRoi();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_GradingSummary.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setGameDate(String v);

    public abstract Builder setMarket(String v);

    public abstract Builder setSystemId(String v);

    public abstract Builder setPredictions(int v);

    public abstract Builder setGraded(int v);

    public abstract Builder setVoidDidNotPlay(int v);

    public abstract Builder setMae(@Nullable Double v);

    public abstract Builder setGradedWithLine(int v);

    public abstract Builder setMaeWithLine(@Nullable Double v);

    public abstract Builder setLineMae(@Nullable Double v);

    public abstract Builder setNoLine(int v);

    public abstract Builder setPassesWithLine(int v);

    public abstract Builder setWins(int v);

    public abstract Builder setLosses(int v);

    public abstract Builder setPushes(int v);

    public abstract Builder setHitRate(@Nullable Double v);

    public abstract Builder setHitRateCiLow(@Nullable Double v);

    public abstract Builder setHitRateCiHigh(@Nullable Double v);

    public abstract Builder setStaked(int v);

    public abstract Builder setProfit(double v);

    public abstract Builder setRoi(@Nullable Double v);

    public abstract GradingSummary build();
  }
}
