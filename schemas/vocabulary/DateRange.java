package schemas.vocabulary;

import java.io.Serializable;
import java.time.LocalDate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The game dates a run builds: inclusive bounds, either of which may be open. */
public final class DateRange implements Serializable {
  private final @Nullable String start;
  private final @Nullable String end;

  private DateRange(@Nullable String start, @Nullable String end) {
    this.start = start;
    this.end = end;
  }

  /** Parses {@code YYYY-MM-DD} bounds; null or blank means open. Throws IllegalArgumentException when invalid. */
  public static DateRange of(@Nullable String start, @Nullable String end) {
    String s = normalize(start, "startDate");
    String e = normalize(end, "endDate");
    if (s != null && e != null && s.compareTo(e) > 0) {
      throw new IllegalArgumentException("startDate " + s + " is after endDate " + e);
    }
    return new DateRange(s, e);
  }

  public static DateRange single(String date) {
    return of(date, date);
  }

  public static DateRange all() {
    return new DateRange(null, null);
  }

  private static @Nullable String normalize(@Nullable String date, String name) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.trim()).toString();
    } catch (java.time.format.DateTimeParseException ex) {
      throw new IllegalArgumentException(name + " '" + date + "' is not a date YYYY-MM-DD");
    }
  }

  /** The dates in both ranges, or null when they share none (an open bound reaches as far as the other's). */
  public @Nullable DateRange intersection(DateRange other) {
    String s = start == null ? other.start : other.start == null ? start : max(start, other.start);
    String e = end == null ? other.end : other.end == null ? end : min(end, other.end);
    if (s != null && e != null && s.compareTo(e) > 0) {
      return null;
    }
    return new DateRange(s, e);
  }

  /** Whether every date of {@code inner} is in this range. */
  public boolean covers(DateRange inner) {
    return (start == null || (inner.start != null && inner.start.compareTo(start) >= 0))
        && (end == null || (inner.end != null && inner.end.compareTo(end) <= 0));
  }

  /**
   * {@code START..END} (either side may be empty: open). Throws IllegalArgumentException naming {@code option}
   * when it is not that.
   */
  public static DateRange parse(String text, String option) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      throw new IllegalArgumentException(option + " '" + text + "' is not START..END (YYYY-MM-DD..YYYY-MM-DD)");
    }
    return of(text.substring(0, dots), text.substring(dots + 2));
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public boolean contains(String isoDate) {
    return (start == null || isoDate.compareTo(start) >= 0) && (end == null || isoDate.compareTo(end) <= 0);
  }

  public @Nullable String start() {
    return start;
  }

  public @Nullable String end() {
    return end;
  }

  @Override
  public String toString() {
    return (start == null ? "(first date)" : start) + " to " + (end == null ? "(last date)" : end);
  }
}
