package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code prediction_grades}: one prediction of `player_prop_predictions` against the box score (written by
 * `grade`; key player key, game_date, market, system_id, line).
 */
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

  /** The prop market (The Odds API key). */
  @SchemaFieldNumber("3")
  @SchemaFieldName("market")
  public abstract String getMarket();

  /** The prediction system. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("system_id")
  public abstract String getSystemId();

  /** The line the prediction was made against; null without a line. */
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

  /** The predicted value of the market's stat. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("predicted_value")
  public abstract double getPredictedValue();

  /** OVER, UNDER or PASS, as predicted. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("recommendation")
  public abstract String getRecommendation();

  /** The recommended side's probability, as predicted; null on PASS. */
  @SchemaFieldNumber("10")
  @SchemaFieldName("confidence")
  public abstract @Nullable Double getConfidence();

  /** P(over) as predicted; null without a line or calibration. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("p_over")
  public abstract @Nullable Double getPOver();

  /** The de-vigged market P(over) as predicted; null unless both sides were priced. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("market_p_over")
  public abstract @Nullable Double getMarketPOver();

  /** The American odds the pick was taken at (the recommended side's price); null on PASS. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("odds")
  public abstract @Nullable Double getOdds();

  /** The pick's expected value per unit staked, as predicted; null on PASS. */
  @SchemaFieldNumber("14")
  @SchemaFieldName("expected_value")
  public abstract @Nullable Double getExpectedValue();

  /** The market's actual value from the box score (its stats summed); null when the player did not play. */
  @SchemaFieldNumber("15")
  @SchemaFieldName("actual_value")
  public abstract @Nullable Integer getActualValue();

  /** |predicted − actual|; null when void. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("absolute_error")
  public abstract @Nullable Double getAbsoluteError();

  /**
   * WIN, LOSS or PUSH (actual == line) for an OVER/UNDER against the actual value; NO_BET for PASS; VOID when the
   * player did not play; PENDING before grading (export only).
   */
  @SchemaFieldNumber("17")
  @SchemaFieldName("outcome")
  public abstract String getOutcome();

  /**
   * Profit of a one-unit stake on the pick at its odds: decimal − 1 on a WIN, −1 on a LOSS, 0 on a PUSH, a VOID or
   * NO_BET; null while PENDING.
   */
  @SchemaFieldNumber("18")
  @SchemaFieldName("profit")
  public abstract @Nullable Double getProfit();

  /** Why a row is void: did_not_play. */
  @SchemaFieldNumber("19")
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

    public abstract Builder setMarket(String v);

    public abstract Builder setSystemId(String v);

    public abstract Builder setLine(@Nullable Double v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setPredictedValue(double v);

    public abstract Builder setRecommendation(String v);

    public abstract Builder setConfidence(@Nullable Double v);

    public abstract Builder setPOver(@Nullable Double v);

    public abstract Builder setMarketPOver(@Nullable Double v);

    public abstract Builder setOdds(@Nullable Double v);

    public abstract Builder setExpectedValue(@Nullable Double v);

    public abstract Builder setActualValue(@Nullable Integer v);

    public abstract Builder setAbsoluteError(@Nullable Double v);

    public abstract Builder setOutcome(String v);

    public abstract Builder setProfit(@Nullable Double v);

    public abstract Builder setUngradeableReason(@Nullable String v);

    public abstract PredictionGrade build();
  }
}
