package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.Markets;

/**
 * One market's consensus line as a player's context and feature rows carry it (a repeated field keyed by
 * {@code market}): the line, where it opened, the consensus price of each side at that line, and the snapshots it
 * came from. {@link PropLine} is the same line as its own table row, before it is matched to a player.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class MarketLine {
  /** The Odds API market key ({@link schemas.vocabulary.Markets.Market#key}). */
  @SchemaFieldNumber("0")
  @SchemaFieldName("market")
  public abstract String getMarket();

  @SchemaFieldNumber("1")
  @SchemaFieldName("line")
  public abstract double getLine();

  @SchemaFieldNumber("2")
  @SchemaFieldName("opening_line")
  public abstract double getOpeningLine();

  /** American odds of the over at {@code line}: the median over the books whose main line it is; null without one. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("over_odds")
  public abstract @Nullable Double getOverOdds();

  /** As {@code over_odds}, for the under. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("under_odds")
  public abstract @Nullable Double getUnderOdds();

  @SchemaFieldNumber("5")
  @SchemaFieldName("books_count")
  public abstract int getBooksCount();

  @SchemaFieldNumber("6")
  @SchemaFieldName("snapshot_time")
  public abstract String getSnapshotTime();

  @SchemaFieldNumber("7")
  @SchemaFieldName("opening_snapshot_time")
  public abstract String getOpeningSnapshotTime();

  /** ISO instant (UTC) of the game's tip-off, as the book lists it. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("game_time")
  public abstract String getGameTime();

  /** line − opening_line. */
  public double lineMove() {
    return getLine() - getOpeningLine();
  }

  /** The line of {@code market} among a row's lines; null when it has none. */
  public static @Nullable MarketLine find(List<MarketLine> lines, Markets.Market market) {
    for (MarketLine l : lines) {
      if (l.getMarket().equals(market.key())) {
        return l;
      }
    }
    return null;
  }

  public static MarketLine of(PropLine l) {
    return builder()
        .setMarket(l.getMarket())
        .setLine(l.getLine())
        .setOpeningLine(l.getOpeningLine())
        .setOverOdds(l.getOverOdds())
        .setUnderOdds(l.getUnderOdds())
        .setBooksCount(l.getBooksCount())
        .setSnapshotTime(l.getSnapshotTime())
        .setOpeningSnapshotTime(l.getOpeningSnapshotTime())
        .setGameTime(l.getGameTime())
        .build();
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_MarketLine.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMarket(String v);

    public abstract Builder setLine(double v);

    public abstract Builder setOpeningLine(double v);

    public abstract Builder setOverOdds(@Nullable Double v);

    public abstract Builder setUnderOdds(@Nullable Double v);

    public abstract Builder setBooksCount(int v);

    public abstract Builder setSnapshotTime(String v);

    public abstract Builder setOpeningSnapshotTime(String v);

    public abstract Builder setGameTime(String v);

    public abstract MarketLine build();
  }
}
