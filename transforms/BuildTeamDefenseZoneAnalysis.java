package transforms;

import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import java.util.List;
import java.util.Map;
import schemas.LeagueDay;
import schemas.TeamGameSummary;
import schemas.ZoneGame;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code team_defense_zone_analysis}: one row per team playing on D (every team and opponent of the day's
 * context), from {@link AsOf#teamDefense}.
 */
public final class BuildTeamDefenseZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<TeamDefenseZoneAnalysis>> {
  private final History history;

  public BuildTeamDefenseZoneAnalysis(History history) {
    this.history = history;
  }

  /** The day's team rows by {@link Keys#teamDate}, as a side input in the same daily windows as the context. */
  public static PCollectionView<Map<String, TeamDefenseZoneAnalysis>> byTeamDate(PCollection<TeamDefenseZoneAnalysis> rows) {
    return rows
        .apply("KeyTeamRows", WithKeys.of((TeamDefenseZoneAnalysis t) -> Keys.teamDate(t.getTeamAbbr(), t.getAnalysisDate()))
            .withKeyType(TypeDescriptors.strings()))
        .apply("TeamRowsView", View.asMap());
  }

  @Override
  public PCollection<TeamDefenseZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    return context
        .apply("TeamsOfTheDay", ParDo.of(new TeamsFn()))
        .apply("DistinctTeams", Distinct.create())
        .apply(
            "AsOfTeamDefense",
            ParDo.of(new TeamDefenseFn(history.gamesByTeam, history.zonesAgainstTeam, history.leagueDays))
                .withSideInputs(history.gamesByTeam, history.zonesAgainstTeam, history.leagueDays));
  }

  static final class TeamsFn extends DoFn<UpcomingPlayerGameContext, String> {
    @ProcessElement
    public void process(@Element UpcomingPlayerGameContext p, OutputReceiver<String> out) {
      out.output(Keys.teamDate(p.getTeamAbbr(), p.getGameDate()));
      out.output(Keys.teamDate(p.getOpponentTeamAbbr(), p.getGameDate()));
    }
  }

  static final class TeamDefenseFn extends DoFn<String, TeamDefenseZoneAnalysis> {
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
    public void process(ProcessContext c) {
      String[] teamDate = c.element().split("\\|");
      String team = teamDate[0];
      c.output(
          AsOf.teamDefense(
              team, teamDate[1], c.sideInput(games).get(team), c.sideInput(zonesAgainst).get(team), c.sideInput(league)));
    }
  }
}
