package schemas.vocabulary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.CalendarWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.checkerframework.checker.nullness.qual.Nullable;
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

  /**
   * The season a date most likely belongs to when nothing else says: seasons are cut on August 1 and labelled
   * {@code 2023-24}. This is a guess (the 2019-20 bubble played into October 2020); a row that carries
   * {@code SEASON_YEAR} or a {@code GAME_ID} takes its season from them ({@link #season}).
   */
  public static String inferSeason(LocalDate date) {
    int start = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
    return label(start);
  }

  public static String inferSeason(String isoDate) {
    return inferSeason(LocalDate.parse(isoDate));
  }

  /** {@code 2023-24}: built by hand, not String.format, which parsing calls for every input row. */
  private static String label(int startYear) {
    int next = (startYear + 1) % 100;
    return startYear + (next < 10 ? "-0" : "-") + next;
  }

  private static final Pattern GAME_ID = Pattern.compile("\\d{10}");
  private static final Pattern SEASON_LABEL = Pattern.compile("\\d{4}-\\d{2}");

  /**
   * The season of an NBA.com game id ({@code 0021900001}: type 2, season starting 2019, game 1), or null when
   * the id is blank or not ten digits. Only the start year's last two digits are in the id; 46–99 read as 19xx.
   */
  public static @Nullable String seasonOfGameId(@Nullable String gameId) {
    if (gameId == null || !GAME_ID.matcher(gameId).matches()) {
      return null;
    }
    int yy = Integer.parseInt(gameId.substring(3, 5));
    return label(yy >= 46 ? 1900 + yy : 2000 + yy);
  }

  /** A season label {@code YYYY-YY} whose two years follow each other; else null. */
  public static @Nullable Integer startYearOf(String season) {
    if (!SEASON_LABEL.matcher(season).matches()) {
      return null;
    }
    int start = Integer.parseInt(season.substring(0, 4));
    return Integer.parseInt(season.substring(5)) == (start + 1) % 100 ? start : null;
  }

  /**
   * Whether a date can belong to a season: from July 1 of its first year to October 31 of its second. Wide
   * enough for a season that runs late (the 2019-20 bubble ended on October 11, 2020), narrow enough that a row
   * labelled with the wrong year is caught.
   */
  public static boolean spans(String season, LocalDate date) {
    Integer start = startYearOf(season);
    return start != null
        && !date.isBefore(LocalDate.of(start, 7, 1))
        && !date.isAfter(LocalDate.of(start + 1, 10, 31));
  }

  /** A row's season and where it came from. */
  public static final class Season {
    public final String label;
    /** True when neither SEASON_YEAR nor GAME_ID gave it and it was guessed from the date. */
    public final boolean inferred;

    private Season(String label, boolean inferred) {
      this.label = label;
      this.inferred = inferred;
    }
  }

  /**
   * The season of an input row: {@code SEASON_YEAR} when given, else {@code GAME_ID}'s season digits, else
   * inferred from the date ({@link #inferSeason}). Throws {@link IllegalArgumentException} with the reason when
   * the given season is malformed or cannot contain the date.
   */
  public static Season season(@Nullable String seasonYear, @Nullable String gameId, LocalDate date) {
    String given = seasonYear == null || seasonYear.isEmpty() ? seasonOfGameId(gameId) : seasonYear;
    if (given == null) {
      return new Season(inferSeason(date), true);
    }
    String source = seasonYear == null || seasonYear.isEmpty() ? "GAME_ID " + gameId + "'s season " : "SEASON_YEAR ";
    if (startYearOf(given) == null) {
      throw new IllegalArgumentException(source + given + " is not a season like 2023-24");
    }
    if (!spans(given, date)) {
      throw new IllegalArgumentException(source + given + " does not contain GAME_DATE " + date);
    }
    // The windows of two seasons overlap (a late season like the 2020 bubble runs into the next one's October),
    // so a row naming both must agree with itself.
    String ofGameId = seasonOfGameId(gameId);
    if (ofGameId != null && !ofGameId.equals(given)) {
      throw new IllegalArgumentException(
          source + given + " does not contain GAME_DATE " + date + " (GAME_ID " + gameId + " is of season " + ofGameId + ")");
    }
    return new Season(given, false);
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
