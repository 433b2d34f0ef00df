package schemas.vocabulary;

import java.text.Normalizer;
import java.util.Map;

/**
 * The one normal form of a player's name. Every join by name in the project goes through {@link #lookup}
 * (exact) or {@link #joinKey} (tolerant), never through ad-hoc string handling.
 */
public final class PlayerNames {
  private PlayerNames() {}

  /** Longest first, so that {@code iii} is not read as {@code ii}. */
  private static final String[] SUFFIXES = {"iii", "ii", "iv", "jr", "sr"};

  /**
   * Sportsbook nicknames and short forms, mapped to the box-score name. Kept small on purpose: a name missing
   * here shows up as an unmatched line in the run summary, never as a wrong join. Keys and values are
   * {@link #lookup} forms with any suffix removed.
   */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("moewagner", "moritzwagner"),
          Map.entry("nicclaxton", "nicolasclaxton"),
          Map.entry("herbjones", "herbertjones"),
          Map.entry("camthomas", "cameronthomas"),
          Map.entry("ggjackson", "gregoryjackson"),
          Map.entry("kjmartin", "kenyonmartin"),
          Map.entry("alexsarr", "alexandresarr"),
          Map.entry("boneshyland", "nahshonhyland"),
          Map.entry("cameronjohnson", "camjohnson"),
          Map.entry("svimykhailiuk", "sviatoslavmykhailiuk"),
          Map.entry("bubcarrington", "carltoncarrington"),
          Map.entry("ronholland", "ronaldholland"));

  /**
   * Folds a display name to lowercase ASCII letters and digits: accents are removed ({@code Nikola Jokić} →
   * {@code nikolajokic}), punctuation and spaces dropped, suffixes kept ({@code Jaren Jackson Jr.} →
   * {@code jarenjacksonjr}). Returns "" for a blank name.
   */
  public static String lookup(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = Character.toLowerCase(decomposed.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (c == 'ø') {
        out.append('o'); // letters with no decomposition into ASCII
      } else if (c == 'ł') {
        out.append('l');
      } else if (c == 'đ') {
        out.append('d');
      } else if (c == 'ß') {
        out.append("ss");
      }
    }
    return out.toString();
  }

  /**
   * A tolerant key for joining names from different sources: the lookup with a generational suffix removed
   * ({@code jarenjacksonjr} ~ {@code jarenjackson}) and known nicknames mapped ({@code moewagner} ~
   * {@code moritzwagner}). Use it only where both sides come from different sources; within one source the
   * exact {@link #lookup} is the key.
   */
  public static String joinKey(String lookup) {
    String base = stripSuffix(lookup);
    String aliased = ALIASES.get(base);
    return aliased != null ? stripSuffix(aliased) : base;
  }

  static String stripSuffix(String lookup) {
    for (String suffix : SUFFIXES) {
      if (lookup.length() > suffix.length() + 3 && lookup.endsWith(suffix)) {
        return lookup.substring(0, lookup.length() - suffix.length());
      }
    }
    return lookup;
  }
}
