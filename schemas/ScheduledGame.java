package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of {@code schedule.csv}: a scheduled game, played or upcoming.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ScheduledGame {
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldName("home_team_abbr")
  public abstract String getHomeTeamAbbr();

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
