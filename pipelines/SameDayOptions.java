package pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@code same-day}: build one date's tables the morning of that date, optionally following its lines all day. */
public interface SameDayOptions extends FeatureOptions {
  @Description("The game date to build, YYYY-MM-DD. Default: today, US/Eastern.")
  String getDate();

  void setDate(String value);

  @Description(
      "A team's expected players are those who played for it in its last N games before the date (and whose latest "
          + "game was for it).")
  @Default.Integer(10)
  int getRosterGames();

  void setRosterGames(int value);

  @Description(
      "Keep running after the morning tables: watch --watchPattern for new prop snapshot files and write the feature "
          + "rows of players whose line moved to ml_feature_store_v2_line_updates, until the end of the date "
          + "(US/Eastern) or --watchSeconds.")
  @Default.Boolean(false)
  boolean getWatch();

  void setWatch(boolean value);

  @Description(
      "Files to watch for new prop snapshots (local glob or gs:// glob; same columns as player_props_snapshots.csv). "
          + "Default: <inputDir>/player_props_snapshots*.csv*, the glob the morning pass reads; the files it read are not "
          + "watched again.")
  String getWatchPattern();

  void setWatchPattern(String value);

  @Description("How often the watched pattern is listed, in seconds.")
  @Default.Integer(30)
  int getPollSeconds();

  void setPollSeconds(int value);

  @Description(
      "Stop watching after this many seconds (the date's window then closes). Default: at the end of the date, "
          + "US/Eastern; required to replay a date that is over.")
  Integer getWatchSeconds();

  void setWatchSeconds(Integer value);

  @Description(
      "Also stop watching once this many seconds pass with no new snapshot file after the last one (the feed has "
          + "gone quiet: the day's last lines are in). Default: no such stop, only --watchSeconds or the end of the date.")
  Integer getWatchIdleSeconds();

  void setWatchIdleSeconds(Integer value);
}
