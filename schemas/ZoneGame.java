package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A player's shots of one game, grouped into the three zone groups of {@link schemas.vocabulary.CourtZones}; with the
 * defending team, so one record serves the player's profile and the opponent's zone defense.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class ZoneGame {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  /** Null when neither the schedule nor the box scores name the opponent. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("defending_team_abbr")
  public abstract @Nullable String getDefendingTeamAbbr();

  @SchemaFieldNumber("4")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("5")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("6")
  @SchemaFieldName("paint_fga")
  public abstract int getPaintFga();

  @SchemaFieldNumber("7")
  @SchemaFieldName("paint_fgm")
  public abstract int getPaintFgm();

  @SchemaFieldNumber("8")
  @SchemaFieldName("mid_range_fga")
  public abstract int getMidRangeFga();

  @SchemaFieldNumber("9")
  @SchemaFieldName("mid_range_fgm")
  public abstract int getMidRangeFgm();

  @SchemaFieldNumber("10")
  @SchemaFieldName("three_fga")
  public abstract int getThreeFga();

  @SchemaFieldNumber("11")
  @SchemaFieldName("three_fgm")
  public abstract int getThreeFgm();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_ZoneGame.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setDefendingTeamAbbr(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setPaintFga(int v);

    public abstract Builder setPaintFgm(int v);

    public abstract Builder setMidRangeFga(int v);

    public abstract Builder setMidRangeFgm(int v);

    public abstract Builder setThreeFga(int v);

    public abstract Builder setThreeFgm(int v);

    public abstract ZoneGame build();
  }
}
