package schemas.vocabulary;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Who a row is about. A player is his NBA.com {@code PLAYER_ID} when the input gives one; only a row without an
 * id falls back to his folded name ({@link PlayerNames#lookup}), so two players sharing a name stay two players
 * and a renamed player stays one. Every per-player table, the history views and the day joins key on this;
 * {@code player_lookup} stays on every row as the name, which is how sportsbook lines (names only) are joined.
 * Ids are digits and a folded name of a real player has letters, so the two kinds of key do not collide.
 */
public final class PlayerKeys {
  private PlayerKeys() {}

  public static String of(@Nullable String playerId, String playerLookup) {
    return playerId == null || playerId.isEmpty() ? playerLookup : playerId;
  }

  /** The key as a reader sees it in a message: {@code player_id=2544} or {@code player_lookup=lebronjames}. */
  public static String describe(@Nullable String playerId, String playerLookup) {
    return playerId == null || playerId.isEmpty() ? "player_lookup=" + playerLookup : "player_id=" + playerId;
  }
}
