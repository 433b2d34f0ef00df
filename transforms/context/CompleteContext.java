package transforms.context;

import transforms.features.AsOf;
import schemas.vocabulary.PlayerKeys;
import transforms.daily.GroupByDate;
import transforms.games.History;
import schemas.vocabulary.PlayerNames;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import schemas.vocabulary.Markets;

/**
 * Turns the run's universe (who is expected to play on D: team, opponent, home/away) into
 * {@code upcoming_player_game_context}: a day's universe and its consensus lines meet in one group per date
 * (daily windows; see {@link GroupByDate} for why by date), each player takes the lines of his tolerant name key
 * ({@link PlayerNames#joinKey}: suffixes and nicknames), and rest comes from history. Players are told apart by
 * {@link PlayerKeys} (the id), lines only by name. Who a line name belongs to is decided once per name, and all of
 * that name's lines (every market) go to that player as {@code market_lines}, in {@link Markets} order, or to
 * nobody: a player listed twice in the universe is kept once ({@code context:universe_duplicates}); a name two
 * players of the day share is counted ({@code context:names_shared_by_ids}); a line name no player takes
 * ({@code context:lines_unmatched}) or that fits two players ({@code context:lines_matched_to_two_players}) is
 * counted, never attached by guess. These counters count line names (a player's markets once);
 * {@code context:lines_matched} counts the names attached and {@code context:market_lines_attached} their lines.
 * A row's as-of under the "before tip-off" rule takes the tip-off from its lines' {@code game_time}.
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

  /**
   * The line name a player of this name takes among the day's line names of his tolerant key: his exact name if
   * a line has it, else the only one; two names and no exact one: none.
   */
  static @Nullable String choose(String lookup, Collection<String> lineNames) {
    if (lineNames.contains(lookup)) {
      return lookup;
    }
    return lineNames.size() == 1 ? lineNames.iterator().next() : null;
  }

  /**
   * The players of one tolerant name who would take this line name: those whose exact name it is, if any (two ids
   * with one name), else those it reaches by the tolerant key. A name's lines are attached only when this is one
   * player.
   */
  static List<UpcomingPlayerGameContext> claimants(
      String lineName, Collection<String> lineNames, Iterable<UpcomingPlayerGameContext> sameName) {
    List<UpcomingPlayerGameContext> exact = new ArrayList<>();
    List<UpcomingPlayerGameContext> tolerant = new ArrayList<>();
    for (UpcomingPlayerGameContext q : sameName) {
      if (q.getPlayerLookup().equals(lineName)) {
        exact.add(q);
      }
      if (lineName.equals(choose(q.getPlayerLookup(), lineNames))) {
        tolerant.add(q);
      }
    }
    return exact.isEmpty() ? tolerant : exact;
  }

  /** A player's lines as the context carries them: one per market, in {@link Markets} order. */
  public static List<MarketLine> marketLines(Collection<PropLine> lines) {
    List<MarketLine> out = new ArrayList<>();
    lines.forEach(l -> out.add(MarketLine.of(l)));
    out.sort(Comparator.comparingInt(CompleteContext::marketOrder));
    return out;
  }

  private static int marketOrder(MarketLine l) {
    Markets.Market m = Markets.of(l.getMarket());
    return m == null ? Integer.MAX_VALUE : m.ordinal();
  }

  /**
   * A context row with these lines (one name's, every market; or none) as its market lines, as of {@code asOf}
   * (ISO instant): the one place lines reach the context.
   */
  public static UpcomingPlayerGameContext withLines(UpcomingPlayerGameContext p, Collection<PropLine> lines, String asOf) {
    UpcomingPlayerGameContext row = p.toBuilder().setMarketLines(marketLines(lines)).setAsOf(asOf).build();
    // A line update can move a row's as-of before its tip-off, where its game's closing line is not known yet.
    if (!AsOfTime.knowsClosingLine(Instant.parse(asOf), p.getGameDate(), row.lineGameTime())) {
      return row.toBuilder().setGameTotal(null).setTeamSpread(null).build();
    }
    return row;
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

  /**
   * A row's as-of instant under the run's rule: by its lines' tip-off when the rule is "before tip-off" (all of a
   * player's markets are of one game).
   */
  static String asOfOf(AsOfTime asOf, UpcomingPlayerGameContext p, List<PropLine> lines) {
    List<MarketLine> sorted = marketLines(lines);
    return asOf.of(p.getGameDate(), sorted.isEmpty() ? null : sorted.get(0).getGameTime()).toString();
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
    private final Counter marketLinesAttached = Metrics.counter("context", "market_lines_attached");
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
      // tolerant key → line name → that name's lines (one per market)
      Map<String, Map<String, List<PropLine>>> linesByKey = new HashMap<>();
      for (PropLine l : c.element().getValue().getAll(lineTag)) {
        linesByKey.computeIfAbsent(l.getJoinKey(), k -> new TreeMap<>())
            .computeIfAbsent(l.getPlayerLookup(), k -> new ArrayList<>())
            .add(l);
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
      Set<String> attached = new HashSet<>();
      Set<String> claimedTwice = new HashSet<>();
      for (UpcomingPlayerGameContext p : universe.values()) {
        String key = PlayerNames.joinKey(p.getPlayerLookup());
        Map<String, List<PropLine>> byName = linesByKey.getOrDefault(key, Map.of());
        String name = choose(p.getPlayerLookup(), byName.keySet());
        List<UpcomingPlayerGameContext> claimants =
            name == null ? List.of() : claimants(name, byName.keySet(), playersByName.get(key));
        if (claimants.size() > 1) {
          // A line names a player, and two players (two ids) answer to that name: attaching it to either is a guess.
          claimedTwice.add(name);
          name = null;
        } else if (name != null && !claimants.contains(p)) {
          name = null; // another player of the day has the line's exact name
        } else if (name != null) {
          matched.inc();
          marketLinesAttached.inc(byName.get(name).size());
          attached.add(name);
        } else if (byName.size() > 1) {
          ambiguous.inc();
        }
        List<PropLine> lines = name == null ? List.of() : byName.get(name);
        UpcomingPlayerGameContext row = withRestAndLines(c, window, p, lines);
        c.output(withGameLineCounted(row, gameLineOf(p, gameLines), row.lineGameTime()));
      }
      matchedToTwo.inc(claimedTwice.size());
      for (Map<String, List<PropLine>> byName : linesByKey.values()) {
        for (String name : byName.keySet()) {
          if (!attached.contains(name) && !claimedTwice.contains(name)) {
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

    private UpcomingPlayerGameContext withRestAndLines(
        ProcessContext c, BoundedWindow window, UpcomingPlayerGameContext p, List<PropLine> lines) {
      String date = p.getGameDate();
      Integer rest = AsOf.daysSinceLast(
          AsOf.playedBefore(views.get(c, window, games).get(key(p)), date, p.getSeason()), date, PlayerGameSummary::getGameDate);
      Integer oppRest = AsOf.daysSinceLast(
          AsOf.teamGamesBefore(views.get(c, window, teamGames).get(p.getOpponentTeamAbbr()), date, p.getSeason()), date,
          TeamGameSummary::getGameDate);
      rows.inc();
      return withLines(
          p.toBuilder()
              .setDaysSinceLastGame(rest)
              .setBackToBack(rest != null && rest == 1)
              .setOpponentDaysSinceLastGame(oppRest)
              .build(),
          lines,
          asOfOf(asOf, p, lines));
    }
  }
}
