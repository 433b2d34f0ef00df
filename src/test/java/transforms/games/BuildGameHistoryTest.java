package transforms.games;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.Rows;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.ShotZoneAttempts;
import schemas.TeamGameSummary;
import schemas.ZoneGame;
import schemas.vocabulary.CourtZones;
import schemas.vocabulary.GameDates;

/**
 * The history views, read back the way their readers read them: from a DoFn in a daily window, with the views as
 * side inputs, each printed as sorted "key=values" text; and the zone games and league days the per-season passes
 * shuffle, printed one row per line.
 */
public class BuildGameHistoryTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";

  /** Prints every view of a {@link History}, read from D's daily window. */
  static final class ReadViewsFn extends DoFn<String, String> {
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> gamesByPlayer;
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> gamesByTeam;

    ReadViewsFn(History history) {
      this.gamesByPlayer = history.gamesByPlayer;
      this.gamesByTeam = history.gamesByTeam;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output("gamesByPlayer " + print(c.sideInput(gamesByPlayer), g -> g.getGameDate() + "/" + g.getPoints()));
      c.output("gamesByTeam " + print(c.sideInput(gamesByTeam), g -> g.getGameDate() + "/" + g.getOpponentTeamAbbr()));
    }

    private static <V> String print(Map<String, Iterable<V>> view, SerializableFunction<V, String> f) {
      Map<String, List<String>> sorted = new TreeMap<>();
      view.forEach((k, vs) -> {
        List<String> l = new ArrayList<>();
        vs.forEach(v -> l.add(f.apply(v)));
        l.sort(null);
        sorted.put(k, l);
      });
      return sorted.toString();
    }
  }

  /** Rows at their game date's event time, in the global window. */
  private <T> PCollection<T> stamped(String name, Class<T> type, SerializableFunction<T, String> dateOf, List<T> rows) {
    List<TimestampedValue<T>> stamped = new ArrayList<>();
    rows.forEach(r -> stamped.add(TimestampedValue.of(r, GameDates.timestampOf(dateOf.apply(r)))));
    return p.apply(name, Create.timestamped(stamped).withCoder(SchemaCoders.of(type)));
  }

  private static String zones(ZoneGame z) {
    return z.getPlayerLookup() + "/" + z.getGameDate() + "/" + z.getDefendingTeamAbbr() + "/" + z.getPaintFga() + "-" + z.getPaintFgm() + ","
        + z.getMidRangeFga() + "-" + z.getMidRangeFgm() + "," + z.getThreeFga() + "-" + z.getThreeFgm();
  }

  /** The views as D's daily window sees them (history lives in the global window, visible from every day). */
  private PCollection<String> readFromDaysWindow(History history) {
    return p.apply("OneRowOnD", Create.timestamped(TimestampedValue.of("probe", GameDates.timestampOf(D))))
        .apply("DailyProbe", Window.into(GameDates.dailyWindows()))
        .apply("ReadViews", ParDo.of(new ReadViewsFn(history)).withSideInputs(history.all()));
  }

  private static PCollection<String> zoneText(History history) {
    return history.zoneGames.apply("ZoneText", org.apache.beam.sdk.transforms.MapElements
        .into(org.apache.beam.sdk.values.TypeDescriptors.strings()).via(BuildGameHistoryTest::zones));
  }

  private static PCollection<String> leagueText(History history) {
    return history.leagueDays.apply("LeagueText", org.apache.beam.sdk.transforms.MapElements
        .into(org.apache.beam.sdk.values.TypeDescriptors.strings())
        .via((LeagueDay d) -> d.getGameDate() + "/" + d.getTeamGames() + "/" + d.getPaintFga()));
  }

  private static final IntervalWindow DAY_D = new IntervalWindow(GameDates.timestampOf(D), GameDates.timestampOf("2024-01-21"));

  @Test
  public void historyOfKeysEachViewAndKeepsEveryZoneGameAndLeagueDay() {
    PCollection<PlayerGameSummary> games = p.apply("Games", Create.of(
            Rows.playerGame("annexample", "BOS", "NYK", "2024-01-10", 30, 21),
            Rows.playerGame("annexample", "BOS", "MIA", "2024-01-12", 0, 0),
            Rows.playerGame("bobsample", "NYK", "BOS", "2024-01-10", 28, 12))
        .withCoder(SchemaCoders.of(PlayerGameSummary.class)));
    PCollection<TeamGameSummary> teamGames = p.apply("TeamGames", Create.of(
            Rows.teamGame("BOS", "NYK", "2024-01-10", 100, 98), Rows.teamGame("NYK", "BOS", "2024-01-10", 98, 100))
        .withCoder(SchemaCoders.of(TeamGameSummary.class)));
    PCollection<ZoneGame> zoneGames = p.apply("ZoneGames", Create.of(
            Rows.zoneGame("annexample", "BOS", "NYK", "2024-01-10", 8, 5, 4, 2, 6, 2),
            Rows.zoneGame("carlnoone", "MIA", null, "2024-01-11", 1, 1, 0, 0, 0, 0))
        .withCoder(SchemaCoders.of(ZoneGame.class)));
    PCollection<LeagueDay> leagueDays = p.apply("LeagueDays", Create.of(
            BuildLeagueDays.day("2024-01-10", "2023-24", 2, 198, 8, 5, 4, 2, 6, 2))
        .withCoder(SchemaCoders.of(LeagueDay.class)));

    History history = games.apply(History.of(teamGames, zoneGames, leagueDays));

    PAssert.that(readFromDaysWindow(history)).inWindow(DAY_D).containsInAnyOrder(
        "gamesByPlayer {annexample=[2024-01-10/21, 2024-01-12/0], bobsample=[2024-01-10/12]}",
        "gamesByTeam {BOS=[2024-01-10/NYK], NYK=[2024-01-10/BOS]}");
    PAssert.that(zoneText(history)).containsInAnyOrder(
        "annexample/2024-01-10/NYK/8-5,4-2,6-2", "carlnoone/2024-01-11/null/1-1,0-0,0-0");
    PAssert.that(leagueText(history)).containsInAnyOrder("2024-01-10/2/8");
    p.run().waitUntilFinish();
  }

  @Test
  public void buildGameHistoryFindsEachShotsDefenderAndSumsTheLeagueDays() {
    // the inputs as ReadInputs gives them: stamped with their game date, in the global window
    PCollection<PlayerGameSummary> games = stamped("Games", PlayerGameSummary.class, PlayerGameSummary::getGameDate, List.of(
            Rows.playerGame("annexample", "BOS", "NYK", "2024-01-10", 30, 21),
            Rows.playerGame("bobsample", "NYK", "BOS", "2024-01-10", 28, 12),
            // no schedule row for this game: the defender comes from the box score
            Rows.playerGame("annexample", "BOS", "MIA", "2024-01-12", 31, 18)));
    // in daily windows, as BuildTeamGameSummaries gives them
    PCollection<TeamGameSummary> teamGames = stamped("TeamGames", TeamGameSummary.class, TeamGameSummary::getGameDate, List.of(
            Rows.teamGame("BOS", "NYK", "2024-01-10", 100, 98), Rows.teamGame("NYK", "BOS", "2024-01-10", 98, 100),
            Rows.teamGame("BOS", "MIA", "2024-01-12", 96, 96), Rows.teamGame("MIA", "BOS", "2024-01-12", 96, 96)))
        .apply("TeamGamesDaily", Window.into(GameDates.dailyWindows()));
    PCollection<ScheduledGame> schedule =
        stamped("Schedule", ScheduledGame.class, ScheduledGame::getGameDate, List.of(Rows.scheduled("2024-01-10", "BOS", "NYK")));
    PCollection<ShotZoneAttempts> shots = stamped("Shots", ShotZoneAttempts.class, ShotZoneAttempts::getGameDate, List.of(
            Rows.shots("annexample", "BOS", "2024-01-10", "Restricted Area", CourtZones.PAINT, 5, 3),
            Rows.shots("annexample", "BOS", "2024-01-10", "In The Paint (Non-RA)", CourtZones.PAINT, 3, 2),
            Rows.shots("annexample", "BOS", "2024-01-10", "Mid-Range", CourtZones.MID_RANGE, 4, 2),
            Rows.shots("annexample", "BOS", "2024-01-10", "Above the Break 3", CourtZones.THREE, 6, 2),
            Rows.shots("bobsample", "NYK", "2024-01-10", "Left Corner 3", CourtZones.THREE, 2, 1),
            Rows.shots("annexample", "BOS", "2024-01-12", "Restricted Area", CourtZones.PAINT, 7, 4),
            // neither the schedule nor a box score names MIA's opponent on Jan 11: no defender (the gap)
            Rows.shots("carlnoone", "MIA", "2024-01-11", "Restricted Area", CourtZones.PAINT, 1, 1)));

    History history = games.apply(new BuildGameHistory(teamGames, schedule, shots));

    PAssert.that(readFromDaysWindow(history)).inWindow(DAY_D).containsInAnyOrder(
        "gamesByPlayer {annexample=[2024-01-10/21, 2024-01-12/18], bobsample=[2024-01-10/12]}",
        "gamesByTeam {BOS=[2024-01-10/NYK, 2024-01-12/MIA], MIA=[2024-01-12/BOS], NYK=[2024-01-10/BOS]}");
    PAssert.that(zoneText(history)).containsInAnyOrder(
        "annexample/2024-01-10/NYK/8-5,4-2,6-2", "annexample/2024-01-12/MIA/7-4,0-0,0-0", "bobsample/2024-01-10/BOS/0-0,0-0,2-1",
        "carlnoone/2024-01-11/null/1-1,0-0,0-0");
    PAssert.that(leagueText(history)).containsInAnyOrder("2024-01-10/2/8", "2024-01-11/0/1", "2024-01-12/2/7");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long noDefender = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named("phase4", "zone_games:no_defending_team")).build()).getCounters()) {
      noDefender += c.getAttempted();
    }
    assertThat(noDefender, equalTo(1L));
  }
}
