package transforms.context;

import transforms.features.AsOf;
import schemas.vocabulary.PlayerKeys;
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
import java.time.Instant;
import schemas.GameLine;
import schemas.MarketLine;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;

/**
 * Turns the run's universe (who is expected to play on D: team, opponent, home/away) into
 * {@code upcoming_player_game_context}: a day's universe and its consensus lines meet in one group per date
 * (daily windows; see {@link GroupByDate} for why by date), each player takes the line of his tolerant name key
 * ({@link PlayerNames#joinKey}: suffixes and nicknames), and rest comes from history. Players are told apart by
 * {@link PlayerKeys} (the id), lines only by name: a player listed twice in the universe is kept once
 * ({@code context:universe_duplicates}); a name two players of the day share is counted
 * ({@code context:names_shared_by_ids}); a line no player takes ({@code context:lines_unmatched}) or whose
 * name fits two players ({@code context:lines_matched_to_two_players}) is counted, never attached by guess.
 *
 * <p>Each row also takes its game's closing total and its team's spread from the date's game lines, by (team,
 * opponent) in the row's home/away orientation (else the other, for a game the two sources orient differently),
 * but only when the row's as-of instant is not before its tip-off ({@link AsOfTime#knowsClosingLine}): counted as
 * {@code context:game_lines_attached}, {@code context:game_lines_not_yet_known} (before tip-off) and
 * {@code context:game_lines_missing} (no line for the game).
 */
