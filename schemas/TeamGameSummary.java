package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code team_game_summary} (Phase 3): one row per team per game, the sum of its players' box scores
 * and its opponent's, keyed by ({@code team_abbr}, {@code game_date}).
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class TeamGameSummary {
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldName("home_game")
  public abstract boolean getHomeGame();

  @SchemaFieldName("win")
  public abstract boolean getWin();

  @SchemaFieldName("points")
  public abstract int getPoints();

  @SchemaFieldName("opp_points")
  public abstract int getOppPoints();

  @SchemaFieldName("fga")
  public abstract int getFga();

  @SchemaFieldName("fta")
  public abstract int getFta();

  @SchemaFieldName("oreb")
  public abstract int getOreb();

  @SchemaFieldName("tov")
  public abstract int getTov();

  /** FGA + 0.44·FTA − OREB + TOV, team totals. */
  @SchemaFieldName("possessions")
  public abstract double getPossessions();

  @SchemaFieldName("opp_possessions")
  public abstract double getOppPossessions();

  /** Players with a box-score row (including 0 minutes). */
  @SchemaFieldName("players")
  public abstract int getPlayers();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_TeamGameSummary.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setGameId(@Nullable String v);

    public abstract Builder setHomeGame(boolean v);

    public abstract Builder setWin(boolean v);

    public abstract Builder setPoints(int v);

    public abstract Builder setOppPoints(int v);

    public abstract Builder setFga(int v);

    public abstract Builder setFta(int v);

    public abstract Builder setOreb(int v);

    public abstract Builder setTov(int v);

    public abstract Builder setPossessions(double v);

    public abstract Builder setOppPossessions(double v);

    public abstract Builder setPlayers(int v);

    public abstract TeamGameSummary build();
  }
}
