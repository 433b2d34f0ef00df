package transforms.games;

import transforms.daily.GroupByDate;
import schemas.vocabulary.Keys;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.Filter;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.PlayerKeys;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import schemas.PlayerGameSummary;
import schemas.ScheduledGame;
import schemas.ShotZoneAttempts;
import schemas.ZoneGame;
import schemas.vocabulary.CourtZones;

/**
 * Shot-zone rows → one {@link ZoneGame} per player per game, with the defending team. Shot data names only
 * the shooter's team, so the opponent comes from the schedule, or from the box scores where the schedule is
 * absent; a row neither names keeps a null defender (counted) and still serves the player's own profile. The
 * player is keyed like every table ({@link PlayerKeys}); a shot row without {@code PLAYER_ID} takes the id the
 * box scores give its name on that team and date (counted: {@code zone_games:player_id_from_box_scores}).
 */
public final class BuildZoneGames extends PTransform<PCollection<ShotZoneAttempts>, PCollection<ZoneGame>> {
  private final PCollection<ScheduledGame> schedule;
  private final PCollection<PlayerGameSummary> summaries;

  public BuildZoneGames(PCollection<ScheduledGame> schedule, PCollection<PlayerGameSummary> summaries) {
    this.schedule = schedule;
    this.summaries = summaries;
  }

  @Override
  public PCollection<ZoneGame> expand(PCollection<ShotZoneAttempts> zones) {
    PCollection<KV<String, String>> fromSchedule =
        schedule.apply("OpponentsFromSchedule", ParDo.of(new BothSidesFn()));
    PCollection<KV<String, String>> fromBoxScores =
        summaries.apply(
            "OpponentsFromBoxScores",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(s -> KV.of(Keys.teamDate(s.getTeamAbbr(), s.getGameDate()), s.getOpponentTeamAbbr())));
    // A multimap, not a map: schedule and box scores both name most opponents, and they agree.
    PCollectionView<Map<String, Iterable<String>>> opponentOf =
        SideInputCache.singlePane("OpponentView",
                PCollectionList.of(fromSchedule).and(fromBoxScores).apply("AllOpponents", Flatten.pCollections()))
            .apply("OpponentView", View.asMultimap());
    PCollectionView<Map<String, Iterable<String>>> idOf =
        summaries
            .apply("BoxScoresWithIds", Filter.by((PlayerGameSummary g) -> g.getPlayerId() != null))
            .apply(
                "IdsByTeamDateName",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(g -> KV.of(nameOnTeam(g.getTeamAbbr(), g.getGameDate(), g.getPlayerLookup()), g.getPlayerId())))
            .apply("IdView", View.asMultimap());
    return zones
        .apply("ZoneDays", GroupByDate.of(ShotZoneAttempts::getGameDate))
        .apply("SumZoneGroups", ParDo.of(new SumFn(opponentOf, idOf)).withSideInputs(opponentOf, idOf));
  }

  static String nameOnTeam(String team, String date, String lookup) {
    return Keys.teamDate(team, date) + "|" + lookup;
  }

  static final class BothSidesFn extends DoFn<ScheduledGame, KV<String, String>> {
    @ProcessElement
    public void process(@Element ScheduledGame g, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(Keys.teamDate(g.getHomeTeamAbbr(), g.getGameDate()), g.getAwayTeamAbbr()));
      out.output(KV.of(Keys.teamDate(g.getAwayTeamAbbr(), g.getGameDate()), g.getHomeTeamAbbr()));
    }
  }

  static final class SumFn extends DoFn<KV<String, Iterable<ShotZoneAttempts>>, ZoneGame> {
    private final SideInputCache views = new SideInputCache();
    private final PCollectionView<Map<String, Iterable<String>>> opponentOf;
    private final PCollectionView<Map<String, Iterable<String>>> idOf;
    private final Counter noDefender = Metrics.counter("phase4", "zone_games:no_defending_team");
    private final Counter idFromBoxScores = Metrics.counter("phase4", "zone_games:player_id_from_box_scores");

    SumFn(PCollectionView<Map<String, Iterable<String>>> opponentOf, PCollectionView<Map<String, Iterable<String>>> idOf) {
      this.opponentOf = opponentOf;
      this.idOf = idOf;
    }

    /**
     * The row's player id, or, for a shot file without ids, the one id the box scores give that name on that
     * team and date (two players of one name on one team and date: none, the name stays the key).
     */
    private @Nullable String idOf(ShotZoneAttempts z, Map<String, Iterable<String>> ids) {
      if (z.getPlayerId() != null) {
        return z.getPlayerId();
      }
      Iterable<String> found = ids.get(nameOnTeam(z.getTeamAbbr(), z.getGameDate(), z.getPlayerLookup()));
      Set<String> distinct = new TreeSet<>();
      if (found != null) {
        found.forEach(distinct::add);
      }
      return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      // player|team → paint, mid-range, three (attempts, makes); the player by his key (id, else name)
      Map<String, int[]> totals = new TreeMap<>();
      Map<String, ShotZoneAttempts> anyOf = new HashMap<>();
      Map<String, Iterable<String>> ids = views.get(c, window, idOf);
      for (ShotZoneAttempts raw : c.element().getValue()) {
        ShotZoneAttempts z = raw;
        if (raw.getPlayerId() == null) {
          String id = idOf(raw, ids);
          if (id != null) {
            z = raw.toBuilder().setPlayerId(id).build();
            idFromBoxScores.inc();
          }
        }
        String key = PlayerKeys.of(z.getPlayerId(), z.getPlayerLookup()) + "|" + z.getTeamAbbr();
        anyOf.putIfAbsent(key, z);
        int[] t = totals.computeIfAbsent(key, k -> new int[6]);
        int slot = z.getZoneGroup().equals(CourtZones.PAINT) ? 0 : z.getZoneGroup().equals(CourtZones.MID_RANGE) ? 2 : 4;
        t[slot] += z.getFga();
        t[slot + 1] += z.getFgm();
      }
      Map<String, Iterable<String>> opponents = views.get(c, window, opponentOf);
      for (Map.Entry<String, int[]> e : totals.entrySet()) {
        ShotZoneAttempts any = anyOf.get(e.getKey());
        int[] t = e.getValue();
        Iterable<String> defenders = opponents.get(Keys.teamDate(any.getTeamAbbr(), any.getGameDate()));
        String defender = defenders == null ? null : defenders.iterator().next();
        if (defender == null) {
          noDefender.inc();
        }
        c.output(
            ZoneGame.builder()
                .setPlayerLookup(any.getPlayerLookup())
                .setPlayerId(any.getPlayerId())
                .setTeamAbbr(any.getTeamAbbr())
                .setDefendingTeamAbbr(defender)
                .setGameDate(any.getGameDate())
                .setSeason(any.getSeason())
                .setPaintFga(t[0])
                .setPaintFgm(t[1])
                .setMidRangeFga(t[2])
                .setMidRangeFgm(t[3])
                .setThreeFga(t[4])
                .setThreeFgm(t[5])
                .build());
      }
    }
  }
}
