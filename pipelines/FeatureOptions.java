package pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of every pipeline that builds features (backfill, same-day). */
public interface FeatureOptions extends NbaOptions {
  @Description(
      "Read player_daily_cache from this earlier run's output folder instead of computing it. Each date's partition "
          + "is checked first (present, fresh, covering the run's players); the run stops with a message otherwise.")
  String getCacheDir();

  void setCacheDir(String value);

  @Description(
      "With --source=bigquery: read player_daily_cache from the precompute dataset instead of computing it, behind the "
          + "same check as --cacheDir.")
  @Default.Boolean(false)
  boolean getReadPersistedCache();

  void setReadPersistedCache(boolean value);

  @Description("Oldest a persisted upstream partition may be, in hours since it was written (with --cacheDir).")
  @Default.Double(36)
  double getMaxUpstreamAgeHours();

  void setMaxUpstreamAgeHours(double value);

  @Description(
      "Share (0-1) of a date's players a persisted upstream partition must hold (with --cacheDir). Players it lacks "
          + "below 1 are recomputed and flagged cache_miss_fallback_used.")
  @Default.Double(1.0)
  double getMinUpstreamCoverage();

  void setMinUpstreamCoverage(double value);

  @Description(
      "Model file(s) written by `train` (comma-separated). When given, player_prop_predictions is written for every "
          + "date built: baseline_avg_v1, and gbm_v1 and ensemble_v1 per model.")
  String getModel();

  void setModel(String value);

  @Description("Predict only for players averaging at least this many minutes over their last 10 games.")
  @Default.Double(15)
  double getMinMinutes();

  void setMinMinutes(double value);

  @Description("Recommend PASS when |predicted points − line| is below this many points.")
  @Default.Double(1.5)
  double getPassEdge();

  void setPassEdge(double value);

  @Description(
      "The hour (HH:MM, US/Eastern) of each date the run knows up to: only prop snapshots taken before it count, and "
          + "feature and prediction rows are stamped with it (as_of). Default: backfill, just before each game's "
          + "tip-off; same-day, its launch time.")
  String getAsOfTime();

  void setAsOfTime(String value);

  @Description(
      "START..END: accept a --model whose training range reaches dates this run predicts, over at most these dates "
          + "(the overlap must lie inside). Without it such a model is refused: it has seen the games it predicts.")
  String getAllowTrainingOverlap();

  void setAllowTrainingOverlap(String value);
}
