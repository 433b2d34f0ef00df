package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_composite_factors} (Phase 4): adjustment scores for (player, game_date). Formulas:
 * {@link transforms.features.CompositeFactors} and docs/tables.md.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PlayerCompositeFactors {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("4")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("5")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  /** 0–100, 100 = fresh. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("fatigue_score")
  public abstract double getFatigueScore();

  /** Expected game pace minus the league's season pace; null without team history. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("pace_score")
  public abstract @Nullable Double getPaceScore();

  /** Percentage points of FG% the opponent's zone defense gives the player's shot mix. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("shot_zone_mismatch_score")
  public abstract @Nullable Double getShotZoneMismatchScore();

  /** Recent vs season shot volume, clamped to ±3. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("usage_spike_score")
  public abstract @Nullable Double getUsageSpikeScore();

  @SchemaFieldNumber("10")
  @SchemaFieldName("team_pace_last_10")
  public abstract @Nullable Double getTeamPaceLast10();

  @SchemaFieldNumber("11")
  @SchemaFieldName("opponent_pace_last_10")
  public abstract @Nullable Double getOpponentPaceLast10();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerCompositeFactors.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setFatigueScore(double v);

    public abstract Builder setPaceScore(@Nullable Double v);

    public abstract Builder setShotZoneMismatchScore(@Nullable Double v);

    public abstract Builder setUsageSpikeScore(@Nullable Double v);

    public abstract Builder setTeamPaceLast10(@Nullable Double v);

    public abstract Builder setOpponentPaceLast10(@Nullable Double v);

    public abstract PlayerCompositeFactors build();
  }
}
