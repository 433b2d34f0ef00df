package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One offer of a {@code player_props_snapshots*.csv*} file: one book's line for one player in one market in one
 * snapshot. Lines are built for the markets of {@link schemas.vocabulary.Markets}; offers of others are counted and
 * dropped.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PropSnapshotOffer {
  @SchemaFieldNumber("0")
  @SchemaFieldName("snapshot_file")
  public abstract String getSnapshotFile();

  /** ISO instant of the snapshot, from the file name {@code raw_YYYYMMDD_HHMMSS.csv}. */
  @SchemaFieldNumber("1")
  @SchemaFieldName("snapshot_time")
  public abstract String getSnapshotTime();

  @SchemaFieldNumber("2")
  @SchemaFieldName("event_id")
  public abstract String getEventId();

  @SchemaFieldNumber("3")
  @SchemaFieldName("market")
  public abstract String getMarket();

  @SchemaFieldNumber("4")
  @SchemaFieldName("player_name")
  public abstract String getPlayerName();

  @SchemaFieldNumber("5")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  @SchemaFieldNumber("6")
  @SchemaFieldName("bookmaker")
  public abstract String getBookmaker();

  @SchemaFieldNumber("7")
  @SchemaFieldName("game")
  public abstract String getGame();

  /** ISO instant (UTC) of tip-off. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("game_time")
  public abstract String getGameTime();

  /** US/Eastern date of game_time. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("10")
  @SchemaFieldName("line")
  public abstract double getLine();

  @SchemaFieldNumber("11")
  @SchemaFieldName("over_odds")
  public abstract @Nullable Double getOverOdds();

  @SchemaFieldNumber("12")
  @SchemaFieldName("under_odds")
  public abstract @Nullable Double getUnderOdds();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PropSnapshotOffer.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSnapshotFile(String v);

    public abstract Builder setSnapshotTime(String v);

    public abstract Builder setEventId(String v);

    public abstract Builder setMarket(String v);

    public abstract Builder setPlayerName(String v);

    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setBookmaker(String v);

    public abstract Builder setGame(String v);

    public abstract Builder setGameTime(String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setLine(double v);

    public abstract Builder setOverOdds(@Nullable Double v);

    public abstract Builder setUnderOdds(@Nullable Double v);

    public abstract PropSnapshotOffer build();
  }
}