public final class CompleteContext
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<UpcomingPlayerGameContext>> {
  private final PCollection<PropLine> lines;
  private final PCollection<GameLine> gameLines;
  private final History history;
  private final AsOfTime asOf;

  /**
   * @param gameLines the games' closing lines, all of them: which a row may see is decided here, by its as-of
   * @param asOf the run's as-of instant, the lines' own ({@link BuildConsensusLines})
   */
  public CompleteContext(PCollection<PropLine> lines, PCollection<GameLine> gameLines, History history, AsOfTime asOf) {
    this.lines = lines;
    this.gameLines = gameLines;
    this.history = history;
    this.asOf = asOf;
  }

  /** A universe row before lines and rest are known. */
  public static UpcomingPlayerGameContext bare(
      String playerLookup, @Nullable String playerId, String playerName, String date, String season,
      @Nullable String gameId, String team, String opponent, boolean home, String source) {
    return UpcomingPlayerGameContext.builder()
        .setPlayerLookup(playerLookup)
        .setPlayerId(playerId)
        .setPlayerName(playerName)
        .setGameDate(date)
        .setSeason(season)
        .setGameId(gameId)
        .setTeamAbbr(team)
        .setOpponentTeamAbbr(opponent)
        .setHomeGame(home)
        .setPlayoffGame(gameId != null && gameId.startsWith("004"))
        .setBackToBack(false)
        .setUniverseSource(source)
        .build();
  }

  /** The player's key ({@link PlayerKeys}) of a context row. */
  public static String key(UpcomingPlayerGameContext p) {
    return PlayerKeys.of(p.getPlayerId(), p.getPlayerLookup());
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
   * The players of one tolerant name who would take this line: those whose exact name it is, if any (two ids
   * with one name), else those it reaches by the tolerant key. A line is attached only when this is one player.
   */
  static List<UpcomingPlayerGameContext> claimants(
      PropLine line, List<PropLine> candidates, Iterable<UpcomingPlayerGameContext> sameName) {
    List<UpcomingPlayerGameContext> exact = new ArrayList<>();
    List<UpcomingPlayerGameContext> tolerant = new ArrayList<>();
    for (UpcomingPlayerGameContext q : sameName) {
      if (q.getPlayerLookup().equals(line.getPlayerLookup())) {
        exact.add(q);
      }
      if (choose(q.getPlayerLookup(), candidates) == line) {
        tolerant.add(q);
      }
    }
    return exact.isEmpty() ? tolerant : exact;
  }

  /**
   * A context row with this line (or none) as its prop line, as of {@code asOf} (ISO instant): the one place a
   * line's fields reach the context.
   */
  public static UpcomingPlayerGameContext withLine(UpcomingPlayerGameContext p, @Nullable PropLine line, String asOf) {
    UpcomingPlayerGameContext.Builder b = p.toBuilder()
        .setPropLine(line == null ? null : line.getLine())
        .setPropOpeningLine(line == null ? null : line.getOpeningLine())
        .setPropLineSnapshotTime(line == null ? null : line.getSnapshotTime())
        .setMarketLines(line == null ? List.of() : List.of(MarketLine.of(line)))
        .setAsOf(asOf);
    // A line update can move a row's as-of before its tip-off, where its game's closing line is not known yet.
    if (!AsOfTime.knowsClosingLine(Instant.parse(asOf), p.getGameDate(), tipOffOf(line))) {
      b.setGameTotal(null).setTeamSpread(null);
    }
    return b.build();
  }

  /**
   * A context row (its as-of set) with its game's closing total and its team's spread, when its as-of knows them
   * ({@link AsOfTime#knowsClosingLine}); null fields otherwise. {@code game} must be the row's game or null.
   */
  static UpcomingPlayerGameContext withGameLine(
      UpcomingPlayerGameContext p, @Nullable GameLine game, @Nullable String tipOff) {
    boolean known = game != null && AsOfTime.knowsClosingLine(Instant.parse(p.getAsOf()), p.getGameDate(), tipOff);
    return p.toBuilder()
        .setGameTotal(known ? game.getTotal() : null)
        .setTeamSpread(known ? game.spreadOf(p.getTeamAbbr()) : null)
        .build();
  }

  /** The row's game's line of the date: in the row's orientation, else the other one (null: none). */
  static @Nullable GameLine gameLineOf(UpcomingPlayerGameContext p, Map<String, GameLine> byMatchup) {
    String team = p.getTeamAbbr();
    String opp = p.getOpponentTeamAbbr();
    GameLine asGiven = byMatchup.get(p.getHomeGame() ? matchup(opp, team) : matchup(team, opp));
    return asGiven != null ? asGiven : byMatchup.get(p.getHomeGame() ? matchup(team, opp) : matchup(opp, team));
  }

  private static String matchup(String away, String home) {
    return away + "@" + home;
  }

  private static @Nullable String tipOffOf(@Nullable PropLine line) {
    return line == null ? null : line.getGameTime();
  }

  /** A row's as-of instant under the run's rule: by its line's tip-off when the rule is "before tip-off". */
  static String asOfOf(AsOfTime asOf, UpcomingPlayerGameContext p, @Nullable PropLine line) {
    return asOf.of(p.getGameDate(), tipOffOf(line)).toString();
  }

  @Override
  public PCollection<UpcomingPlayerGameContext> expand(PCollection<UpcomingPlayerGameContext> universe) {
    TupleTag<UpcomingPlayerGameContext> players = new TupleTag<>();
    TupleTag<PropLine> lineTag = new TupleTag<>();
    TupleTag<GameLine> gameLineTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(players, GroupByDate.keyedDailyByMonth("Players", universe, UpcomingPlayerGameContext::getGameDate))
        .and(lineTag, GroupByDate.keyedDailyByMonth("Lines", lines, PropLine::getGameDate))
        .and(gameLineTag, GroupByDate.keyedDailyByMonth("GameLines", gameLines, GameLine::getGameDate))
        .apply("JoinDayLines", CoGroupByKey.create())
        .apply(
            "AttachLineAndRest",
            ParDo.of(new AttachFn(players, lineTag, gameLineTag, history.gamesByPlayer, history.gamesByTeam, asOf))
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
    private final TupleTag<GameLine> gameLineTag;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames;
    private final Counter matched = Metrics.counter("context", "lines_matched");
    private final Counter unmatched = Metrics.counter("context", "lines_unmatched");
    private final Counter ambiguous = Metrics.counter("context", "lines_ambiguous");
    private final Counter matchedToTwo = Metrics.counter("context", "lines_matched_to_two_players");
    private final Counter sharedNames = Metrics.counter("context", "names_shared_by_ids");
    private final Counter duplicates = Metrics.counter("context", "universe_duplicates");
    private final Counter rows = Metrics.counter("context", "universe_rows");
    private final Counter gameLinesAttached = Metrics.counter("context", "game_lines_attached");
    private final Counter gameLinesNotYetKnown = Metrics.counter("context", "game_lines_not_yet_known");
    private final Counter gameLinesMissing = Metrics.counter("context", "game_lines_missing");
    private final AsOfTime asOf;

    AttachFn(
        TupleTag<UpcomingPlayerGameContext> players,
        TupleTag<PropLine> lineTag,
        TupleTag<GameLine> gameLineTag,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games,
        PCollectionView<Map<String, Iterable<TeamGameSummary>>> teamGames,
        AsOfTime asOf) {
      this.asOf = asOf;
      this.players = players;
      this.lineTag = lineTag;
      this.gameLineTag = gameLineTag;
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
      Map<String, Set<String>> keysByLookup = new HashMap<>();
      Map<String, List<UpcomingPlayerGameContext>> playersByName = new HashMap<>();
      for (UpcomingPlayerGameContext p : c.element().getValue().getAll(players)) {
        if (universe.putIfAbsent(key(p), p) != null) {
          duplicates.inc();
          continue;
        }
        keysByLookup.computeIfAbsent(p.getPlayerLookup(), k -> new HashSet<>()).add(key(p));
        playersByName.computeIfAbsent(PlayerNames.joinKey(p.getPlayerLookup()), k -> new ArrayList<>()).add(p);
      }
      keysByLookup.values().forEach(keys -> sharedNames.inc(keys.size() > 1 ? 1 : 0));
      Map<String, GameLine> gameLines = new HashMap<>();
      for (GameLine g : c.element().getValue().getAll(gameLineTag)) {
        gameLines.putIfAbsent(matchup(g.getAwayTeamAbbr(), g.getHomeTeamAbbr()), g);
      }
      Set<PropLine> attached = new HashSet<>();
      Set<PropLine> claimedTwice = new HashSet<>();
      for (UpcomingPlayerGameContext p : universe.values()) {
        String name = PlayerNames.joinKey(p.getPlayerLookup());
        List<PropLine> candidates = linesByName.getOrDefault(name, List.of());
        PropLine line = choose(p.getPlayerLookup(), candidates);
        List<UpcomingPlayerGameContext> claimants =
            line == null ? List.of() : claimants(line, candidates, playersByName.get(name));
        if (claimants.size() > 1) {
          // A line names a player, and two players (two ids) answer to that name: attaching it to either is a guess.
          claimedTwice.add(line);
          line = null;
        } else if (line != null && !claimants.contains(p)) {
          line = null; // another player of the day has the line's exact name
        } else if (line != null) {
          matched.inc();
          attached.add(line);
        } else if (candidates.size() > 1) {
          ambiguous.inc();
        }
        c.output(withGameLineCounted(withRestAndLine(c, window, p, line), gameLineOf(p, gameLines), tipOffOf(line)));
      }
      matchedToTwo.inc(claimedTwice.size());
      for (List<PropLine> sameName : linesByName.values()) {
        for (PropLine l : sameName) {
          if (!attached.contains(l) && !claimedTwice.contains(l)) {
            unmatched.inc();
          }
        }
      }
    }

    private UpcomingPlayerGameContext withGameLineCounted(
        UpcomingPlayerGameContext p, @Nullable GameLine game, @Nullable String tipOff) {
      UpcomingPlayerGameContext out = withGameLine(p, game, tipOff);
      (game == null ? gameLinesMissing : out.getGameTotal() == null ? gameLinesNotYetKnown : gameLinesAttached).inc();
      return out;
    }

    private UpcomingPlayerGameContext withRestAndLine(ProcessContext c, BoundedWindow window, UpcomingPlayerGameContext p, @Nullable PropLine line) {
      String date = p.getGameDate();
      Integer rest = AsOf.daysSinceLast(
          AsOf.playedBefore(views.get(c, window, games).get(key(p)), date, p.getSeason()), date, PlayerGameSummary::getGameDate);
      Integer oppRest = AsOf.daysSinceLast(
          AsOf.teamGamesBefore(views.get(c, window, teamGames).get(p.getOpponentTeamAbbr()), date, p.getSeason()), date,
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
