package transforms.games;

import transforms.daily.SideInputCache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import schemas.LeagueDay;
import schemas.PlayerGameSummary;
import schemas.TeamGameSummary;
import schemas.ZoneGame;
import schemas.vocabulary.PlayerKeys;

/**
 * Everything played so far, as side inputs in the global window, keyed for the as-of functions (players by
 * {@link PlayerKeys}: the id, else the folded name; teams by abbreviation): a daily
 * window of D reads them and {@code transforms.features.AsOf} keeps only what is before D. A global-window side input is visible
 * from every daily window, bounded or streaming, which is what lets backfill and same-day share one graph.
 *
 * <p>Cost: the maps hold every input row (a season is ~25k box scores, ~80k shot rows, a few MB). At many
 * seasons or leagues this stops being cheap; then the bounded path should become a CoGroupByKey of context and
 * history per player in the global window, and the streaming path per-key state of recent games.
 */
public final class History implements POutput {
  public final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> gamesByPlayer;
  public final PCollectionView<Map<String, Iterable<TeamGameSummary>>> gamesByTeam;
  public final PCollectionView<Map<String, Iterable<ZoneGame>>> zonesByPlayer;
  public final PCollectionView<Map<String, Iterable<ZoneGame>>> zonesAgainstTeam;
  public final PCollectionView<List<LeagueDay>> leagueDays;
  private final Pipeline pipeline;

  private History(
      Pipeline pipeline,
      PCollectionView<Map<String, Iterable<PlayerGameSummary>>> gamesByPlayer,
      PCollectionView<Map<String, Iterable<TeamGameSummary>>> gamesByTeam,
      PCollectionView<Map<String, Iterable<ZoneGame>>> zonesByPlayer,
      PCollectionView<Map<String, Iterable<ZoneGame>>> zonesAgainstTeam,
      PCollectionView<List<LeagueDay>> leagueDays) {
    this.pipeline = pipeline;
    this.gamesByPlayer = gamesByPlayer;
    this.gamesByTeam = gamesByTeam;
    this.zonesByPlayer = zonesByPlayer;
    this.zonesAgainstTeam = zonesAgainstTeam;
    this.leagueDays = leagueDays;
  }

  /** The history views of the box scores it is applied to, with the team games, zone games and league days. */
  public static PTransform<PCollection<PlayerGameSummary>, History> of(
      PCollection<TeamGameSummary> teamGames, PCollection<ZoneGame> zoneGames, PCollection<LeagueDay> leagueDays) {
    return new PTransform<PCollection<PlayerGameSummary>, History>() {
      @Override
      public History expand(PCollection<PlayerGameSummary> games) {
        return new History(
            games.getPipeline(),
            global("Games", games)
                .apply("KeyGamesByPlayer", WithKeys.of((PlayerGameSummary g) -> PlayerKeys.of(g.getPlayerId(), g.getPlayerLookup())).withKeyType(TypeDescriptors.strings()))
                .apply("GamesByPlayer", View.asMultimap()),
            global("TeamGames", teamGames)
                .apply("KeyGamesByTeam", WithKeys.of(TeamGameSummary::getTeamAbbr).withKeyType(TypeDescriptors.strings()))
                .apply("GamesByTeam", View.asMultimap()),
            global("ZoneGames", zoneGames)
                .apply("KeyZonesByPlayer", WithKeys.of((ZoneGame z) -> PlayerKeys.of(z.getPlayerId(), z.getPlayerLookup())).withKeyType(TypeDescriptors.strings()))
                .apply("ZonesByPlayer", View.asMultimap()),
            global("ZoneGamesAgainst", zoneGames)
                .apply(
                    "KeyZonesByDefender",
                    WithKeys.of((ZoneGame z) -> z.getDefendingTeamAbbr() == null ? "" : z.getDefendingTeamAbbr())
                        .withKeyType(TypeDescriptors.strings()))
                .apply("ZonesAgainstTeam", View.asMultimap()),
            global("LeagueDays", leagueDays).apply("LeagueDaysView", View.asList()));
      }
    };
  }

  /** History is read from every day's window, so it lives in the global window whatever produced it. */
  private static <T> PCollection<T> global(String name, PCollection<T> rows) {
    return SideInputCache.singlePane(name, rows.apply(name + "InGlobalWindow", Window.<T>into(new GlobalWindows())));
  }

  public PCollectionView<?>[] all() {
    return new PCollectionView<?>[] {gamesByPlayer, gamesByTeam, zonesByPlayer, zonesAgainstTeam, leagueDays};
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<>("gamesByPlayer"), gamesByPlayer);
    all.put(new TupleTag<>("gamesByTeam"), gamesByTeam);
    all.put(new TupleTag<>("zonesByPlayer"), zonesByPlayer);
    all.put(new TupleTag<>("zonesAgainstTeam"), zonesAgainstTeam);
    all.put(new TupleTag<>("leagueDays"), leagueDays);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
