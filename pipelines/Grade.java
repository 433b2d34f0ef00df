package pipelines;

import io.inputs.ReadInputs;
import java.time.LocalDate;
import schemas.vocabulary.GameDates;
import io.inputs.InputFiles;
import io.tables.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import schemas.PlayerGameSummary;
import schemas.PlayerPropPrediction;
import schemas.Tables;
import schemas.vocabulary.DateRange;
import transforms.predictions.GradePredictions;

/**
 * {@code grade}: the predictions of a date range (read from an earlier run's output) against the box scores
 * of the input: prediction_grades, grading_summary, and the export documents rewritten with results. Every
 * date of the range must have predictions; a date without them is an error, not a silent zero.
 */
public final class Grade {
  private Grade() {}

  static int main(String[] args) {
    GradeOptions options = Runs.options(args, GradeOptions.class);
    return options == null ? 2 : run(options);
  }

  /** Runs with parsed options (the command line's, or a test's holding what a command line cannot). */
  static int run(GradeOptions options) {
    String reportDir = options.getReportDir() == null || options.getReportDir().isBlank()
        ? options.getOutputDir() : options.getReportDir();
    return Runs.drive("grade", options, reportDir, (p, files, sink, facts) -> {
      String start = options.getStartDate() == null || options.getStartDate().isBlank()
          ? LocalDate.now(GameDates.EASTERN).minusDays(1).toString() : options.getStartDate();
      String end = options.getEndDate() == null || options.getEndDate().isBlank() ? start : options.getEndDate();
      DateRange range = DateRange.of(start, end);
      String dir = options.getPredictionsDir() == null || options.getPredictionsDir().isBlank()
          ? options.getOutputDir() : options.getPredictionsDir();
      TableSource source = Runs.source(options, dir);
      List<String> inRange = new ArrayList<>(source.partitionsIn(Tables.PLAYER_PROP_PREDICTIONS, range.start(), range.end()).keySet());
      if (inRange.isEmpty()) {
        throw new InputFiles.InputException(
            "no " + Tables.PLAYER_PROP_PREDICTIONS.name() + " partition in " + range.start() + ".." + range.end() + " under "
                + (options.getSource() == NbaOptions.Storage.bigquery ? "BigQuery" : dir) + ": run backfill or same-day with --model first");
      }
      ReadInputs.Inputs in = p.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options)));
      PCollection<PlayerPropPrediction> predictions =
          source.read(p, "ReadPredictions", Tables.PLAYER_PROP_PREDICTIONS, inRange)
              .apply("StampPredictions", GameDates.stamp(PlayerPropPrediction::getGameDate));
      PCollectionTuple graded = predictions.apply(
          "GradePredictions",
          new GradePredictions(FeatureGraph.inRange(in.gameSummaries, range, PlayerGameSummary::getGameDate, "BoxScores")));
      sink.write(graded.get(GradePredictions.GRADES), Tables.PREDICTION_GRADES);
      sink.write(graded.get(GradePredictions.SUMMARIES), Tables.GRADING_SUMMARY);
      Writes.export(sink, graded.get(GradePredictions.GRADES));
      facts.put("start_date", range.start());
      facts.put("end_date", range.end());
      facts.put("dates_with_predictions", inRange.size());
      // The inputs' dead letters and freshness only: grade has no universe, so a per-date fact would report every
      // player who played as "not expected", and would replace the facts of the run that predicted those dates.
      Writes.health(sink, Writes.healthOf(in), date -> false);
      return range::contains;
    }, summary -> null);
  }
}
