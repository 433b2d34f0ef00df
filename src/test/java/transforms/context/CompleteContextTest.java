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
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import transforms.TestRows;
import transforms.games.History;

/**
 * The context of a day's universe: players told apart by id, lines by name (one name fitting two ids gets no
 * line, and is counted), rest from each player's own history in the season his game is of, and every counter.
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

    PCollection<UpcomingPlayerGameContext> out = universe.apply(new CompleteContext(lines, history, AsOfTime.beforeTipOff()));
    PAssert.that(out.apply(MapElements.into(TypeDescriptors.strings())
            .via(c -> c.getPlayerId() + " " + c.getPlayerLookup() + " " + c.getSeason() + " rest=" + c.getDaysSinceLastGame()
                + " b2b=" + c.getBackToBack() + " line=" + c.getPropLine())))
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
}
