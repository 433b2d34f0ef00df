package transforms.context;

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
import java.util.TreeSet;
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
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.ScheduledGame;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;

/**
 * Same-day's universe: who is expected to play on D, known the morning of D. The rule:
 * <ul>
 *   <li>every team on D's schedule, with each player who played (minutes &gt; 0) for that team in one of the
 *       team's last {@code rosterGames} games before D (any season, so a season's first day takes last
 *       season's rotation) and whose latest game before D was for that team: a traded player moves with his
 *       latest game, and leaves his old team's list the same day ({@code universe_source = schedule});
 *   <li>plus every player with a line on D in any market the platform carries, not already in, placed on his
 *       latest team if that team plays on D ({@code universe_source = props}). A line name (all its markets
 *       count once) whose player has no game before D, or whose latest team does not play on D, cannot be placed
 *       and is counted ({@code universe:prop_players_unplaced}); a line name two players of D's teams share (two
 *       ids) is counted ({@code universe:prop_players_ambiguous}) and not placed.
 * </ul>
 * Players are keyed by {@link schemas.vocabulary.PlayerKeys} (the id when the box scores have one); each row
 * takes its scheduled game's season. A player out injured for longer than the roster window is not expected, unless books list him. The output
 * goes through {@link CompleteContext} like backfill's universe.
 */
