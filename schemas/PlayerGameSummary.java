package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code player_game_summary} (Phase 3): one row per player per game played, keyed by
 * ({@code player_lookup}, {@code game_date}). Column definitions: docs/tables.md.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class PlayerGameSummary {
  /** {@link schemas.vocabulary.PlayerNames#lookup}: the name folded to lowercase ASCII letters and digits. */
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("player_name")
  public abstract String getPlayerName();

  @SchemaFieldNumber("3")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("4")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldNumber("5")
  @SchemaFieldName("home_game")
  public abstract boolean getHomeGame();

  @SchemaFieldNumber("6")
  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  /** ISO {@code YYYY-MM-DD}, the US/Eastern calendar date of the game. */
  @SchemaFieldNumber("7")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  /** Season label, e.g. {@code 2023-24}; always the season that contains game_date. */
  @SchemaFieldNumber("8")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("9")
  @SchemaFieldName("win")
  public abstract @Nullable Boolean getWin();

  @SchemaFieldNumber("10")
  @SchemaFieldName("minutes")
  public abstract double getMinutes();

  @SchemaFieldNumber("11")
  @SchemaFieldName("points")
  public abstract int getPoints();

  @SchemaFieldNumber("12")
  @SchemaFieldName("fgm")
  public abstract int getFgm();

  @SchemaFieldNumber("13")
  @SchemaFieldName("fga")
  public abstract int getFga();

  @SchemaFieldNumber("14")
  @SchemaFieldName("fg3m")
  public abstract int getFg3m();

  @SchemaFieldNumber("15")
  @SchemaFieldName("fg3a")
  public abstract int getFg3a();

  @SchemaFieldNumber("16")
  @SchemaFieldName("ftm")
  public abstract int getFtm();

  @SchemaFieldNumber("17")
  @SchemaFieldName("fta")
  public abstract int getFta();

  @SchemaFieldNumber("18")
  @SchemaFieldName("oreb")
  public abstract int getOreb();

  @SchemaFieldNumber("19")
  @SchemaFieldName("dreb")
  public abstract int getDreb();

  @SchemaFieldNumber("20")
  @SchemaFieldName("reb")
  public abstract int getReb();

  @SchemaFieldNumber("21")
  @SchemaFieldName("ast")
  public abstract int getAst();

  @SchemaFieldNumber("22")
  @SchemaFieldName("tov")
  public abstract int getTov();

  @SchemaFieldNumber("23")
  @SchemaFieldName("stl")
  public abstract int getStl();

  @SchemaFieldNumber("24")
  @SchemaFieldName("blk")
  public abstract int getBlk();

  @SchemaFieldNumber("25")
  @SchemaFieldName("pf")
  public abstract int getPf();

  @SchemaFieldNumber("26")
  @SchemaFieldName("plus_minus")
  public abstract @Nullable Integer getPlusMinus();

  /** FGM / FGA; null when FGA = 0. */
  @SchemaFieldNumber("27")
  @SchemaFieldName("fg_pct")
  public abstract @Nullable Double getFgPct();

  /** FG3M / FG3A; null when FG3A = 0. */
  @SchemaFieldNumber("28")
  @SchemaFieldName("fg3_pct")
  public abstract @Nullable Double getFg3Pct();

  /** FTM / FTA; null when FTA = 0. */
  @SchemaFieldNumber("29")
  @SchemaFieldName("ft_pct")
  public abstract @Nullable Double getFtPct();

  /** (FGM + 0.5·FG3M) / FGA; null when FGA = 0. */
  @SchemaFieldNumber("30")
  @SchemaFieldName("efg_pct")
  public abstract @Nullable Double getEfgPct();

  /** PTS / (2·(FGA + 0.44·FTA)); null when both are 0. */
  @SchemaFieldNumber("31")
  @SchemaFieldName("ts_pct")
  public abstract @Nullable Double getTsPct();

  /** The player's share of team possessions: FGA + 0.44·FTA − OREB + TOV (sums to the team estimate). */
  @SchemaFieldNumber("32")
  @SchemaFieldName("possessions")
  public abstract double getPossessions();

  /** Possessions the player used: FGA + 0.44·FTA + TOV. */
  @SchemaFieldNumber("33")
  @SchemaFieldName("usage_possessions")
  public abstract double getUsagePossessions();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_PlayerGameSummary.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setPlayerName(String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setHomeGame(boolean v);

    public abstract Builder setGameId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setWin(@Nullable Boolean v);

    public abstract Builder setMinutes(double v);

    public abstract Builder setPoints(int v);

    public abstract Builder setFgm(int v);

    public abstract Builder setFga(int v);

    public abstract Builder setFg3m(int v);

    public abstract Builder setFg3a(int v);

    public abstract Builder setFtm(int v);

    public abstract Builder setFta(int v);

    public abstract Builder setOreb(int v);

    public abstract Builder setDreb(int v);

    public abstract Builder setReb(int v);

    public abstract Builder setAst(int v);

    public abstract Builder setTov(int v);

    public abstract Builder setStl(int v);

    public abstract Builder setBlk(int v);

    public abstract Builder setPf(int v);

    public abstract Builder setPlusMinus(@Nullable Integer v);

    public abstract Builder setFgPct(@Nullable Double v);

    public abstract Builder setFg3Pct(@Nullable Double v);

    public abstract Builder setFtPct(@Nullable Double v);

    public abstract Builder setEfgPct(@Nullable Double v);

    public abstract Builder setTsPct(@Nullable Double v);

    public abstract Builder setPossessions(double v);

    public abstract Builder setUsagePossessions(double v);

    public abstract PlayerGameSummary build();
  }
}
