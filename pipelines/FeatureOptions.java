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
}
