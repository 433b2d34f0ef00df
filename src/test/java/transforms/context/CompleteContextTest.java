package transforms.context;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static transforms.TestRows.game;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.GameLine;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import schemas.vocabulary.Markets.Market;
import transforms.TestRows;
import transforms.games.History;

/**
 * The context of a day's universe: players told apart by id, lines by name (one name fitting two ids gets no
 * line, and is counted), rest from each player's own history in the season his game is of, each team's side of its
 * game's closing line when the row's as-of knows it, and every counter.
 */
public class CompleteContextTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  private static final String D = "2024-01-10";
  private static final String BUBBLE = "2020-08-05";

  private <T> PCollection<T> empty(Class<T> type) {
    return p.apply(type.getSimpleName(), Create.empty(SchemaCoders.of(type)));
  }

  private static UpcomingPlayerGameContext ctx(String id, String name, String date, String season, String team, String opp) {
    return CompleteContext.bare(schemas.vocabulary.PlayerNames.lookup(name), id, name, date, season, null, team, opp,
        team.compareTo(opp) < 0, "played");
  }

  @Test
  public void playersByIdLinesByNameRestInTheGamesSeason() {
    PCollection<PlayerGameSummary> games = TestRows.dated(p, "Games", PlayerGameSummary.class, PlayerGameSummary::getGameDate,
        game("1", "Marcus Morris", "BOS", "MIA", true, "2024-01-08", "2023-24", 30, 14, true),
        game("3", "Jaren Jackson Jr.", "BOS", "MIA", true, "2024-01-09", "2023-24", 30, 20, true),
        // a bubble game of 2019-20 in late July; the context of August 5 is of 2019-20 too
        game("9", "Bubble Player", "LAL", "DEN", true, "2020-07-31", "2019-20", 30, 20, true));
    History history = games.apply(History.of(empty(TeamGameSummary.class), empty(ZoneGame.class), empty(LeagueDay.class)));
    PCollection<UpcomingPlayerGameContext> universe =
        TestRows.dated(p, "Universe", UpcomingPlayerGameContext.class, UpcomingPlayerGameContext::getGameDate,
            ctx("1", "Marcus Morris", D, "2023-24", "BOS", "NYK"),
            ctx("2", "Marcus Morris", D, "2023-24", "NYK", "BOS"),
            ctx("3", "Jaren Jackson Jr.", D, "2023-24", "BOS", "NYK"),
            ctx("3", "Jaren Jackson Jr.", D, "2023-24", "BOS", "NYK"), // listed twice
            ctx("9", "Bubble Player", BUBBLE, "2019-20", "LAL", "DEN"));
    PCollection<PropLine> lines = TestRows.dated(p, "Lines", PropLine.class, PropLine::getGameDate,
        TestRows.line("Marcus Morris", D, 15.5), // two ids answer to it
        TestRows.line("Jaren Jackson", D, 18.5), // the tolerant key reaches Jaren Jackson Jr.
        TestRows.line("Nobody Here", D, 10.5));

    PCollection<UpcomingPlayerGameContext> out =
        universe.apply(new CompleteContext(lines, empty(GameLine.class), history, AsOfTime.beforeTipOff()));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(c -> c.getPlayerId() + " " + c.getPlayerLookup() + " " + c.getSeason() + " rest=" + c.getDaysSinceLastGame()
                + " b2b=" + c.getBackToBack() + " line=" + pointsLine(c))))
        .containsInAnyOrder(
            "1 marcusmorris 2023-24 rest=2 b2b=false line=null",
            "2 marcusmorris 2023-24 rest=null b2b=false line=null",
            "3 jarenjacksonjr 2023-24 rest=1 b2b=true line=18.5",
            "9 bubbleplayer 2019-20 rest=5 b2b=false line=null");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "context", "names_shared_by_ids"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "lines_matched_to_two_players"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "lines_matched"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "lines_unmatched"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "universe_duplicates"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "universe_rows"), equalTo(4L));
  }

  private static Double pointsLine(UpcomingPlayerGameContext c) {
    return c.lineOf(Market.POINTS) == null ? null : c.lineOf(Market.POINTS).getLine();
  }

  /**
   * Every market of a line name goes to the one player the name is decided to be, in Markets order whatever order
   * the lines come in; a name two ids answer to gets none of its markets; a name nobody answers to is counted once
   * however many markets it has. The row is as of its lines' tip-off.
   */
  @Test
  public void allOfANamesMarketsGoToOnePlayerOrToNobody() {
    History history = empty(PlayerGameSummary.class)
        .apply(History.of(empty(TeamGameSummary.class), empty(ZoneGame.class), empty(LeagueDay.class)));
    PCollection<UpcomingPlayerGameContext> universe =
        TestRows.dated(p, "Universe", UpcomingPlayerGameContext.class, UpcomingPlayerGameContext::getGameDate,
            ctx("1", "Marcus Morris", D, "2023-24", "BOS", "NYK"),
            ctx("2", "Marcus Morris", D, "2023-24", "NYK", "BOS"),
            ctx("3", "Jaren Jackson Jr.", D, "2023-24", "BOS", "NYK"),
            ctx("4", "Bob Sample", D, "2023-24", "NYK", "BOS"),
            ctx("5", "Cal Nolines", D, "2023-24", "NYK", "BOS"));
    PCollection<PropLine> lines = TestRows.dated(p, "Lines", PropLine.class, PropLine::getGameDate,
        TestRows.line("Marcus Morris", D, Market.POINTS, 15.5), // two ids answer to it: none of its markets
        TestRows.line("Marcus Morris", D, Market.REBOUNDS, 6.5),
        TestRows.line("Jaren Jackson", D, Market.REBOUNDS_ASSISTS, 9.5), // by the tolerant key, every market
        TestRows.line("Jaren Jackson", D, Market.ASSISTS, 2.5),
        TestRows.line("Jaren Jackson", D, Market.POINTS, 18.5),
        TestRows.line("Bob Sample", D, Market.THREES, 1.5), // a player with no points line
        TestRows.line("Nobody Here", D, Market.POINTS, 10.5),
        TestRows.line("Nobody Here", D, Market.REBOUNDS, 4.5));

    PCollection<UpcomingPlayerGameContext> out =
        universe.apply(new CompleteContext(lines, empty(GameLine.class), history, AsOfTime.beforeTipOff()));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(c -> c.getPlayerId() + " " + c.getMarketLines().stream().map(l -> l.getMarket() + "=" + l.getLine())
                .collect(Collectors.joining(",")) + " as of " + c.getAsOf())))
        .containsInAnyOrder(
            "1  as of 2024-01-11T00:00:00Z", // 19:00 US/Eastern: no line gives the tip-off
            "2  as of 2024-01-11T00:00:00Z",
            "3 player_points=18.5,player_assists=2.5,player_rebounds_assists=9.5 as of 2024-01-10T23:30:00Z",
            "4 player_threes=1.5 as of 2024-01-10T23:30:00Z",
            "5  as of 2024-01-11T00:00:00Z");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "context", "lines_matched"), equalTo(2L));
    assertThat(TestRows.counter(result, "context", "market_lines_attached"), equalTo(4L));
    assertThat(TestRows.counter(result, "context", "lines_matched_to_two_players"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "lines_unmatched"), equalTo(1L));
  }

  private static GameLine gameLine(String date, String home, String away, double homeSpread, double total) {
    return GameLine.builder().setGameDate(date).setSeason("2023-24").setHomeTeamAbbr(home).setAwayTeamAbbr(away)
        .setHomeSpread(homeSpread).setTotal(total).build();
  }

  private static UpcomingPlayerGameContext player(String id, String team, String opp, boolean home) {
    return CompleteContext.bare("player" + id, id, "Player " + id, D, "2023-24", null, team, opp, home, "played");
  }

  /** Four players: both sides of BOS (home) v NYK, LAL of a game the line orients the other way, and a game without a line. */
  private PCollection<UpcomingPlayerGameContext> withGameLines(AsOfTime asOf) {
    History history = empty(PlayerGameSummary.class)
        .apply(History.of(empty(TeamGameSummary.class), empty(ZoneGame.class), empty(LeagueDay.class)));
    PCollection<UpcomingPlayerGameContext> universe =
        TestRows.dated(p, "Universe", UpcomingPlayerGameContext.class, UpcomingPlayerGameContext::getGameDate,
            player("1", "BOS", "NYK", true),
            player("2", "NYK", "BOS", false),
            player("3", "LAL", "DEN", false), // the box score has LAL away; the line file has LAL at home
            player("4", "MIA", "ORL", true));
    PCollection<GameLine> gameLines = TestRows.dated(p, "GameLines", GameLine.class, GameLine::getGameDate,
        gameLine(D, "BOS", "NYK", -5.5, 220.5), // BOS favoured by 5.5
        gameLine(D, "LAL", "DEN", 3.0, 230.0), // DEN favoured by 3
        gameLine("2024-01-11", "MIA", "ORL", -1.0, 210.0)); // another date's game
    return universe.apply(new CompleteContext(empty(PropLine.class), gameLines, history, asOf));
  }

  private static PCollection<String> gameLineText(PCollection<UpcomingPlayerGameContext> out) {
    return out.apply(MapElements.into(TypeDescriptors.strings())
        .via(c -> c.getTeamAbbr() + " total=" + c.getGameTotal() + " spread=" + c.getTeamSpread()));
  }

  @Test
  public void bothSidesOfAGameShareItsTotalWithOppositeSpreadsAsOfTipOff() {
    PAssert.that(gameLineText(withGameLines(AsOfTime.beforeTipOff())))
        .containsInAnyOrder(
            "BOS total=220.5 spread=-5.5",
            "NYK total=220.5 spread=5.5",
            "LAL total=230.0 spread=3.0",
            "MIA total=null spread=null");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "context", "game_lines_attached"), equalTo(3L));
    assertThat(TestRows.counter(result, "context", "game_lines_missing"), equalTo(1L));
    assertThat(TestRows.counter(result, "context", "game_lines_not_yet_known"), equalTo(0L));
  }

  @Test
  public void aRowAsOfBeforeTipOffHasNoGameLine() {
    PAssert.that(gameLineText(withGameLines(AsOfTime.easternTime(java.time.LocalTime.of(9, 0)))))
        .containsInAnyOrder(
            "BOS total=null spread=null",
            "NYK total=null spread=null",
            "LAL total=null spread=null",
            "MIA total=null spread=null");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "context", "game_lines_not_yet_known"), equalTo(3L));
    assertThat(TestRows.counter(result, "context", "game_lines_attached"), equalTo(0L));
  }

  @Test
  public void aLineUpdateAsOfBeforeTipOffDropsTheGameLine() {
    UpcomingPlayerGameContext known = CompleteContext.withGameLine(
        CompleteContext.withLines(player("1", "BOS", "NYK", true), List.of(), "2024-01-11T00:00:00Z"),
        gameLine(D, "BOS", "NYK", -5.5, 220.5), null);
    assertThat(known.getGameTotal(), equalTo(220.5));
    PropLine moved = TestRows.line("Player 1", D, 12.5); // snapshot 15:00Z, tip-off 23:30Z
    UpcomingPlayerGameContext update = CompleteContext.withLines(known, List.of(moved), moved.getSnapshotTime());
    assertThat(update.getGameTotal(), equalTo(null));
    assertThat(update.getTeamSpread(), equalTo(null));
    assertThat(CompleteContext.withLines(known, List.of(moved), "2024-01-10T23:30:00Z").getTeamSpread(), equalTo(-5.5));
  }
}
