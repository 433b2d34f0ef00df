package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of {@code schedule.csv}: a scheduled game, played or upcoming.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class ScheduledGame {
  @SchemaFieldNumber("0")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("1")
  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("home_team_abbr")
  public abstract String getHomeTeamAbbr();

  @SchemaFieldNumber("4")
  @SchemaFieldName("away_team_abbr")
  public abstract String getAwayTeamAbbr();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_ScheduledGame.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSeason(String v);

    public abstract Builder setGameId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setHomeTeamAbbr(String v);

    public abstract Builder setAwayTeamAbbr(String v);

    public abstract ScheduledGame build();
  }
}
