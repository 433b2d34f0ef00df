package transforms.games;

import transforms.daily.GroupByDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerGameSummary;
import schemas.TeamGameSummary;

/**
 * {@code team_game_summary}: per team per game, the sum of its players' box scores and the opponent's.
 * Grouping by the game (date and both teams) gives both sides in one place, so each row carries its
 * opponent's points and possessions without a second join. A game with only one side in the input cannot
 * give points allowed: it is counted ({@code team_game_summary:one_sided_games}) and not emitted.
 *
 * <p>A file may hold only some of a team's players (a partial export): their sums are not the team's. The
 * result is the box scores' {@code WL}, never the summed points, where WL is given. A game is complete when both
 * sides' summed minutes reach its length (240, plus 25 per overtime as the longer side shows) within
 * {@link #MINUTES_TOLERANCE}; otherwise both rows are flagged {@code box_score_complete = false} and counted
 * ({@code team_game_summary:incomplete_team_games}), and the as-of ratings leave them out.
 */
public final class BuildTeamGameSummaries
    extends PTransform<PCollection<PlayerGameSummary>, PCollection<TeamGameSummary>> {

  /** Minutes a complete side may fall short by: whole-minute rounding of a dozen players' rows. */
  public static final double MINUTES_TOLERANCE = 5;

  /** The game's length in minutes from the longer side's summed minutes: 240 plus 25 per overtime. */
  static double gameLength(double longerSideMinutes) {
    return 240 + 25 * Math.max(0, Math.round((longerSideMinutes - 240) / 25.0));
  }

  @Override
  public PCollection<TeamGameSummary> expand(PCollection<PlayerGameSummary> players) {
    return players
        .apply("GameDays", GroupByDate.of(PlayerGameSummary::getGameDate))
        .apply("SumTeams", ParDo.of(new SumTeamsFn()));
  }

  static String gameKey(PlayerGameSummary p) {
    String a = p.getTeamAbbr();
    String b = p.getOpponentTeamAbbr();
    return p.getGameDate() + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
  }

  static final class SumTeamsFn extends DoFn<KV<String, Iterable<PlayerGameSummary>>, TeamGameSummary> {
    private final Counter oneSided = Metrics.counter("phase3", "team_game_summary:one_sided_games");
    private final Counter incomplete = Metrics.counter("phase3", "team_game_summary:incomplete_team_games");
    private final Counter resultFromWl = Metrics.counter("phase3", "team_game_summary:result_from_wl");

    @ProcessElement
    public void process(@Element KV<String, Iterable<PlayerGameSummary>> day, OutputReceiver<TeamGameSummary> out) {
      Map<String, List<PlayerGameSummary>> games = new TreeMap<>();
      for (PlayerGameSummary p : day.getValue()) {
        games.computeIfAbsent(gameKey(p), k -> new ArrayList<>()).add(p);
      }
      for (List<PlayerGameSummary> game : games.values()) {
        List<PlayerGameSummary> home = new ArrayList<>();
        List<PlayerGameSummary> away = new ArrayList<>();
        for (PlayerGameSummary p : game) {
          (p.getHomeGame() ? home : away).add(p);
        }
        if (home.isEmpty() || away.isEmpty()) {
          oneSided.inc();
          continue;
        }
        Totals h = Totals.of(home);
        Totals a = Totals.of(away);
        double length = gameLength(Math.max(h.minutes, a.minutes));
        boolean complete = h.minutes >= length - MINUTES_TOLERANCE && a.minutes >= length - MINUTES_TOLERANCE;
        if (!complete) {
          incomplete.inc(2);
        }
        out.output(row(home.get(0), h, a, complete));
        out.output(row(away.get(0), a, h, complete));
      }
    }

    private TeamGameSummary row(PlayerGameSummary any, Totals team, Totals opp, boolean complete) {
      Boolean win = team.wl != null ? team.wl : opp.wl != null ? Boolean.valueOf(!opp.wl) : null;
      if (win != null) {
        resultFromWl.inc();
      } else if (complete) {
        win = team.points > opp.points;
      }
      return TeamGameSummary.builder()
          .setTeamAbbr(any.getTeamAbbr())
          .setOpponentTeamAbbr(any.getOpponentTeamAbbr())
          .setGameDate(any.getGameDate())
          .setSeason(any.getSeason())
          .setGameId(any.getGameId())
          .setHomeGame(any.getHomeGame())
          .setWin(win)
          .setPoints(team.points)
          .setOppPoints(opp.points)
          .setFga(team.fga)
          .setFta(team.fta)
          .setOreb(team.oreb)
          .setTov(team.tov)
          .setReb(team.reb)
          .setAst(team.ast)
          .setFg3m(team.fg3m)
          .setOppReb(opp.reb)
          .setOppAst(opp.ast)
          .setOppFg3m(opp.fg3m)
          .setPossessions(team.possessions())
          .setOppPossessions(opp.possessions())
          .setPlayers(team.players)
          .setMinutes(team.minutes)
          .setBoxScoreComplete(complete)
          .build();
    }
  }

  private static final class Totals {
    int points;
    int fga;
    int fta;
    int oreb;
    int tov;
    int reb;
    int ast;
    int fg3m;
    int players;
    double minutes;
    /** The team's WL as its players' rows give it; null when none does. */
    Boolean wl;

    static Totals of(List<PlayerGameSummary> rows) {
      Totals t = new Totals();
      for (PlayerGameSummary p : rows) {
        t.points += p.getPoints();
        t.fga += p.getFga();
        t.fta += p.getFta();
        t.oreb += p.getOreb();
        t.tov += p.getTov();
        t.reb += p.getReb();
        t.ast += p.getAst();
        t.fg3m += p.getFg3m();
        t.players++;
        t.minutes += p.getMinutes();
        if (t.wl == null && p.getWin() != null) {
          t.wl = p.getWin();
        }
      }
      return t;
    }

    double possessions() {
      return fga + 0.44 * fta - oreb + tov;
    }
  }
}
