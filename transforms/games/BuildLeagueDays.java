package transforms.games;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import schemas.LeagueDay;
import schemas.TeamGameSummary;
import schemas.ZoneGame;

/** League totals per game date (team games, pace, zone attempts and makes): the baselines' raw material. */
public final class BuildLeagueDays extends PTransform<PCollection<TeamGameSummary>, PCollection<LeagueDay>> {
  private final PCollection<ZoneGame> zoneGames;

  public BuildLeagueDays(PCollection<ZoneGame> zoneGames) {
    this.zoneGames = zoneGames;
  }

  @Override
  public PCollection<LeagueDay> expand(PCollection<TeamGameSummary> teamGames) {
    TypeDescriptor<KV<String, LeagueDay>> kv = TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(LeagueDay.class));
    PCollection<KV<String, LeagueDay>> fromGames =
        teamGames.apply(
            "PaceOfTeamGames",
            MapElements.into(kv)
                // a partial box score's possessions are not the game's: it does not count toward league pace
                .via(g -> KV.of(g.getGameDate(), day(g.getGameDate(), g.getSeason(), g.getBoxScoreComplete() ? 1 : 0,
                    g.getBoxScoreComplete() ? (g.getPossessions() + g.getOppPossessions()) / 2 : 0, 0, 0, 0, 0, 0, 0))));
    PCollection<KV<String, LeagueDay>> fromZones =
        zoneGames.apply(
            "ZonesOfPlayerGames",
            MapElements.into(kv)
                .via(z -> KV.of(z.getGameDate(), day(z.getGameDate(), z.getSeason(), 0, 0, z.getPaintFga(), z.getPaintFgm(),
                    z.getMidRangeFga(), z.getMidRangeFgm(), z.getThreeFga(), z.getThreeFgm()))));
    return PCollectionList.of(fromGames)
        .and(fromZones)
        .apply("AllPartials", Flatten.pCollections())
        .apply("SumPerDate", Combine.perKey(BuildLeagueDays::sum))
        .apply("LeagueDays", Values.create());
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
