package schemas.vocabulary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.joda.time.DateTimeZone;

/**
 * Game dates, seasons and event time. A game's date is its US/Eastern calendar date; an element about a game
 * date carries the start of that day, US/Eastern, as its event timestamp; and the daily window is that
 * Eastern calendar day. Everything that turns dates into time goes through here.
 */
public final class GameDates {
  private GameDates() {}

  public static final ZoneId EASTERN = ZoneId.of("America/New_York");

  /** Accepts {@code YYYY-MM-DD} and nba_api's {@code YYYY-MM-DDT00:00:00}; throws on anything else. */
  public static LocalDate parseGameDate(String text) {
    String t = text.trim();
    if (t.length() == 19 && t.charAt(10) == 'T' && t.endsWith("T00:00:00")) {
      t = t.substring(0, 10);
    }
    if (t.length() != 10) {
      throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
    }
    return LocalDate.parse(t);
  }

  /** The season containing a date: a season runs from August 1 to July 31 and is labelled {@code 2023-24}. */
  public static String seasonOf(LocalDate date) {
    int start = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
    return String.format("%d-%02d", start, (start + 1) % 100);
  }

  public static String seasonOf(String isoDate) {
    return seasonOf(LocalDate.parse(isoDate));
  }

  /** The event timestamp of everything about a game date: the start of that day, US/Eastern. */
  public static org.joda.time.Instant timestampOf(LocalDate date) {
    return new org.joda.time.Instant(date.atStartOfDay(EASTERN).toInstant().toEpochMilli());
  }

  public static org.joda.time.Instant timestampOf(String isoDate) {
    return timestampOf(LocalDate.parse(isoDate));
  }

  /** Stamps each dated record with its game date's event time ({@link #timestampOf}). */
  public static <T> WithTimestamps<T> stamp(SerializableFunction<T, String> dateOf) {
    return WithTimestamps.of((T r) -> timestampOf(dateOf.apply(r)));
  }

  /** The US/Eastern calendar date of an instant (a tip-off or a snapshot). */
  public static LocalDate easternDate(Instant instant) {
    return instant.atZone(EASTERN).toLocalDate();
  }

  /** Daily windows aligned on US/Eastern midnight, so that a window is exactly one game date. */
  public static WindowFn<Object, IntervalWindow> dailyWindows() {
    return CalendarWindows.days(1).withTimeZone(DateTimeZone.forID("America/New_York"));
  }

  /** The game date a daily window stands for. */
  public static LocalDate dateOf(IntervalWindow window) {
    return Instant.ofEpochMilli(window.start().getMillis()).atZone(EASTERN).toLocalDate();
  }

  public static long daysBetween(String fromIso, String toIso) {
    return ChronoUnit.DAYS.between(LocalDate.parse(fromIso), LocalDate.parse(toIso));
  }
}
