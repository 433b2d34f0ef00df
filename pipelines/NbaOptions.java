package pipelines;

import pipelines.reports.HealthReport;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options every pipeline of this project takes. */
public interface NbaOptions extends PipelineOptions {
  @Description(
      "Folder (local path or gs:// prefix) with player_game_logs.csv and optionally schedule.csv, shot_zones.csv(.gz), "
          + "player_props_snapshots*.csv*, game_lines.csv; or several such folders, comma-separated (e.g. one per "
          + "season), whose files of each kind are read together (refused when a row would be in two of them). Omit it "
          + "to run on the embedded sample league, which is then written to <outputDir>/embedded_sample_input/.")
  String getInputDir();

  void setInputDir(String value);

  @Description("Output folder: one sub-folder per table (newline-delimited JSON per partition) and run_summary.json.")
  @Validation.Required
  String getOutputDir();

  void setOutputDir(String value);

  @Description(
      "Box scores dated after this day (YYYY-MM-DD) cannot exist yet and are dead-lettered. Default: today, US/Eastern.")
  String getLatestGameDate();

  void setLatestGameDate(String value);

  /** Where tables live: files under a folder, or BigQuery (the run summary, health report and export stay files). */
  enum Storage {
    files,
    bigquery
  }

  @Description(
      "Where tables are written: 'files' (newline-delimited JSON under --outputDir) or 'bigquery' (one dataset per phase, "
          + "date partitions replaced by WRITE_TRUNCATE loads). run_summary.json and export/ are written under --outputDir "
          + "either way (a gs:// prefix on Dataflow).")
  @Default.Enum("files")
  Storage getSink();

  void setSink(Storage value);

  @Description("Where persisted upstream tables (the daily cache, predictions to grade) are read: 'files' or 'bigquery'.")
  @Default.Enum("files")
  Storage getSource();

  void setSource(Storage value);

  @Description("Google Cloud project of the BigQuery datasets. Default: --project.")
  String getBigQueryProject();

  void setBigQueryProject(String value);

  @Description("Dataset of Phase 3 tables and dead letters.")
  @Default.String("nba_analytics")
  String getAnalyticsDataset();

  void setAnalyticsDataset(String value);

  @Description("Dataset of Phase 4 tables and the feature store.")
  @Default.String("nba_precompute")
  String getPrecomputeDataset();

  void setPrecomputeDataset(String value);

  @Description("Dataset of predictions and grades.")
  @Default.String("nba_predictions")
  String getPredictionsDataset();

  void setPredictionsDataset(String value);

  @Description("Health: largest share of a date's expected players (the universe) without a feature row (error).")
  @Default.Double(0.0)
  double getHealthMaxDataLoss();

  void setHealthMaxDataLoss(double value);

  @Description(
      "Health: largest share of a date's feature rows with cache_miss_fallback_used before it is an error. "
          + "Default: 0 for same-day (a miss there is a bug), none for the other pipelines.")
  Double getHealthCacheMissError();

  void setHealthCacheMissError(Double value);

  @Description("Health: share of a date's feature rows with cache_miss_fallback_used above which it is a warning.")
  @Default.Double(0.15)
  double getHealthCacheMissWarning();

  void setHealthCacheMissWarning(double value);

  @Description(
      "Health: smallest share of a date's bettable players (a prop line exists) whose vegas features are present (error).")
  @Default.Double(1.0)
  double getHealthMinLineCoverage();

  void setHealthMinLineCoverage(double value);

  @Description("Health: largest share of an input's rows that may be dead-lettered before it is a warning.")
  @Default.Double(0.01)
  double getHealthMaxDeadLetterRate();

  void setHealthMaxDeadLetterRate(double value);

  @Description("Largest share of the required input's (player_game_logs.csv) rows that may be rejected; above it,"
      + " or when every row is rejected, the run is refused with exit 2 before anything is written or deleted.")
  @Default.Double(0.5)
  double getMaxRequiredInputRejectRate();

  void setMaxRequiredInputRejectRate(double value);

  @Description("Which health breaches make the command exit 3: 'error', 'warning' (errors too) or 'never'.")
  @Default.Enum("error")
  HealthReport.FailOn getHealthFailOn();

  void setHealthFailOn(HealthReport.FailOn value);

  @Description("While the run is waited for, print a progress line (dates built, box scores read, rows written, "
      + "elapsed, time left) every this many seconds; 0: none.")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description(
      "Wait for the run to finish, then write run_summary.json and remove stale partitions. false: return once the "
          + "job is submitted (what a Flex Template launcher needs), with no run summary or health report: Dataflow's "
          + "job page has the counters.")
  @Default.Boolean(true)
  boolean getWaitForCompletion();

  void setWaitForCompletion(boolean value);
}
