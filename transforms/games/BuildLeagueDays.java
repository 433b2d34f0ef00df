package transforms.games;

import transforms.daily.GroupByDate;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import schemas.LeagueDay;
import schemas.TeamGameSummary;
import schemas.ZoneGame;

/**
 * League totals per game date (team games, pace, zone attempts and makes): the baselines' raw material. The inputs
 * are in daily windows (both come from per-date groups); each date's partials are summed in one per-date group
 * ({@link GroupByDate}), so the days come out in a few large bundles rather than one per date.
 */
public final class BuildLeagueDays extends PTransform<PCollection<TeamGameSummary>, PCollection<LeagueDay>> {
  private final PCollection<ZoneGame> zoneGames;

  public BuildLeagueDays(PCollection<ZoneGame> zoneGames) {
    this.zoneGames = zoneGames;
  }

  @Override
  public PCollection<LeagueDay> expand(PCollection<TeamGameSummary> teamGames) {
    TypeDescriptor<LeagueDay> day = TypeDescriptor.of(LeagueDay.class);
    PCollection<LeagueDay> fromGames =
        teamGames.apply(
            "PaceOfTeamGames",
            MapElements.into(day)
                // a partial box score's possessions are not the game's: it does not count toward league pace
                .via(g -> day(g.getGameDate(), g.getSeason(), g.getBoxScoreComplete() ? 1 : 0,
                    g.getBoxScoreComplete() ? (g.getPossessions() + g.getOppPossessions()) / 2 : 0, 0, 0, 0, 0, 0, 0)));
    PCollection<LeagueDay> fromZones =
        zoneGames.apply(
            "ZonesOfPlayerGames",
            MapElements.into(day)
                .via(z -> day(z.getGameDate(), z.getSeason(), 0, 0, z.getPaintFga(), z.getPaintFgm(),
                    z.getMidRangeFga(), z.getMidRangeFgm(), z.getThreeFga(), z.getThreeFgm())));
    return PCollectionList.of(fromGames)
        .and(fromZones)
        .apply("AllPartials", Flatten.pCollections())
        .apply("PartialsByDate", GroupByDate.of(LeagueDay::getGameDate))
        .apply("SumPerDate", MapElements.into(day).via(partials -> sum(partials.getValue())));
  }

  static LeagueDay sum(Iterable<LeagueDay> parts) {
    LeagueDay first = null;
    int games = 0;
    double pace = 0;
    int[] z = new int[6];
    for (LeagueDay d : parts) {
      first = first == null ? d : first;
      games += d.getTeamGames();
      pace += d.getPaceSum();
      z[0] += d.getPaintFga();
      z[1] += d.getPaintFgm();
      z[2] += d.getMidRangeFga();
      z[3] += d.getMidRangeFgm();
      z[4] += d.getThreeFga();
      z[5] += d.getThreeFgm();
    }
    return day(first.getGameDate(), first.getSeason(), games, pace, z[0], z[1], z[2], z[3], z[4], z[5]);
  }

  static LeagueDay day(String date, String season, int games, double pace, int pa, int pm, int ma, int mm, int ta, int tm) {
    return LeagueDay.builder()
        .setGameDate(date)
        .setSeason(season)
        .setTeamGames(games)
        .setPaceSum(pace)
        .setPaintFga(pa)
        .setPaintFgm(pm)
        .setMidRangeFga(ma)
        .setMidRangeFgm(mm)
        .setThreeFga(ta)
        .setThreeFgm(tm)
        .build();
  }
}
