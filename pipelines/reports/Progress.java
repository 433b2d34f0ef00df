package pipelines.reports;

import io.csv.ReadCsvRecords;
import io.tables.NdjsonTableSink;
import java.util.Locale;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import schemas.Tables;

/**
 * One line of a long run's progress, read from its Beam counters while it runs (on Dataflow the same counters are on
 * the job page): dates built of the range, box scores read, rows written, elapsed, and an estimate of what is left
 * from the share of dates built so far. "Dates built" is the feature store's date partitions committed (the last
 * table a date gets; {@code player_game_summary}'s in a run without features), "of N" the distinct game dates in the
 * range (counted early, as soon as the box scores are read).
 */
public final class Progress {
  private Progress() {}

  public static final String NAMESPACE = NdjsonTableSink.PROGRESS_NAMESPACE;
  public static final String DATES_TO_BUILD = "dates_to_build";

  /** The figures of one moment of a run. */
  public record Figures(long datesBuilt, long datesToBuild, long boxScoresRead, long rowsWritten) {}

  /** The figures from a running job's counters (attempted values: committed ones lag, or are absent, mid-run). */
  public static Figures of(MetricQueryResults metrics, boolean buildsFeatures) {
    String datesOf = NdjsonTableSink.datePartitionsCounter(
        (buildsFeatures ? Tables.ML_FEATURE_STORE_V2 : Tables.PLAYER_GAME_SUMMARY).name());
    long built = 0;
    long total = 0;
    long boxScores = 0;
    long rows = 0;
    for (MetricResult<Long> c : metrics.getCounters()) {
      String ns = c.getName().getNamespace();
      String name = c.getName().getName();
      long v = c.getAttempted() == null ? 0 : c.getAttempted();
      if (ns.equals(NAMESPACE) && name.equals(datesOf)) {
        built = v;
      } else if (ns.equals(NAMESPACE) && name.equals(DATES_TO_BUILD)) {
        total += v;
      } else if (ns.equals(ReadCsvRecords.METRICS_NAMESPACE) && name.startsWith("player_game_logs")
          && name.endsWith(":rows_read")) {
        boxScores += v;
      } else if (ns.equals(NdjsonTableSink.METRICS_NAMESPACE) && name.endsWith(":rows_written")) {
        rows += v;
      }
    }
    return new Figures(built, total, boxScores, rows);
  }

  /** {@code progress: 0:40 elapsed · 35 of 155 dates built · 25,143 box scores read · 120,345 rows written · about 1:20 left}. */
  public static String line(Figures f, long elapsedMillis) {
    String dates = f.datesToBuild() > 0 ? f.datesBuilt() + " of " + f.datesToBuild() + " dates built" : f.datesBuilt() + " dates built";
    String left;
    if (f.datesToBuild() > 0 && f.datesBuilt() >= f.datesToBuild()) {
      left = "finishing";
    } else if (f.datesToBuild() > 0 && f.datesBuilt() > 0) {
      left = "about " + clock(elapsedMillis * (f.datesToBuild() - f.datesBuilt()) / f.datesBuilt()) + " left";
    } else {
      left = "time left not known yet";
    }
    return String.format(Locale.ROOT, "progress: %s elapsed · %s · %,d box scores read · %,d rows written · %s",
        clock(elapsedMillis), dates, f.boxScoresRead(), f.rowsWritten(), left);
  }

  static String clock(long millis) {
    long s = millis / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
