package transforms.context;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static transforms.TestRows.game;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import schemas.vocabulary.Markets.Market;
import transforms.TestRows;
import transforms.games.BuildTeamGameSummaries;
import transforms.games.History;

/**
 * Same-day's universe on a bubble date (August 5, 2020, of 2019-20): the rotation of each scheduled team by
 * player id (two players of one name on the two teams are two rows), lines of any carried market adding who the
 * rotation missed, a line whose name two players share left unplaced and counted, each line name counted once
 * whatever its markets, and every row in its scheduled game's season.
 */
public class BuildSameDayUniverseTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  private static final String D = "2020-08-05";
  private static final String S = "2019-20";

  private <T> PCollection<T> empty(Class<T> type) {
    return p.apply(type.getSimpleName(), Create.empty(SchemaCoders.of(type)));
  }

  @Test
  public void rotationByIdLinesPlacedOrCountedSeasonFromTheSchedule() {
    String before = "2020-08-01";
    PCollection<PlayerGameSummary> games = TestRows.dated(p, "Games", PlayerGameSummary.class, PlayerGameSummary::getGameDate,
        game("101", "Marcus Morris", "LAL", "DEN", true, before, S, 30, 14, true),
        game("202", "Marcus Morris", "DEN", "LAL", false, before, S, 30, 12, false),
        game("404", "Bench Guy", "LAL", "DEN", true, before, S, 0, 0, true),
        game("505", "Bench Guy", "DEN", "LAL", false, before, S, 0, 0, false),
        game("606", "Solo Bench", "LAL", "DEN", true, before, S, 0, 0, true),
        game("707", "Reb Only", "DEN", "LAL", false, before, S, 0, 0, false));
    History history = games.apply(
        History.of(games.apply(new BuildTeamGameSummaries()), empty(ZoneGame.class), empty(LeagueDay.class)));
    PCollection<ScheduledGame> schedule = TestRows.dated(p, "Schedule", ScheduledGame.class, ScheduledGame::getGameDate,
        TestRows.scheduled(S, "0021901010", D, "LAL", "DEN"));
    PCollection<PropLine> lines = TestRows.dated(p, "Lines", PropLine.class, PropLine::getGameDate,
        TestRows.line("Marcus Morris", D, 15.5), // both already expected
        TestRows.line("Bench Guy", D, 4.5), // two ids answer to it
        TestRows.line("Bench Guy", D, Market.REBOUNDS, 2.5), // ... counted once with all its markets
        TestRows.line("Solo Bench", D, 3.5), // did not play: added by his line
        TestRows.line("Solo Bench", D, Market.ASSISTS, 1.5), // ... once
        TestRows.line("Reb Only", D, Market.REBOUNDS, 5.5), // a line in a market other than points places him too
        TestRows.line("Unknown Person", D, 9.5), // no game before D
        TestRows.line("Unknown Person", D, Market.THREES, 1.5));

    PCollection<UpcomingPlayerGameContext> out = schedule.apply(new BuildSameDayUniverse(lines, history, 10));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(c -> c.getPlayerId() + " " + c.getPlayerLookup() + " " + c.getTeamAbbr() + " vs " + c.getOpponentTeamAbbr()
                + " " + c.getSeason() + " " + c.getGameId() + " " + c.getUniverseSource())))
        .containsInAnyOrder(
            "101 marcusmorris LAL vs DEN 2019-20 0021901010 schedule",
            "202 marcusmorris DEN vs LAL 2019-20 0021901010 schedule",
            "606 solobench LAL vs DEN 2019-20 0021901010 props",
            "707 rebonly DEN vs LAL 2019-20 0021901010 props");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "universe", "schedule_players"), equalTo(2L));
    assertThat(TestRows.counter(result, "universe", "prop_players_added"), equalTo(2L));
    assertThat(TestRows.counter(result, "universe", "prop_players_ambiguous"), equalTo(1L));
    assertThat(TestRows.counter(result, "universe", "prop_players_unplaced"), equalTo(1L));
  }
}
