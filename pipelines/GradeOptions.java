package pipelines;

import org.apache.beam.sdk.options.Description;

/** {@code grade}: grade persisted predictions against the box scores. */
public interface GradeOptions extends NbaOptions {
  @Description("First game date to grade, YYYY-MM-DD. Default: yesterday, US/Eastern (the scheduled morning grading).")
  String getStartDate();

  void setStartDate(String value);

  @Description("Last game date to grade, YYYY-MM-DD (inclusive). Default: --startDate.")
  String getEndDate();

  void setEndDate(String value);

  @Description("Output folder of the run that wrote player_prop_predictions. Default: --outputDir. Ignored with --source=bigquery.")
  String getPredictionsDir();

  void setPredictionsDir(String value);

  @Description(
      "Folder for this run's run_summary.json and health report. Default: --outputDir. A grade into the folder of the "
          + "backfill that predicted keeps that backfill's reports there (grade has no universe or features to report).")
  String getReportDir();

  void setReportDir(String value);
}
