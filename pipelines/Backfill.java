package pipelines;

import io.inputs.ReadInputs;
import io.inputs.InputFiles;
import io.tables.TableSink;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import pipelines.reports.Progress;
import transforms.daily.CountDates;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import transforms.health.BuildHealthFacts;
import transforms.games.BuildTeamGameSummaries;
import schemas.Tables;
import schemas.TeamGameSummary;
import schemas.vocabulary.DateRange;

/**
 * {@code backfill}: for every game date in a range, Phase 3 (game summaries, the run's player universe) and
 * Phase 4 with the feature store, all in one graph. History before the range is read from the same input, so
 * the first dates of a range get the same features as if the whole season had been built.
 */
public final class Backfill {
  private Backfill() {}

  static int main(String[] args) {
    BackfillOptions options = Runs.options(args, BackfillOptions.class);
    return options == null ? 2 : run(options);
  }

  /** Runs with parsed options (the command line's, or a test's holding what a command line cannot). */
  static int run(BackfillOptions options) {
    return Runs.drive("backfill", options, (p, files, sink, facts) -> {
      DateRange range = DateRange.of(options.getStartDate(), options.getEndDate());
      build(p, files, range, options, sink);
      facts.put("start_date", range.start());
      facts.put("end_date", range.end());
      return range::contains;
    });
  }

  /** The backfill graph: reads, composes the phase transforms, and hands every table to the sink. */
  public static void build(Pipeline p, InputFiles files, DateRange range, BackfillOptions options, TableSink sink)
      throws IOException {
    // 1. read
    ReadInputs.Inputs in = p.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options)));
    // 2. Phase 3
    PCollection<TeamGameSummary> teamGames = in.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries());
    PCollection<PlayerGameSummary> inRange = FeatureGraph.inRange(in.gameSummaries, range, PlayerGameSummary::getGameDate, "GameSummaries");
    sink.write(inRange, Tables.PLAYER_GAME_SUMMARY);
    inRange
        .apply("GameDates", MapElements.into(TypeDescriptors.strings()).via(PlayerGameSummary::getGameDate))
        .apply("CountDatesToBuild", new CountDates(Progress.NAMESPACE, Progress.DATES_TO_BUILD));
    sink.write(FeatureGraph.inRange(teamGames, range, TeamGameSummary::getGameDate, "TeamGames"), Tables.TEAM_GAME_SUMMARY);
    // 3. what could not be read
    sink.write(in.deadLetters, Tables.DEAD_LETTER);
    BuildHealthFacts.Inputs health = Writes.healthOf(in).teamGames(teamGames);
    if (options.getBuildFeatures()) {
      // 4. Phase 4, the feature store, and predictions with --model
      FeatureGraph f = FeatureGraph.played(p, files, in, teamGames, range, options);
      sink.write(FeatureGraph.inRange(f.lines, range, PropLine::getGameDate, "PropLines"), Tables.PLAYER_PROP_LINES);
      Writes.featureStore(sink, f.context, f.store);
      Writes.Predicting predicting = Writes.predicting(options, range);
      health.universe(f.context).features(f.store.features).lines(f.lines)
          .predictions(Writes.predictions(sink, predicting, options, f.store), Writes.marketKeys(predicting));
    }
    // 5. the facts of the health report
    Writes.health(sink, health, range::contains);
  }
}
