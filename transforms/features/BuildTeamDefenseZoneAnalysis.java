package transforms.features;

import transforms.daily.GroupByDate;
import transforms.games.History;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import schemas.LeagueDay;
import schemas.TeamDefenseZoneAnalysis;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;

/**
 * {@code team_defense_zone_analysis}: one row per team playing on D (every team and opponent of the day's
 * context), from {@link AsOf#teamDefense}. The day's context is grouped by date to find its teams once.
 */
public final class BuildTeamDefenseZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<TeamDefenseZoneAnalysis>> {
  private final History history;

  public BuildTeamDefenseZoneAnalysis(History history) {
    this.history = history;
  }

  @Override
  public PCollection<TeamDefenseZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    return context
        .apply("ContextDays", GroupByDate.of(UpcomingPlayerGameContext::getGameDate))
        .apply(
            "AsOfTeamDefense",
            ParDo.of(new TeamDefenseFn(history.gamesByTeam, history.zonesAgainstTeam, history.leagueDays))
                .withSideInputs(history.gamesByTeam, history.zonesAgainstTeam, history.leagueDays));
  }

  static final class TeamDefenseFn extends DoFn<KV<String, Iterable<UpcomingPlayerGameContext>>, TeamDefenseZoneAnalysis> {
    private final SideInputCache views = new SideInputCache();

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }
    private final PCollectionView<Map<String, Iterable<TeamGameSummary>>> games;
    private final PCollectionView<Map<String, Iterable<ZoneGame>>> zonesAgainst;
    private final PCollectionView<List<LeagueDay>> league;

    TeamDefenseFn(
        PCollectionView<Map<String, Iterable<TeamGameSummary>>> games,
        PCollectionView<Map<String, Iterable<ZoneGame>>> zonesAgainst,
        PCollectionView<List<LeagueDay>> league) {
      this.games = games;
      this.zonesAgainst = zonesAgainst;
      this.league = league;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      String date = c.element().getKey();
      // Each team in the season of its game on D, as the data gives it.
      TreeMap<String, String> seasonOf = new TreeMap<>();
      for (UpcomingPlayerGameContext p : c.element().getValue()) {
        seasonOf.putIfAbsent(p.getTeamAbbr(), p.getSeason());
        seasonOf.putIfAbsent(p.getOpponentTeamAbbr(), p.getSeason());
      }
      for (Map.Entry<String, String> t : seasonOf.entrySet()) {
        String team = t.getKey();
        c.output(
            AsOf.teamDefense(
                team, date, t.getValue(), views.get(c, window, games).get(team), views.get(c, window, zonesAgainst).get(team),
                views.get(c, window, league)));
      }
    }
  }
}
