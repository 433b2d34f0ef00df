package schemas.vocabulary;

import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Court zones. NBA.com's seven BASIC_ZONEs are grouped into the three the features use: {@code paint}
 * (Restricted Area, In The Paint (Non-RA)), {@code mid_range}, and {@code three} (both corners, above the
 * break, and backcourt heaves).
 */
public final class CourtZones {
  private CourtZones() {}

  public static final String PAINT = "paint";
  public static final String MID_RANGE = "mid_range";
  public static final String THREE = "three";

  private static final Map<String, String> GROUP_OF_ZONE =
      Map.of(
          "restricted area", PAINT,
          "in the paint (non-ra)", PAINT,
          "mid-range", MID_RANGE,
          "left corner 3", THREE,
          "right corner 3", THREE,
          "above the break 3", THREE,
          "backcourt", THREE);

  /** The group of a BASIC_ZONE (case-insensitive), or null for a zone NBA.com does not have. */
  public static @Nullable String groupOf(String basicZone) {
    return GROUP_OF_ZONE.get(basicZone.toLowerCase(Locale.ROOT));
  }
}
