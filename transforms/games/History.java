package transforms.games;

import transforms.daily.SideInputCache;

import java.util.LinkedHashMap;
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
 * Everything played so far, in the global window: the box scores, team games, zone games and league days as
 * collections (the per-season passes of {@code transforms.features} shuffle them by season), and the box scores
 * by player and the team games by team as side inputs (players by {@link PlayerKeys}: the id, else the folded name;
 * teams by abbreviation), for the steps that look one player or team up from a day's window: rest days in the
 * context, the same-day universe, a persisted cache's missing row. A daily window of D reads them and keeps only
 * what is before D. A global-window side input is visible from every daily window, bounded or streaming.
 *
 * <p>Cost: each view holds every box score or team game of the run (a season is ~25k box scores, a few MB),
 * broadcast whole to every worker that reads it; at many seasons or leagues that stops being cheap, and those
 * lookups would become per-season shuffles like the Phase 4 tables'. The zone games and league days are no longer
 * views: only the per-season passes read them.
 */
public final class History implements POutput {
  public final PCollection<PlayerGameSummary> games;
  public final PCollection<TeamGameSummary> teamGames;
  public final PCollection<ZoneGame> zoneGames;
  public final PCollection<LeagueDay> leagueDays;
  public final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> gamesByPlayer;
  public final PCollectionView<Map<String, Iterable<TeamGameSummary>>> gamesByTeam;
  private final Pipeline pipeline;

  private History(
      Pipeline pipeline,
      PCollection<PlayerGameSummary> games,
      PCollection<TeamGameSummary> teamGames,
      PCollection<ZoneGame> zoneGames,
      PCollection<LeagueDay> leagueDays,
      PCollectionView<Map<String, Iterable<PlayerGameSummary>>> gamesByPlayer,
      PCollectionView<Map<String, Iterable<TeamGameSummary>>> gamesByTeam) {
    this.pipeline = pipeline;
    this.games = games;
    this.teamGames = teamGames;
    this.zoneGames = zoneGames;
    this.leagueDays = leagueDays;
    this.gamesByPlayer = gamesByPlayer;
    this.gamesByTeam = gamesByTeam;
  }

  /** The history of the box scores it is applied to, with the team games, zone games and league days. */
  public static PTransform<PCollection<PlayerGameSummary>, History> of(
      PCollection<TeamGameSummary> teamGames, PCollection<ZoneGame> zoneGames, PCollection<LeagueDay> leagueDays) {
    return new PTransform<PCollection<PlayerGameSummary>, History>() {
      @Override
      public History expand(PCollection<PlayerGameSummary> games) {
        PCollection<PlayerGameSummary> allGames = global("Games", games);
        PCollection<TeamGameSummary> allTeamGames = global("TeamGames", teamGames);
        return new History(
            games.getPipeline(),
            allGames,
            allTeamGames,
            global("ZoneGames", zoneGames),
            global("LeagueDays", leagueDays),
            allGames
                .apply("KeyGamesByPlayer", WithKeys.of((PlayerGameSummary g) -> PlayerKeys.of(g.getPlayerId(), g.getPlayerLookup())).withKeyType(TypeDescriptors.strings()))
                .apply("GamesByPlayer", View.asMultimap()),
            allTeamGames
                .apply("KeyGamesByTeam", WithKeys.of(TeamGameSummary::getTeamAbbr).withKeyType(TypeDescriptors.strings()))
                .apply("GamesByTeam", View.asMultimap()));
      }
    };
  }

  /** History is read from every day's window, so it lives in the global window whatever produced it. */
  private static <T> PCollection<T> global(String name, PCollection<T> rows) {
    return SideInputCache.singlePane(name, rows.apply(name + "InGlobalWindow", Window.<T>into(new GlobalWindows())));
  }

  /** The side inputs. */
  public PCollectionView<?>[] all() {
    return new PCollectionView<?>[] {gamesByPlayer, gamesByTeam};
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>();
    all.put(new TupleTag<>("games"), games);
    all.put(new TupleTag<>("teamGames"), teamGames);
    all.put(new TupleTag<>("zoneGames"), zoneGames);
    all.put(new TupleTag<>("leagueDays"), leagueDays);
    all.put(new TupleTag<>("gamesByPlayer"), gamesByPlayer);
    all.put(new TupleTag<>("gamesByTeam"), gamesByTeam);
    return all;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
