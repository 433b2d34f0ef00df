package pipelines;

import io.inputs.InputFiles;
import io.inputs.ReadInputs;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerDailyCache;
import transforms.games.BuildTeamGameSummaries;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import schemas.GameLine;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.DateRange;
import transforms.context.AsOfTime;
import transforms.context.BuildConsensusLines;
import transforms.context.BuildSameDayUniverse;
import transforms.context.CompleteContext;
import transforms.features.BuildFeatureStore;
import transforms.features.FeedCoverage;
import transforms.features.FeatureStore;
import transforms.games.BuildGameHistory;
import transforms.games.History;

/**
 * The one composition of the feature graph that backfill, same-day and train share: game history and consensus
 * lines from the inputs, a universe of who plays on each date, its context, and the feature store. The modes
 * differ only in the universe: who played (backfill, train) or who is expected (same-day).
 */
final class FeatureGraph {
  final PCollection<PropLine> lines;
  final History history;
  final PCollection<UpcomingPlayerGameContext> context;
  final FeatureStore store;

  private FeatureGraph(
      PCollection<PropLine> lines, History history, PCollection<UpcomingPlayerGameContext> context, FeatureStore store) {
    this.lines = lines;
    this.history = history;
    this.context = context;
    this.store = store;
  }

  /** Backfill's and train's graph: the universe of D is every player with a box score on D with minutes &gt; 0. */
  static FeatureGraph played(
      Pipeline p, InputFiles files, ReadInputs.Inputs in, PCollection<TeamGameSummary> teamGames, DateRange range,
      FeatureOptions options) throws IOException {
    // The driver's preflight reads the inputs again on its own pipeline to compose the same universe.
    Function<Pipeline, PCollection<UpcomingPlayerGameContext>> universeOf =
        q -> playedUniverse(q.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options))), range);
    PCollection<PlayerDailyCache> persisted = PersistedUpstream.dailyCache(p, options, range, universeOf);
    History history = history(in, teamGames);
    AsOfTime asOf = AsOfTime.parse(options.getAsOfTime(), AsOfTime.beforeTipOff());
    PCollection<PropLine> lines = in.propSnapshots.apply("BuildConsensusLines", new BuildConsensusLines(asOf));
    return complete(playedUniverse(in, range), in, lines, history, persisted, asOf);
  }

  private static PCollection<UpcomingPlayerGameContext> playedUniverse(ReadInputs.Inputs in, DateRange range) {
    return in.gameSummaries
        .apply("PlayedInRange", Filter.by((PlayerGameSummary s) -> range.contains(s.getGameDate()) && s.getMinutes() > 0))
        .apply(
            "UniverseFromBoxScores",
            MapElements.into(TypeDescriptor.of(UpcomingPlayerGameContext.class))
                .via(s -> CompleteContext.bare(s.getPlayerLookup(), s.getPlayerId(), s.getPlayerName(), s.getGameDate(),
                    s.getSeason(), s.getGameId(), s.getTeamAbbr(), s.getOpponentTeamAbbr(), s.getHomeGame(), "played")));
  }

  /**
   * Same-day's graph for one date: the universe is who is expected to play ({@link BuildSameDayUniverse}), from
   * {@code known}, the inputs as known the morning of the date.
   */
  static FeatureGraph expected(
      Pipeline p, InputFiles files, ReadInputs.Inputs known, PCollection<TeamGameSummary> teamGames, String date,
      SameDayOptions options, AsOfTime asOf) throws IOException {
    // The driver's preflight reads the inputs again on its own pipeline to compose the same universe.
    Function<Pipeline, PCollection<UpcomingPlayerGameContext>> universeOf = q -> {
      ReadInputs.Inputs k =
          q.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options))).knownOnMorningOf(date);
      History h = history(k, k.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries()));
      return expectedUniverse(k, consensusLines(k, asOf), h, options);
    };
    PCollection<PlayerDailyCache> persisted =
        PersistedUpstream.dailyCache(p, options, DateRange.single(date), universeOf);
    History history = history(known, teamGames);
    PCollection<PropLine> lines = consensusLines(known, asOf);
    return complete(expectedUniverse(known, lines, history, options), known, lines, history, persisted, asOf);
  }

  private static PCollection<PropLine> consensusLines(ReadInputs.Inputs in, AsOfTime asOf) {
    return in.propSnapshots.apply("BuildConsensusLines", new BuildConsensusLines(asOf));
  }

  private static PCollection<UpcomingPlayerGameContext> expectedUniverse(
      ReadInputs.Inputs known, PCollection<PropLine> lines, History history, SameDayOptions options) {
    return known.schedule.apply("BuildSameDayUniverse", new BuildSameDayUniverse(lines, history, options.getRosterGames()));
  }

  private static History history(ReadInputs.Inputs in, PCollection<TeamGameSummary> teamGames) {
    return in.gameSummaries.apply("BuildGameHistory", new BuildGameHistory(teamGames, in.schedule, in.shotZones));
  }

  private static FeatureGraph complete(
      PCollection<UpcomingPlayerGameContext> universe, ReadInputs.Inputs in, PCollection<PropLine> lines, History history,
      @Nullable PCollection<PlayerDailyCache> persisted, AsOfTime asOf) {
    PCollection<UpcomingPlayerGameContext> context =
        universe.apply("BuildUpcomingPlayerGameContext", new CompleteContext(lines, in.gameLines, history, asOf));
    FeedCoverage feeds = FeedCoverage.of(lines, in.gameLines, in.shotZones);
    FeatureStore store = context.apply("BuildFeatureStore", new BuildFeatureStore(history, persisted, feeds));
    return new FeatureGraph(lines, history, context, store);
  }

  /** The rows of the dates in the range. */
  static <T> PCollection<T> inRange(PCollection<T> rows, DateRange range, SerializableFunction<T, String> dateOf, String name) {
    return rows.apply(name + "InRange", Filter.by((T r) -> range.contains(dateOf.apply(r))));
  }
}
