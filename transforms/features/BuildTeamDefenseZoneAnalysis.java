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
import schemas.SchemaCoders;
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
 * team games, ≈26k zone games, ≈170 league days); nothing is broadcast. Each call is handed only the rows
 * before its date ({@link SeasonPass#before}).
 */
public final class BuildTeamDefenseZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<TeamDefenseZoneAnalysis>> {
  private final History history;

  public BuildTeamDefenseZoneAnalysis(History history) {
    this.history = history;
  }

  @Override
  public PCollection<TeamDefenseZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows = SeasonPass.contextRows();
    EncodedRows<TeamGameSummary> games = EncodedRows.of(SchemaCoders.of(TeamGameSummary.class));
    EncodedRows<ZoneGame> zones = EncodedRows.of(SchemaCoders.of(ZoneGame.class));
    EncodedRows<LeagueDay> days = EncodedRows.of(SchemaCoders.of(LeagueDay.class));
    PCollection<TeamDefenseZoneAnalysis> out =
        KeyedPCollectionTuple.of(rows.tag, SeasonPass.context("Context", context, rows))
            .and(games.tag, SeasonPass.history("TeamGames", history.teamGames, games, TeamGameSummary::getSeason))
            .and(zones.tag, SeasonPass.history("ZoneGames", history.zoneGames, zones, ZoneGame::getSeason))
            .and(days.tag, SeasonPass.history("LeagueDays", history.leagueDays, days, LeagueDay::getSeason))
            .apply("SeasonsWithTeamGames", CoGroupByKey.create())
            .apply("AsOfTeamDefense", ParDo.of(new TeamSeasonFn(rows, games, zones, days)));
    return SeasonPass.daily("TeamDefenseDaily", out);
  }

  static final class TeamSeasonFn extends DoFn<KV<String, CoGbkResult>, TeamDefenseZoneAnalysis> {
    private final EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows;
    private final EncodedRows<TeamGameSummary> games;
    private final EncodedRows<ZoneGame> zones;
    private final EncodedRows<LeagueDay> days;

    TeamSeasonFn(
        EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows, EncodedRows<TeamGameSummary> games,
        EncodedRows<ZoneGame> zones, EncodedRows<LeagueDay> days) {
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
      Map<String, List<TeamGameSummary>> gamesOf = SeasonPass.byKey(games.in(r), TeamGameSummary::getTeamAbbr, TeamGameSummary::getGameDate);
      Map<String, List<ZoneGame>> allowedBy = SeasonPass.byKey(
          zones.in(r), z -> z.getDefendingTeamAbbr() == null ? "" : z.getDefendingTeamAbbr(), ZoneGame::getGameDate);
      List<LeagueDay> league = new ArrayList<>();
      days.in(r).forEach(league::add);
      league.sort(Comparator.comparing(LeagueDay::getGameDate));
      // The teams and opponents of each date's context, the date stamped like its first row (inside its day).
      Map<String, TreeSet<String>> teamsOn = new TreeMap<>();
      Map<String, Instant> stampOf = new HashMap<>();
      for (TimestampedValue<UpcomingPlayerGameContext> row : rows.in(r)) {
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
              AsOf.teamDefense(team, date, season,
                  SeasonPass.before(gamesOf.get(team), date, TeamGameSummary::getGameDate),
                  SeasonPass.before(allowedBy.get(team), date, ZoneGame::getGameDate),
                  SeasonPass.before(league, date, LeagueDay::getGameDate)),
              stampOf.get(date));
        }
      }
    }
  }
}
