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
