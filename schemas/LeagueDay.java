package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * League-wide totals of one game date (every team game and every zone attempt of that day): summed over the
 * dates before D of D's season, they are the league baselines of the matchup scores.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class LeagueDay {
  @SchemaFieldNumber("0")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("1")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("2")
  @SchemaFieldName("team_games")
  public abstract int getTeamGames();

  /** Sum over team games of (possessions + opponent possessions) / 2. */
  @SchemaFieldNumber("3")
  @SchemaFieldName("pace_sum")
  public abstract double getPaceSum();

  @SchemaFieldNumber("4")
  @SchemaFieldName("paint_fga")
  public abstract int getPaintFga();

  @SchemaFieldNumber("5")
  @SchemaFieldName("paint_fgm")
  public abstract int getPaintFgm();

  @SchemaFieldNumber("6")
  @SchemaFieldName("mid_range_fga")
  public abstract int getMidRangeFga();

  @SchemaFieldNumber("7")
  @SchemaFieldName("mid_range_fgm")
  public abstract int getMidRangeFgm();

  @SchemaFieldNumber("8")
  @SchemaFieldName("three_fga")
  public abstract int getThreeFga();

  @SchemaFieldNumber("9")
  @SchemaFieldName("three_fgm")
  public abstract int getThreeFgm();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_LeagueDay.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setTeamGames(int v);

    public abstract Builder setPaceSum(double v);

    public abstract Builder setPaintFga(int v);

    public abstract Builder setPaintFgm(int v);

    public abstract Builder setMidRangeFga(int v);

    public abstract Builder setMidRangeFgm(int v);

    public abstract Builder setThreeFga(int v);

    public abstract Builder setThreeFgm(int v);

    public abstract LeagueDay build();
  }
}