public final class BuildSameDayUniverse
    extends PTransform<PCollection<ScheduledGame>, PCollection<UpcomingPlayerGameContext>> {
  public static final String SOURCE_SCHEDULE = "schedule";
  public static final String SOURCE_PROPS = "props";

  private final PCollection<PropLine> lines;
  private final History history;
  private final int rosterGames;

  public BuildSameDayUniverse(PCollection<PropLine> lines, History history, int rosterGames) {
    this.lines = lines;
    this.history = history;
    this.rosterGames = rosterGames;
  }

  @Override
  public PCollection<UpcomingPlayerGameContext> expand(PCollection<ScheduledGame> schedule) {
    TupleTag<ScheduledGame> games = new TupleTag<>();
    TupleTag<PropLine> lineTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(games, GroupByDate.keyedDaily("ScheduledGames", schedule, ScheduledGame::getGameDate))
        .and(lineTag, GroupByDate.keyedDaily("UniverseLines", lines, PropLine::getGameDate))
        .apply("JoinDayScheduleAndLines", CoGroupByKey.create())
        .apply(
            "ExpectedPlayers",
            ParDo.of(new ExpectedPlayersFn(games, lineTag, history.gamesByPlayer, history.gamesByTeam, rosterGames))
                .withSideInputs(history.gamesByPlayer, history.gamesByTeam));
  }

  /** One team's game on D, from its side. */
  private static final class Slot {
    final ScheduledGame game;
    final boolean home;

    Slot(ScheduledGame game, boolean home) {
      this.game = game;
      this.home = home;
    }

    String opponent() {
      return home ? game.getAwayTeamAbbr() : game.getHomeTeamAbbr();
    }
  }

  static final class ExpectedPlayersFn extends DoFn<KV<String, CoGbkResult>, UpcomingPlayerGameContext> {
    private final SideInputCache views = new SideInputCache();

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }
    private final TupleTag<ScheduledGame> games;
    private final TupleTag<PropLine> lineTag;
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> byPlayer;
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> byTeam;
    private final int rosterGames;
    private final Counter fromSchedule = Metrics.counter("universe", "schedule_players");
    private final Counter fromProps = Metrics.counter("universe", "prop_players_added");
    private final Counter unplaced = Metrics.counter("universe", "prop_players_unplaced");
    private final Counter ambiguousLine = Metrics.counter("universe", "prop_players_ambiguous");
    private final Counter teamsWithoutHistory = Metrics.counter("universe", "teams_without_history");
    private final Counter doubleBooked = Metrics.counter("universe", "teams_scheduled_twice");

    ExpectedPlayersFn(
        TupleTag<ScheduledGame> games,
        TupleTag<PropLine> lineTag,
        PCollectionView<Map<String, Iterable<PlayerGameSummary>>> byPlayer,
        PCollectionView<Map<String, Iterable<TeamGameSummary>>> byTeam,
        int rosterGames) {
      this.games = games;
      this.lineTag = lineTag;
      this.byPlayer = byPlayer;
      this.byTeam = byTeam;
      this.rosterGames = rosterGames;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      String date = c.element().getKey();
      Map<String, Slot> slots = new TreeMap<>();
      for (ScheduledGame g : c.element().getValue().getAll(games)) {
        for (Slot s : List.of(new Slot(g, true), new Slot(g, false))) {
          String team = s.home ? g.getHomeTeamAbbr() : g.getAwayTeamAbbr();
          if (slots.putIfAbsent(team, s) != null) {
            doubleBooked.inc();
          }
        }
      }
      Map<String, Set<String>> rosterDates = new HashMap<>();
      for (String team : slots.keySet()) {
        Set<String> dates = recentDates(views.get(c, window, byTeam).get(team), date, rosterGames);
        if (dates.isEmpty()) {
          teamsWithoutHistory.inc();
        }
        rosterDates.put(team, dates);
      }
      Map<String, Iterable<PlayerGameSummary>> history = views.get(c, window, byPlayer);
      // Keyed by player (his id where the box scores have one); names only index who a line may mean.
      Map<String, UpcomingPlayerGameContext> universe = new TreeMap<>();
      Map<String, Set<String>> keysByLookup = new HashMap<>();
      Map<String, Set<String>> keysByJoinKey = new HashMap<>();
      for (Map.Entry<String, Iterable<PlayerGameSummary>> e : history.entrySet()) {
        PlayerGameSummary latest = latestBefore(e.getValue(), date);
        if (latest == null || !slots.containsKey(latest.getTeamAbbr())) {
          continue;
        }
        keysByLookup.computeIfAbsent(latest.getPlayerLookup(), k -> new TreeSet<>()).add(e.getKey());
        keysByJoinKey.computeIfAbsent(PlayerNames.joinKey(latest.getPlayerLookup()), k -> new TreeSet<>()).add(e.getKey());
        Set<String> dates = rosterDates.get(latest.getTeamAbbr());
        for (PlayerGameSummary g : e.getValue()) {
          if (g.getMinutes() > 0 && g.getTeamAbbr().equals(latest.getTeamAbbr()) && dates.contains(g.getGameDate())) {
            universe.put(e.getKey(), row(latest, slots.get(latest.getTeamAbbr()), date, SOURCE_SCHEDULE));
            fromSchedule.inc();
            break;
          }
        }
      }
      Set<String> inUniverseByJoinKey = new HashSet<>();
      universe.values().forEach(p -> inUniverseByJoinKey.add(PlayerNames.joinKey(p.getPlayerLookup())));
      // One line per name: a player's markets are one player, counted once whatever becomes of him.
      Map<String, PropLine> lineNames = new TreeMap<>();
      for (PropLine line : c.element().getValue().getAll(lineTag)) {
        lineNames.putIfAbsent(line.getPlayerLookup(), line);
      }
      for (PropLine line : lineNames.values()) {
        if (inUniverseByJoinKey.contains(line.getJoinKey())) {
          continue;
        }
        Set<String> keys = keysByLookup.getOrDefault(
            line.getPlayerLookup(), keysByJoinKey.getOrDefault(line.getJoinKey(), Set.of()));
        if (keys.size() > 1) {
          ambiguousLine.inc(); // two players of today's teams answer to the line's name: placing either is a guess
          continue;
        }
        String key = keys.isEmpty() ? null : keys.iterator().next();
        PlayerGameSummary latest = key == null ? null : latestBefore(history.get(key), date);
        if (latest == null || !slots.containsKey(latest.getTeamAbbr())) {
          unplaced.inc();
          continue;
        }
        universe.put(key, row(latest, slots.get(latest.getTeamAbbr()), date, SOURCE_PROPS));
        inUniverseByJoinKey.add(line.getJoinKey());
        fromProps.inc();
      }
      universe.values().forEach(c::output);
    }

    private static UpcomingPlayerGameContext row(PlayerGameSummary latest, Slot slot, String date, String source) {
      // The season is the scheduled game's (from the data), not one guessed from D.
      return CompleteContext.bare(
          latest.getPlayerLookup(), latest.getPlayerId(), latest.getPlayerName(), date, slot.game.getSeason(),
          slot.game.getGameId(), latest.getTeamAbbr(), slot.opponent(), slot.home, source);
    }

    /** The player's most recent game before D (any season); ties on a date resolve to the later-sorting team. */
    static @Nullable PlayerGameSummary latestBefore(@Nullable Iterable<PlayerGameSummary> games, String date) {
      PlayerGameSummary latest = null;
      if (games == null) {
        return null;
      }
      for (PlayerGameSummary g : games) {
        if (g.getGameDate().compareTo(date) < 0
            && (latest == null
                || g.getGameDate().compareTo(latest.getGameDate()) > 0
                || (g.getGameDate().equals(latest.getGameDate()) && g.getTeamAbbr().compareTo(latest.getTeamAbbr()) > 0))) {
          latest = g;
        }
      }
      return latest;
    }

    /** The dates of a team's last n games before D, any season. */
    static Set<String> recentDates(@Nullable Iterable<TeamGameSummary> teamGames, String date, int n) {
      TreeSet<String> before = new TreeSet<>();
      if (teamGames != null) {
        for (TeamGameSummary g : teamGames) {
          if (g.getGameDate().compareTo(date) < 0) {
            before.add(g.getGameDate());
          }
        }
      }
      List<String> newestFirst = new ArrayList<>(before.descendingSet());
      return new HashSet<>(newestFirst.subList(0, Math.min(n, newestFirst.size())));
    }
  }
}
