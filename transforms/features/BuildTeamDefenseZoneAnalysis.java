package transforms.features;

import transforms.games.History;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;
import schemas.LeagueDay;
import schemas.TeamDefenseZoneAnalysis;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;

/**
 * {@code team_defense_zone_analysis}: one row per team playing on D (every team and opponent of the day's
 * context), from {@link AsOf#teamDefense}, in D's daily window.
 *
 * <p>One per-season pass ({@link SeasonPass}): the season's context rows, team games, zone games (the shots each
 * team allowed, by defender) and league days are shuffled together by season; each team's games and zones are
 * sorted once, and each (team, date) of the season's context computed from them. A key holds one season (≈2.5k
 * team games, ≈26k zone games, ≈170 league days); nothing is broadcast.
 */
public final class BuildTeamDefenseZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<TeamDefenseZoneAnalysis>> {
  private final History history;

  public BuildTeamDefenseZoneAnalysis(History history) {
    this.history = history;
  }

  @Override
  public PCollection<TeamDefenseZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    TupleTag<TimestampedValue<UpcomingPlayerGameContext>> rows = new TupleTag<>();
    TupleTag<TeamGameSummary> games = new TupleTag<>();
    TupleTag<ZoneGame> zones = new TupleTag<>();
    TupleTag<LeagueDay> days = new TupleTag<>();
    PCollection<TeamDefenseZoneAnalysis> out =
        KeyedPCollectionTuple.of(rows, SeasonPass.context("Context", context))
            .and(games, SeasonPass.history("TeamGames", history.teamGames, TeamGameSummary::getSeason))
            .and(zones, SeasonPass.history("ZoneGames", history.zoneGames, ZoneGame::getSeason))
            .and(days, SeasonPass.history("LeagueDays", history.leagueDays, LeagueDay::getSeason))
            .apply("SeasonsWithTeamGames", CoGroupByKey.create())
            .apply("AsOfTeamDefense", ParDo.of(new TeamSeasonFn(rows, games, zones, days)));
    return SeasonPass.daily("TeamDefenseDaily", out);
  }

  static final class TeamSeasonFn extends DoFn<KV<String, CoGbkResult>, TeamDefenseZoneAnalysis> {
    private final TupleTag<TimestampedValue<UpcomingPlayerGameContext>> rows;
    private final TupleTag<TeamGameSummary> games;
    private final TupleTag<ZoneGame> zones;
    private final TupleTag<LeagueDay> days;

    TeamSeasonFn(
        TupleTag<TimestampedValue<UpcomingPlayerGameContext>> rows, TupleTag<TeamGameSummary> games, TupleTag<ZoneGame> zones,
        TupleTag<LeagueDay> days) {
      this.rows = rows;
      this.games = games;
      this.zones = zones;
      this.days = days;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, OutputReceiver<TeamDefenseZoneAnalysis> out) {
      // Every row of the group is of this season (the season its game has in the data, the context row's).
      String season = group.getKey();
      CoGbkResult r = group.getValue();
      Map<String, List<TeamGameSummary>> gamesOf = SeasonPass.byKey(r.getAll(games), TeamGameSummary::getTeamAbbr, TeamGameSummary::getGameDate);
      Map<String, List<ZoneGame>> allowedBy = SeasonPass.byKey(
          r.getAll(zones), z -> z.getDefendingTeamAbbr() == null ? "" : z.getDefendingTeamAbbr(), ZoneGame::getGameDate);
      List<LeagueDay> league = new ArrayList<>();
      r.getAll(days).forEach(league::add);
      league.sort(Comparator.comparing(LeagueDay::getGameDate));
      // The teams and opponents of each date's context, the date stamped like its first row (inside its day).
      Map<String, TreeSet<String>> teamsOn = new TreeMap<>();
      Map<String, Instant> stampOf = new HashMap<>();
      for (TimestampedValue<UpcomingPlayerGameContext> row : r.getAll(rows)) {
        UpcomingPlayerGameContext p = row.getValue();
        TreeSet<String> teams = teamsOn.computeIfAbsent(p.getGameDate(), d -> new TreeSet<>());
        teams.add(p.getTeamAbbr());
        teams.add(p.getOpponentTeamAbbr());
        stampOf.putIfAbsent(p.getGameDate(), row.getTimestamp());
      }
      for (Map.Entry<String, TreeSet<String>> day : teamsOn.entrySet()) {
        String date = day.getKey();
        for (String team : day.getValue()) {
          out.outputWithTimestamp(
              AsOf.teamDefense(team, date, season, gamesOf.get(team), allowedBy.get(team), league), stampOf.get(date));
        }
      }
    }
  }
}
