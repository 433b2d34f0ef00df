package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of {@code shot_zones.csv(.gz)}: a player's field-goal attempts and makes in one court zone of one game.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class ShotZoneAttempts {
  @SchemaFieldNumber("0")
  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldNumber("1")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("2")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("3")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("4")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  @SchemaFieldNumber("5")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  /** NBA.com BASIC_ZONE. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("basic_zone")
  public abstract String getBasicZone();

  /** paint, mid_range or three: see {@link schemas.vocabulary.CourtZones}. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("zone_group")
  public abstract String getZoneGroup();

  @SchemaFieldNumber("8")
  @SchemaFieldName("fga")
  public abstract int getFga();

  @SchemaFieldNumber("9")
  @SchemaFieldName("fgm")
  public abstract int getFgm();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_ShotZoneAttempts.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setGameId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setBasicZone(String v);

    public abstract Builder setZoneGroup(String v);

    public abstract Builder setFga(int v);

    public abstract Builder setFgm(int v);

    public abstract ShotZoneAttempts build();
  }
}
