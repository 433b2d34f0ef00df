package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code team_game_summary} (Phase 3): one row per team per game, the sum of its players' box scores
 * and its opponent's, keyed by ({@code team_abbr}, {@code game_date}).
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class TeamGameSummary {
  @SchemaFieldNumber("0")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("1")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("4")
  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldNumber("5")
  @SchemaFieldName("home_game")
  public abstract boolean getHomeGame();

  /**
   * From the box scores' {@code WL} when given; else, for a complete game only, from the summed points. Null
   * when neither can say (no WL and an incomplete box score).
   */
  @SchemaFieldNumber("6")
  @SchemaFieldName("win")
  public abstract @Nullable Boolean getWin();

  @SchemaFieldNumber("7")
  @SchemaFieldName("points")
  public abstract int getPoints();

  @SchemaFieldNumber("8")
  @SchemaFieldName("opp_points")
  public abstract int getOppPoints();

  @SchemaFieldNumber("9")
  @SchemaFieldName("fga")
  public abstract int getFga();

  @SchemaFieldNumber("10")
  @SchemaFieldName("fta")
  public abstract int getFta();

  @SchemaFieldNumber("11")
  @SchemaFieldName("oreb")
  public abstract int getOreb();

  @SchemaFieldNumber("12")
  @SchemaFieldName("tov")
  public abstract int getTov();

  /** FGA + 0.44·FTA − OREB + TOV, team totals. */
  @SchemaFieldNumber("13")
  @SchemaFieldName("possessions")
  public abstract double getPossessions();

  @SchemaFieldNumber("14")
  @SchemaFieldName("opp_possessions")
  public abstract double getOppPossessions();

  /** Players with a box-score row (including 0 minutes). */
  @SchemaFieldNumber("15")
  @SchemaFieldName("players")
  public abstract int getPlayers();

  /** The team's players' minutes, summed: 240 for a full regulation game, 25 more per overtime. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("minutes")
  public abstract double getMinutes();

  /**
   * False when this side's or the opponent's summed minutes fall short of the game's length (some players'
   * rows are missing): the points and possessions above are then partial sums, and no team rating, pace or
   * league baseline uses the game.
   */
  @SchemaFieldNumber("17")
  @SchemaFieldName("box_score_complete")
  public abstract boolean getBoxScoreComplete();

  /** The team's rebounds, assists and threes made, and its opponent's: what a defence allows per stat. */
  @SchemaFieldNumber("18")
  @SchemaFieldName("reb")
  public abstract int getReb();

  @SchemaFieldNumber("19")
  @SchemaFieldName("ast")
  public abstract int getAst();

  @SchemaFieldNumber("20")
  @SchemaFieldName("fg3m")
  public abstract int getFg3m();

  @SchemaFieldNumber("21")
  @SchemaFieldName("opp_reb")
  public abstract int getOppReb();

  @SchemaFieldNumber("22")
  @SchemaFieldName("opp_ast")
  public abstract int getOppAst();

  @SchemaFieldNumber("23")
  @SchemaFieldName("opp_fg3m")
  public abstract int getOppFg3m();

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

    public abstract Builder setWin(@Nullable Boolean v);

    public abstract Builder setPoints(int v);

    public abstract Builder setOppPoints(int v);

    public abstract Builder setFga(int v);

    public abstract Builder setFta(int v);

    public abstract Builder setOreb(int v);

    public abstract Builder setTov(int v);

    public abstract Builder setPossessions(double v);

    public abstract Builder setOppPossessions(double v);

    public abstract Builder setPlayers(int v);

    public abstract Builder setMinutes(double v);

    public abstract Builder setBoxScoreComplete(boolean v);

    public abstract Builder setReb(int v);

    public abstract Builder setAst(int v);

    public abstract Builder setFg3m(int v);

    public abstract Builder setOppReb(int v);

    public abstract Builder setOppAst(int v);

    public abstract Builder setOppFg3m(int v);

    public abstract TeamGameSummary build();
  }
}
