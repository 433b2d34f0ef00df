package schemas.vocabulary;

/** The spelling of composite keys, in one place so that every producer and reader of a key agree. */
public final class Keys {
  private Keys() {}

  public static String teamDate(String team, String date) {
    return team + "|" + date;
  }
}
