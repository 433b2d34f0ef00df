package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_shot_zone_analysis} (Phase 4): a player's shot mix and accuracy per zone group over his
 * last 10 games with zone data before {@code analysis_date} (same season).
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PlayerShotZoneAnalysis {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("analysis_date")
  public abstract String getAnalysisDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("4")
  @SchemaFieldName("games_in_sample")
  public abstract int getGamesInSample();

  @SchemaFieldNumber("5")
  @SchemaFieldName("zone_fga_last_10")
  public abstract int getZoneFgaLast10();

  /** Share of zone FGA, a fraction 0–1 (never a percentage). */
  @SchemaFieldNumber("6")
  @SchemaFieldName("pct_paint")
  public abstract @Nullable Double getPctPaint();

  @SchemaFieldNumber("7")
  @SchemaFieldName("pct_mid_range")
  public abstract @Nullable Double getPctMidRange();

  @SchemaFieldNumber("8")
  @SchemaFieldName("pct_three")
  public abstract @Nullable Double getPctThree();

  @SchemaFieldNumber("9")
  @SchemaFieldName("fg_pct_paint")
  public abstract @Nullable Double getFgPctPaint();

  @SchemaFieldNumber("10")
  @SchemaFieldName("fg_pct_mid_range")
  public abstract @Nullable Double getFgPctMidRange();

  @SchemaFieldNumber("11")
  @SchemaFieldName("fg_pct_three")
  public abstract @Nullable Double getFgPctThree();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerShotZoneAnalysis.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setAnalysisDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setGamesInSample(int v);

    public abstract Builder setZoneFgaLast10(int v);

    public abstract Builder setPctPaint(@Nullable Double v);

    public abstract Builder setPctMidRange(@Nullable Double v);

    public abstract Builder setPctThree(@Nullable Double v);

    public abstract Builder setFgPctPaint(@Nullable Double v);

    public abstract Builder setFgPctMidRange(@Nullable Double v);

    public abstract Builder setFgPctThree(@Nullable Double v);

    public abstract PlayerShotZoneAnalysis build();
  }
}
