package pipelines;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options every pipeline of this project takes. */
public interface NbaOptions extends PipelineOptions {
  @Description(
      "Folder (local path or gs:// prefix) with player_game_logs.csv and optionally schedule.csv, shot_zones.csv(.gz), "
          + "player_props_snapshots.csv(.gz), game_lines.csv. Omit it to run on the embedded sample league, "
          + "which is then written to <outputDir>/embedded_sample_input/.")
  String getInputDir();

  void setInputDir(String value);

  @Description("Output folder: one sub-folder per table (newline-delimited JSON per partition) and run_summary.json.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description(
      "Box scores dated after this day (YYYY-MM-DD) cannot exist yet and are dead-lettered. Default: today, US/Eastern.")
  String getLatestGameDate();

  void setLatestGameDate(String value);
}
