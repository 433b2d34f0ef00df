package pipelines;

import io.InputFiles;
import io.TableSink;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.UpcomingPlayerGameContext;
import transforms.BuildHealthFacts;
import transforms.BuildTeamGameSummaries;
import transforms.CompleteContext;
import transforms.Phase4;
import schemas.Tables;
import schemas.TeamGameSummary;
import transforms.DateRange;

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
    ReadInputs in = ReadInputs.from(p, files, Runs.latestGameDate(options));
    PCollection<TeamGameSummary> teamGames = in.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries());
    sink.write(inRange(in.gameSummaries, range, PlayerGameSummary::getGameDate, "GameSummaries"), Tables.PLAYER_GAME_SUMMARY);
    sink.write(inRange(teamGames, range, TeamGameSummary::getGameDate, "TeamGames"), Tables.TEAM_GAME_SUMMARY);
    sink.write(in.deadLetters, Tables.DEAD_LETTER);
    BuildHealthFacts.Inputs health = Writes.healthOf(in);
    if (options.getBuildFeatures()) {
      Features f = features(p, in, teamGames, range, options);
      sink.write(inRange(f.phase3.lines, range, PropLine::getGameDate, "PropLines"), Tables.PLAYER_PROP_LINES);
      Writes.phase4(sink, f.context, f.phase4);
      health.universe(f.context).features(f.phase4.features).lines(f.phase3.lines)
          .predictions(Writes.predictions(sink, Writes.systems(options), options, f.phase4, null));
    }
    Writes.health(sink, health, range::contains);
  }

  /** Phase 3's derived inputs, the played universe as context, and Phase 4: what backfill and train share. */
  static final class Features {
    final Phase3 phase3;
    final PCollection<UpcomingPlayerGameContext> context;
    final Phase4 phase4;

    Features(Phase3 phase3, PCollection<UpcomingPlayerGameContext> context, Phase4 phase4) {
      this.phase3 = phase3;
      this.context = context;
      this.phase4 = phase4;
    }
  }

  static Features features(
      Pipeline p, ReadInputs in, PCollection<TeamGameSummary> teamGames, DateRange range, FeatureOptions options)
      throws IOException {
    Phase3 phase3 = Phase3.build(in, teamGames);
    // Backfill's universe for D: every player who played on D (minutes > 0).
    PCollection<UpcomingPlayerGameContext> universe =
        in.gameSummaries
            .apply("PlayedInRange", Filter.by((PlayerGameSummary s) -> range.contains(s.getGameDate()) && s.getMinutes() > 0))
            .apply(
                "UniverseFromBoxScores",
                MapElements.into(TypeDescriptor.of(UpcomingPlayerGameContext.class))
                    .via(s -> CompleteContext.bare(s.getPlayerLookup(), s.getPlayerName(), s.getGameDate(), s.getGameId(),
                        s.getTeamAbbr(), s.getOpponentTeamAbbr(), s.getHomeGame(), "played")));
    PCollection<UpcomingPlayerGameContext> context =
        universe.apply("BuildUpcomingPlayerGameContext", new CompleteContext(phase3.lines, phase3.history));
    Phase4 phase4 = Phase4.build(context, phase3.history, PersistedUpstream.dailyCache(p, options, range, context));
    return new Features(phase3, context, phase4);
  }

  static <T> PCollection<T> inRange(PCollection<T> rows, DateRange range, SerializableFunction<T, String> dateOf, String name) {
    return rows.apply(name + "InRange", Filter.by((T r) -> range.contains(dateOf.apply(r))));
  }
}
