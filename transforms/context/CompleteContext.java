package transforms.context;

import transforms.features.AsOf;
import schemas.vocabulary.GameDates;
import transforms.daily.GroupByDate;
import transforms.games.History;
import schemas.vocabulary.PlayerNames;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;

/**
 * Turns the run's universe (who is expected to play on D: team, opponent, home/away) into
 * {@code upcoming_player_game_context}: a day's universe and its consensus lines meet in one group per date
 * (daily windows; see {@link GroupByDate} for why by date), each player takes the line of his tolerant name key
 * ({@link PlayerNames#joinKey}: suffixes and nicknames), and rest comes from history. A player named twice in
 * the universe is kept once ({@code context:universe_duplicates}); a line no player takes is counted
 * ({@code context:lines_unmatched}), never attached by guess.
 */
public final class CompleteContext
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<UpcomingPlayerGameContext>> {
  private final PCollection<PropLine> lines;
  private final History history;
  private final AsOfTime asOf;

  /** @param asOf the run's as-of instant, the lines' own ({@link BuildConsensusLines}) */
  public CompleteContext(PCollection<PropLine> lines, History history, AsOfTime asOf) {
    this.lines = lines;
    this.history = history;
    this.asOf = asOf;
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

  /** The exact-name line if there is one, else the only candidate; two candidates and no exact match: none. */
  static @Nullable PropLine choose(String lookup, List<PropLine> candidates) {
    for (PropLine l : candidates) {
      if (l.getPlayerLookup().equals(lookup)) {
        return l;
      }
    }
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  /**
   * A context row with this line (or none) as its prop line, as of {@code asOf} (ISO instant): the one place a
   * line's fields reach the context.
   */
  public static UpcomingPlayerGameContext withLine(UpcomingPlayerGameContext p, @Nullable PropLine line, String asOf) {
    return p.toBuilder()
        .setPropLine(line == null ? null : line.getLine())
        .setPropOpeningLine(line == null ? null : line.getOpeningLine())
        .setPropLineSnapshotTime(line == null ? null : line.getSnapshotTime())
        .setAsOf(asOf)
        .build();
  }

  /** A row's as-of instant under the run's rule: by its line's tip-off when the rule is "before tip-off". */
  static String asOfOf(AsOfTime asOf, UpcomingPlayerGameContext p, @Nullable PropLine line) {
    return asOf.of(p.getGameDate(), line == null ? null : line.getGameTime()).toString();
  }

  @Override
  public PCollection<UpcomingPlayerGameContext> expand(PCollection<UpcomingPlayerGameContext> universe) {
    TupleTag<UpcomingPlayerGameContext> players = new TupleTag<>();
    TupleTag<PropLine> lineTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(players, GroupByDate.keyedDaily("Players", universe, UpcomingPlayerGameContext::getGameDate))
        .and(lineTag, GroupByDate.keyedDaily("Lines", lines, PropLine::getGameDate))
        .apply("JoinDayLines", CoGroupByKey.create())
        .apply(
            "AttachLineAndRest",
            ParDo.of(new AttachFn(players, lineTag, history.gamesByPlayer, history.gamesByTeam, asOf))
                .withSideInputs(history.gamesByPlayer, history.gamesByTeam));
  }

  static final class AttachFn extends DoFn<KV<String, CoGbkResult>, UpcomingPlayerGameContext> {
    private final SideInputCache views = new SideInputCache();

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }
    private final TupleTag<UpcomingPlayerGameContext> players;
    private final TupleTag<PropLine> lineTag;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames;
    private final Counter matched = Metrics.counter("context", "lines_matched");
    private final Counter unmatched = Metrics.counter("context", "lines_unmatched");
    private final Counter ambiguous = Metrics.counter("context", "lines_ambiguous");
    private final Counter duplicates = Metrics.counter("context", "universe_duplicates");
    private final Counter rows = Metrics.counter("context", "universe_rows");
    private final AsOfTime asOf;

    AttachFn(
        TupleTag<UpcomingPlayerGameContext> players,
        TupleTag<PropLine> lineTag,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games,
        PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames,
        AsOfTime asOf) {
      this.asOf = asOf;
      this.players = players;
      this.lineTag = lineTag;
      this.games = games;
      this.teamGames = teamGames;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      Map<String, List<PropLine>> linesByName = new HashMap<>();
      for (PropLine l : c.element().getValue().getAll(lineTag)) {
        linesByName.computeIfAbsent(l.getJoinKey(), k -> new ArrayList<>()).add(l);
      }
      // One row per player: a universe assembled from several sources may name a player twice.
      Map<String, UpcomingPlayerGameContext> universe = new TreeMap<>();
      for (UpcomingPlayerGameContext p : c.element().getValue().getAll(players)) {
        if (universe.putIfAbsent(p.getPlayerLookup(), p) != null) {
          duplicates.inc();
        }
      }
      Set<PropLine> attached = new HashSet<>();
      for (UpcomingPlayerGameContext p : universe.values()) {
        String name = PlayerNames.joinKey(p.getPlayerLookup());
        List<PropLine> candidates = linesByName.getOrDefault(name, List.of());
        PropLine line = choose(p.getPlayerLookup(), candidates);
        if (line != null) {
          matched.inc();
          attached.add(line);
        } else if (candidates.size() > 1) {
          ambiguous.inc();
        }
        c.output(withRestAndLine(c, window, p, line));
      }
      for (List<PropLine> sameName : linesByName.values()) {
        for (PropLine l : sameName) {
          if (!attached.contains(l)) {
            unmatched.inc();
          }
        }
      }
    }

    private UpcomingPlayerGameContext withRestAndLine(ProcessContext c, BoundedWindow window, UpcomingPlayerGameContext p, @Nullable PropLine line) {
      String date = p.getGameDate();
      Integer rest = AsOf.daysSinceLast(
          AsOf.playedBefore(views.get(c, window, games).get(p.getPlayerLookup()), date), date, PlayerGameSummary::getGameDate);
      Integer oppRest = AsOf.daysSinceLast(
          AsOf.teamGamesBefore(views.get(c, window, teamGames).get(p.getOpponentTeamAbbr()), date), date,
          TeamGameSummary::getGameDate);
      rows.inc();
      return withLine(
          p.toBuilder()
              .setDaysSinceLastGame(rest)
              .setBackToBack(rest != null && rest == 1)
              .setOpponentDaysSinceLastGame(oppRest)
              .build(),
          line,
          asOfOf(asOf, p, line));
    }
  }
}
