package transforms.context;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.GameDates;

/**
 * The instant a run knows up to, per game date: only prop snapshots taken before it (and before tip-off) count,
 * a game's closing spread and total only when it is not before tip-off ({@link #knowsClosingLine}), and every
 * feature and prediction row carries it ({@code as_of}). Three kinds:
 * <ul>
 *   <li>{@link #beforeTipOff()} (backfill's default): each row's own game's tip-off, i.e. what a same-day run
 *       launched just before that game would see. A row whose game's tip-off no snapshot gives (no line) is as of
 *       {@link #DEFAULT_TIP_HOUR}:00 US/Eastern of its date.
 *   <li>{@link #easternTime} ({@code --asOfTime=HH:MM}): that hour, US/Eastern, of every date built.
 *   <li>{@link #instant} (same-day's default: its launch time): one instant for the run's date.
 * </ul>
 */
public final class AsOfTime implements Serializable {
  /** Tip-off assumed, US/Eastern, for a row whose game no snapshot times (the common evening tip). */
  public static final int DEFAULT_TIP_HOUR = 19;

  private final @Nullable LocalTime eastern;
  private final @Nullable Instant fixed;

  private AsOfTime(@Nullable LocalTime eastern, @Nullable Instant fixed) {
    this.eastern = eastern;
    this.fixed = fixed;
  }

  public static AsOfTime beforeTipOff() {
    return new AsOfTime(null, null);
  }

  public static AsOfTime easternTime(LocalTime time) {
    return new AsOfTime(time, null);
  }

  public static AsOfTime instant(Instant instant) {
    return new AsOfTime(null, instant);
  }

  /** {@code --asOfTime}: {@code HH} or {@code HH:MM}, US/Eastern; blank: {@code orElse}. */
  public static AsOfTime parse(@Nullable String option, AsOfTime orElse) {
    if (option == null || option.isBlank()) {
      return orElse;
    }
    String t = option.trim();
    try {
      return easternTime(LocalTime.parse(t.length() <= 2 ? String.format("%02d:00", Integer.parseInt(t)) : t));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("--asOfTime '" + option + "' is not an hour HH:MM (US/Eastern)");
    }
  }

  /** The as-of instant of a row of {@code gameDate} whose game tips off at {@code tipOff} (ISO instant; null: unknown). */
  public Instant of(String gameDate, @Nullable String tipOff) {
    if (fixed != null) {
      return fixed;
    }
    LocalDate d = LocalDate.parse(gameDate);
    if (eastern != null) {
      return d.atTime(eastern).atZone(GameDates.EASTERN).toInstant();
    }
    return tipOff != null ? Instant.parse(tipOff) : d.atTime(DEFAULT_TIP_HOUR, 0).atZone(GameDates.EASTERN).toInstant();
  }

  /** Whether a snapshot taken at {@code snapshotTime} is known at this as-of for a game tipping off at {@code tipOff}. */
  public boolean knows(String snapshotTime, String gameDate, String tipOff) {
    return Instant.parse(snapshotTime).isBefore(of(gameDate, tipOff));
  }

  /**
   * Whether a game's closing line ({@code game_lines.csv}: spread, total) is known at {@code asOf} for a row of
   * {@code gameDate} whose game tips off at {@code tipOff} (ISO instant; null: unknown). Such a line has no
   * timestamp of its own; being the closing line, it is taken as known at tip-off, the tip-off as
   * {@link #beforeTipOff()} sees it (its line's game time, else {@link #DEFAULT_TIP_HOUR}:00 US/Eastern). So the
   * backfill's default as-of, just before tip-off, knows it; {@code --asOfTime=09:00} and a same-day run launched
   * in the morning do not. The one place this rule lives.
   */
  public static boolean knowsClosingLine(Instant asOf, String gameDate, @Nullable String tipOff) {
    return !asOf.isBefore(beforeTipOff().of(gameDate, tipOff));
  }

  /** {@link #knowsClosingLine(Instant, String, String)} at this run's as-of instant for the row. */
  public boolean knowsClosingLine(String gameDate, @Nullable String tipOff) {
    return knowsClosingLine(of(gameDate, tipOff), gameDate, tipOff);
  }

  @Override
  public String toString() {
    return fixed != null ? fixed.toString() : eastern != null ? eastern + " US/Eastern" : "just before tip-off";
  }
}
