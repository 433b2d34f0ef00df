package transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;

/**
 * Turns the run's universe (who is expected to play on D: team, opponent, home/away) into
 * {@code upcoming_player_game_context}: windows it into daily windows, joins each player to D's consensus line
 * by a tolerant name key ({@link PlayerNames#joinKey}: suffixes and nicknames), and adds rest from history.
 * A line whose player is not in the universe is counted ({@code context:lines_unmatched}), never attached by guess.
 */
public final class CompleteContext
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<UpcomingPlayerGameContext>> {
  private final PCollection<PropLine> lines;
  private final History history;

  public CompleteContext(PCollection<PropLine> lines, History history) {
    this.lines = lines;
    this.history = history;
  }

  /** A universe row before lines and rest are known. */
  public static UpcomingPlayerGameContext bare(
      String playerLookup, String playerName, String date, @Nullable String gameId, String team, String opponent,
      boolean home, String source) {
    return UpcomingPlayerGameContext.builder()
        .setPlayerLookup(playerLookup)
        .setPlayerName(playerName)
        .setGameDate(date)
        .setSeason(GameDates.seasonOf(date))
        .setGameId(gameId)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(opponent)
        .setHomeGame(home)
        .setPlayoffGame(gameId != null && gameId.startsWith("004"))
        .setBackToBack(false)
        .setUniverseSource(source)
        .build();
  }

  @Override
  public PCollection<UpcomingPlayerGameContext> expand(PCollection<UpcomingPlayerGameContext> universe) {
    TupleTag<UpcomingPlayerGameContext> players = new TupleTag<>();
    TupleTag<PropLine> lineTag = new TupleTag<>();
    PCollection<KV<String, UpcomingPlayerGameContext>> keyedPlayers =
        universe
            .apply("PlayersDaily", Window.into(GameDates.dailyWindows()))
            .apply(
                "KeyPlayersByName",
                WithKeys.of((UpcomingPlayerGameContext c) -> Keys.playerDate(PlayerNames.joinKey(c.getPlayerLookup()), c.getGameDate()))
                    .withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, PropLine>> keyedLines =
        lines
            .apply("LinesDaily", Window.into(GameDates.dailyWindows()))
            .apply(
                "KeyLinesByName",
                WithKeys.of((PropLine l) -> Keys.playerDate(l.getJoinKey(), l.getGameDate())).withKeyType(TypeDescriptors.strings()));
    return KeyedPCollectionTuple.of(players, keyedPlayers)
        .and(lineTag, keyedLines)
        .apply("JoinLines", CoGroupByKey.create())
        .apply("AttachLineAndRest", ParDo.of(new AttachFn(players, lineTag, history.gamesByPlayer, history.gamesByTeam)).withSideInputs(history.gamesByPlayer, history.gamesByTeam));
  }

  static final class AttachFn extends DoFn<KV<String, CoGbkResult>, UpcomingPlayerGameContext> {
    private final TupleTag<UpcomingPlayerGameContext> players;
    private final TupleTag<PropLine> lineTag;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames;
    private final Counter matched = Metrics.counter("context", "lines_matched");
    private final Counter unmatched = Metrics.counter("context", "lines_unmatched");
    private final Counter ambiguous = Metrics.counter("context", "lines_ambiguous");
    private final Counter rows = Metrics.counter("context", "universe_rows");

    AttachFn(
        TupleTag<UpcomingPlayerGameContext> players,
        TupleTag<PropLine> lineTag,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games,
        PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames) {
      this.players = players;
      this.lineTag = lineTag;
      this.games = games;
      this.teamGames = teamGames;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<PropLine> lines = new ArrayList<>();
      c.element().getValue().getAll(lineTag).forEach(lines::add);
      boolean anyPlayer = false;
      for (UpcomingPlayerGameContext p : c.element().getValue().getAll(players)) {
        anyPlayer = true;
        PropLine line = choose(p.getPlayerLookup(), lines);
        if (line != null) {
          matched.inc();
        } else if (lines.size() > 1) {
          ambiguous.inc();
        }
        String date = p.getGameDate();
        Integer rest = AsOf.daysSinceLast(
            AsOf.playedBefore(c.sideInput(games).get(p.getPlayerLookup()), date), date,
            PlayerGameSummary::getGameDate);
        Integer oppRest = AsOf.daysSinceLast(
            AsOf.teamGamesBefore(c.sideInput(teamGames).get(p.getOpponentTeamAbbr()), date), date,
            TeamGameSummary::getGameDate);
        rows.inc();
        c.output(
            p.toBuilder()
                .setDaysSinceLastGame(rest)
                .setBackToBack(rest != null && rest == 1)
                .setOpponentDaysSinceLastGame(oppRest)
                .setPropLine(line == null ? null : line.getLine())
                .setPropOpeningLine(line == null ? null : line.getOpeningLine())
                .setPropLineSnapshotTime(line == null ? null : line.getSnapshotTime())
                .build());
      }
      if (!anyPlayer) {
        unmatched.inc(lines.size());
      }
    }

    /** The exact-name line if there is one, else the only candidate; two candidates and no exact match: none. */
    static @Nullable PropLine choose(String lookup, List<PropLine> candidates) {
      for (PropLine l : candidates) {
        if (l.getPlayerLookup().equals(lookup)) {
          return l;
        }
      }
      return candidates.size() == 1 ? candidates.get(0) : null;
    }
  }
}
