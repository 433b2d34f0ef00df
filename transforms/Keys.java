package transforms;

/** The join keys of the per-date tables: one spelling, used by every join. */
public final class Keys {
  private Keys() {}

  public static String playerDate(String playerLookup, String date) {
    return playerLookup + "|" + date;
  }

  public static String teamDate(String team, String date) {
    return team + "|" + date;
  }
}
