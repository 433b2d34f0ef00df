package transforms.games;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.LeagueDay;
import schemas.Rows;
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import schemas.ZoneGame;
import schemas.vocabulary.GameDates;

/** League totals per date: team games and pace from the team sides, zone attempts and makes from the zone games. */
public class BuildLeagueDaysTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static String text(LeagueDay d) {
    return String.join("|", d.getGameDate(), d.getSeason(), "games=" + d.getTeamGames(), "pace=" + d.getPaceSum(),
        d.getPaintFga() + "/" + d.getPaintFgm(), d.getMidRangeFga() + "/" + d.getMidRangeFgm(), d.getThreeFga() + "/" + d.getThreeFgm());
  }

  /** In daily windows, as BuildTeamGameSummaries and BuildZoneGames give them (both group by date). */
  private <T> PCollection<T> daily(String name, Class<T> type, SerializableFunction<T, String> dateOf, List<T> rows) {
    List<TimestampedValue<T>> stamped = new ArrayList<>();
    rows.forEach(r -> stamped.add(TimestampedValue.of(r, GameDates.timestampOf(dateOf.apply(r)))));
    return p.apply(name, Create.timestamped(stamped).withCoder(SchemaCoders.of(type)))
        .apply(name + "Daily", Window.into(GameDates.dailyWindows()));
  }

  @Test
  public void sumsEachDatesTeamGamesAndZonesAndKeepsADateThatHasOnlyOneOfThem() {
    PCollection<TeamGameSummary> teamGames = daily("TeamGames", TeamGameSummary.class, TeamGameSummary::getGameDate, List.of(
            // one game, both sides: each side's pace is the mean of its and its opponent's possessions
            Rows.teamGame("BOS", "NYK", "2024-01-10", 100, 98),
            Rows.teamGame("NYK", "BOS", "2024-01-10", 98, 100),
            Rows.teamGame("MIA", "ORL", "2024-01-10", 90, 94),
            Rows.teamGame("ORL", "MIA", "2024-01-10", 94, 90),
            // a date whose shot zones are missing
            Rows.teamGame("BOS", "MIA", "2024-01-12", 101, 99)));
    PCollection<ZoneGame> zoneGames = daily("ZoneGames", ZoneGame.class, ZoneGame::getGameDate, List.of(
            Rows.zoneGame("annexample", "BOS", "NYK", "2024-01-10", 8, 5, 4, 2, 6, 2),
            Rows.zoneGame("bobsample", "NYK", "BOS", "2024-01-10", 3, 1, 2, 1, 9, 4),
            // a date whose box scores are missing: zones, no team games
            Rows.zoneGame("annexample", "BOS", null, "2024-01-11", 1, 1, 0, 0, 2, 0)));

    PCollection<LeagueDay> days = teamGames.apply(new BuildLeagueDays(zoneGames));

    PAssert.that(days.apply(MapElements.into(TypeDescriptors.strings()).via(BuildLeagueDaysTest::text)))
        .containsInAnyOrder(
            "2024-01-10|2023-24|games=4|pace=382.0|11/6|6/3|15/6",
            "2024-01-11|2023-24|games=0|pace=0.0|1/1|0/0|2/0",
            "2024-01-12|2023-24|games=1|pace=100.0|0/0|0/0|0/0");
    p.run().waitUntilFinish();
  }
}
