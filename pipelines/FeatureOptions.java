package pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import transforms.predictions.BetDecision;

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
      "The model bundle written by `train` (the path given to its --modelOut: <model>.meta.json and one "
          + "<model>.<market>.ubj per market). When given, player_prop_predictions is written for every date built: "
          + "baseline_avg_v1, gbm_v1 and ensemble_v1 for each market of --markets.")
  String getModel();

  void setModel(String value);

  @Description(
      "The prop markets predicted (and, for train, modelled): comma-separated The Odds API keys. Default: all eight, "
          + "player_points, player_rebounds, player_assists, player_threes, player_points_rebounds_assists, "
          + "player_points_rebounds, player_points_assists, player_rebounds_assists.")
  String getMarkets();

  void setMarkets(String value);

  @Description("Predict only for players averaging at least this many minutes over their last 10 games.")
  @Default.Double(15)
  double getMinMinutes();

  void setMinMinutes(double value);

  @Description(
      "Recommend OVER or UNDER only when that side's expected value at its offered price is at least this, per unit "
          + "staked (0.03: 3%, which at -110 needs P(win) >= 0.5395); PASS otherwise, and always without a line, "
          + "without a price on both sides, or without the system's residuals in the market.")
  @Default.Double(BetDecision.DEFAULT_MIN_EV)
  double getMinEv();

  void setMinEv(double value);

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
