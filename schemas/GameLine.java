package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of {@code game_lines.csv}: a game's closing spread and total. The file has no timestamp: a closing line
 * is known just before tip-off, so it reaches a context row only under {@code transforms.context.AsOfTime}'s
 * rule for closing lines.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class GameLine {
  @SchemaFieldNumber("0")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("1")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("2")
  @SchemaFieldName("home_team_abbr")
  public abstract String getHomeTeamAbbr();

  @SchemaFieldNumber("3")
  @SchemaFieldName("away_team_abbr")
  public abstract String getAwayTeamAbbr();

  /** The home team's handicap, the usual sign: −5.5 when home is favoured by 5.5 (the away team's is its negation). */
  @SchemaFieldNumber("4")
  @SchemaFieldName("home_spread")
  public abstract double getHomeSpread();

  /** The closing over/under of the game's combined points. */
  @SchemaFieldNumber("5")
  @SchemaFieldName("total")
  public abstract double getTotal();

  /** American odds; null when the file leaves them blank. */
  @SchemaFieldNumber("6")
  @SchemaFieldName("moneyline_home")
  public abstract @Nullable Double getMoneylineHome();

  @SchemaFieldNumber("7")
  @SchemaFieldName("moneyline_away")
  public abstract @Nullable Double getMoneylineAway();

  /** The handicap of {@code team}, one of the game's two teams: negative when it is favoured. */
  public double spreadOf(String team) {
    if (team.equals(getHomeTeamAbbr())) {
      return getHomeSpread();
    }
    if (team.equals(getAwayTeamAbbr())) {
      return -getHomeSpread();
    }
    throw new IllegalArgumentException(team + " does not play in " + getAwayTeamAbbr() + " @ " + getHomeTeamAbbr());
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_GameLine.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setHomeTeamAbbr(String v);

    public abstract Builder setAwayTeamAbbr(String v);

    public abstract Builder setHomeSpread(double v);

    public abstract Builder setTotal(double v);

    public abstract Builder setMoneylineHome(@Nullable Double v);

    public abstract Builder setMoneylineAway(@Nullable Double v);

    public abstract GameLine build();
  }
}
