package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code feature_store_gaps}: a player of the run's universe who got no feature row for a date, and why.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class FeatureStoreGap {
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
  @SchemaFieldName("reason")
  public abstract String getReason();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_FeatureStoreGap.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setReason(String v);

    public abstract FeatureStoreGap build();
  }
}
