package schemas;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One prop market's own history for a player as of D (a repeated field of {@code player_daily_cache}): the
 * market's settling value (its stats summed, e.g. PTS + REB + AST) over the games he played in D's season before D.
 * Every market is computed by the one function {@code AsOf.marketStats}, points included.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class MarketStats {
  /** The Odds API market key ({@link schemas.vocabulary.Markets.Market#key}). */
  @SchemaFieldNumber("0")
  @SchemaFieldName("market")
  public abstract String getMarket();

  @SchemaFieldNumber("1")
  @SchemaFieldName("avg_last_5")
  public abstract @Nullable Double getAvgLast5();

  @SchemaFieldNumber("2")
  @SchemaFieldName("avg_last_10")
  public abstract @Nullable Double getAvgLast10();

  @SchemaFieldNumber("3")
  @SchemaFieldName("avg_season")
  public abstract @Nullable Double getAvgSeason();

  /** Population standard deviation of the last 10; null under two games. */
  @SchemaFieldNumber("4")
  @SchemaFieldName("std_last_10")
  public abstract @Nullable Double getStdLast10();

  /** The last-10 total over the last-10 minutes. */
  @SchemaFieldNumber("5")
  @SchemaFieldName("per_minute_last_10")
  public abstract @Nullable Double getPerMinuteLast10();

  /** Least-squares slope per game over the last 10, oldest first; null under three games. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("slope_last_10")
  public abstract @Nullable Double getSlopeLast10();

  /** The last five values, oldest first. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("last_5")
  public abstract List<Integer> getLast5();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_MarketStats.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMarket(String v);

    public abstract Builder setAvgLast5(@Nullable Double v);

    public abstract Builder setAvgLast10(@Nullable Double v);

    public abstract Builder setAvgSeason(@Nullable Double v);

    public abstract Builder setStdLast10(@Nullable Double v);

    public abstract Builder setPerMinuteLast10(@Nullable Double v);

    public abstract Builder setSlopeLast10(@Nullable Double v);

    public abstract Builder setLast5(List<Integer> v);

    public abstract MarketStats build();
  }
}
