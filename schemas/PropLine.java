package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_prop_lines}: the consensus line of one player for one game date in one market, keyed by
 * (player_lookup, game_date, market): the median over books of each book's main line (the one whose over and
 * under prices are closest to even), in the last snapshot taken before the run's as-of instant and before tip-off
 * (and, for the opening line, the first), with the consensus price of each side at that line
 * ({@code transforms.context.BuildConsensusLines}). A market no book prices for the player and date has no row.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PropLine {
  /** As the sportsbook spells the name, folded. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** {@link schemas.vocabulary.PlayerNames#joinKey}: suffix-insensitive, aliases applied. */
  @SchemaFieldNumber("1")
  @SchemaFieldName("join_key")
  public abstract String getJoinKey();

  @SchemaFieldNumber("2")
  @SchemaFieldName("player_name")
  public abstract String getPlayerName();

  @SchemaFieldNumber("3")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("4")
  @SchemaFieldName("game_time")
  public abstract String getGameTime();

  @SchemaFieldNumber("5")
  @SchemaFieldName("line")
  public abstract double getLine();

  @SchemaFieldNumber("6")
  @SchemaFieldName("opening_line")
  public abstract double getOpeningLine();

  /** line − opening_line. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("line_move")
  public abstract double getLineMove();

  /** Books in the latest snapshot's consensus. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("books_count")
  public abstract int getBooksCount();

  /** The snapshot the line was taken from. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("snapshot_time")
  public abstract String getSnapshotTime();

  @SchemaFieldNumber("10")
  @SchemaFieldName("opening_snapshot_time")
  public abstract String getOpeningSnapshotTime();

  /** The Odds API market key ({@link schemas.vocabulary.Markets.Market#key}): the table is keyed by it. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("market")
  public abstract String getMarket();

  /**
   * American odds of the over at {@code line}: the median over the books whose main line in the latest snapshot is
   * {@code line}; null when none prices it (an even number of books whose median falls between two lines, or blank
   * sides): a side without a price is not bet.
   */
  @SchemaFieldNumber("12")
  @SchemaFieldName("over_odds")
  public abstract @Nullable Double getOverOdds();

  /** As {@code over_odds}, for the under. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("under_odds")
  public abstract @Nullable Double getUnderOdds();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PropLine.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setJoinKey(String v);

    public abstract Builder setPlayerName(String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setGameTime(String v);

    public abstract Builder setLine(double v);

    public abstract Builder setOpeningLine(double v);

    public abstract Builder setLineMove(double v);

    public abstract Builder setBooksCount(int v);

    public abstract Builder setSnapshotTime(String v);

    public abstract Builder setOpeningSnapshotTime(String v);

    public abstract Builder setMarket(String v);

    public abstract Builder setOverOdds(@Nullable Double v);

    public abstract Builder setUnderOdds(@Nullable Double v);

    public abstract PropLine build();
  }
}
