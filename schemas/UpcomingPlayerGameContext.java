package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.Markets;

/**
 * Table {@code upcoming_player_game_context} (Phase 3): the run's player universe, one row per player expected
 * to play on {@code game_date}, with what is known of that game the morning of it.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class UpcomingPlayerGameContext {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("player_name")
  public abstract String getPlayerName();

  @SchemaFieldNumber("3")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("4")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("5")
  @SchemaFieldName("game_id")
  public abstract @Nullable String getGameId();

  @SchemaFieldNumber("6")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("7")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldNumber("8")
  @SchemaFieldName("home_game")
  public abstract boolean getHomeGame();

  /** GAME_ID prefix 004. */
  @SchemaFieldNumber("9")
  @SchemaFieldName("playoff_game")
  public abstract boolean getPlayoffGame();

  /** Days from the player's last same-season game with minutes &gt; 0; null if none. */
  @SchemaFieldNumber("10")
  @SchemaFieldName("days_since_last_game")
  public abstract @Nullable Integer getDaysSinceLastGame();

  /** days_since_last_game = 1. */
  @SchemaFieldNumber("11")
  @SchemaFieldName("back_to_back")
  public abstract boolean getBackToBack();

  /** Same, for the opponent team's last game. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("opponent_days_since_last_game")
  public abstract @Nullable Integer getOpponentDaysSinceLastGame();

  /** Why the player is in the universe: played (backfill), roster or props (same-day). */
  @SchemaFieldNumber("13")
  @SchemaFieldName("universe_source")
  public abstract String getUniverseSource();

  /** The instant the row was built for (transforms.context.AsOfTime): only snapshots taken before it count. */
  @SchemaFieldNumber("14")
  @SchemaFieldName("as_of")
  public abstract @Nullable String getAsOf();

  /**
   * The closing total of the player's game (game_lines.csv), when the row's as-of instant is not before its
   * tip-off (transforms.context.AsOfTime#knowsClosingLine); null otherwise or without a line for the game.
   */
  @SchemaFieldNumber("15")
  @SchemaFieldName("game_total")
  public abstract @Nullable Double getGameTotal();

  /** The player's own team's closing handicap, negative when it is favoured (−5.5: favoured by 5.5); null as game_total. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("team_spread")
  public abstract @Nullable Double getTeamSpread();

  /**
   * The player's consensus line ({@code player_prop_lines}) in each market that has one known at {@code as_of}, in
   * {@link Markets} order; empty without a line. Lines name players, so they are attached by name
   * ({@code transforms.context.CompleteContext}): all of one line name's markets go to one player, or none.
   */
  @SchemaFieldNumber("17")
  @SchemaFieldName("market_lines")
  public abstract List<MarketLine> getMarketLines();

  /** This row's line in {@code market}, or null when it has none. */
  public @Nullable MarketLine lineOf(Markets.Market market) {
    for (MarketLine l : getMarketLines()) {
      if (l.getMarket().equals(market.key())) {
        return l;
      }
    }
    return null;
  }

  /** The newest snapshot among the row's lines ({@code line_snapshot_time} of its feature row); null without a line. */
  public @Nullable String lineSnapshotTime() {
    String newest = null;
    for (MarketLine l : getMarketLines()) {
      if (newest == null || l.getSnapshotTime().compareTo(newest) > 0) {
        newest = l.getSnapshotTime();
      }
    }
    return newest;
  }

  /** The tip-off of the row's game as its lines give it (all of a player's markets are of one game); null without a line. */
  public @Nullable String lineGameTime() {
    return getMarketLines().isEmpty() ? null : getMarketLines().get(0).getGameTime();
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_UpcomingPlayerGameContext.Builder().setMarketLines(List.of());
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setPlayerName(String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setGameId(@Nullable String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setHomeGame(boolean v);

    public abstract Builder setPlayoffGame(boolean v);

    public abstract Builder setDaysSinceLastGame(@Nullable Integer v);

    public abstract Builder setBackToBack(boolean v);

    public abstract Builder setOpponentDaysSinceLastGame(@Nullable Integer v);

    public abstract Builder setUniverseSource(String v);

    public abstract Builder setAsOf(@Nullable String v);

    public abstract Builder setGameTotal(@Nullable Double v);

    public abstract Builder setTeamSpread(@Nullable Double v);

    public abstract Builder setMarketLines(List<MarketLine> v);

    public abstract UpcomingPlayerGameContext build();
  }
}
