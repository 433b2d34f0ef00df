package transforms;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import schemas.PlayerGameSummary;
import schemas.PlayerDailyCache;
import schemas.UpcomingPlayerGameContext;

/** {@code player_daily_cache}: for each player of the day's context, {@link AsOf#dailyCache} over his history. */
public final class BuildPlayerDailyCache
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerDailyCache>> {
  private final History history;

  public BuildPlayerDailyCache(History history) {
    this.history = history;
  }

  @Override
  public PCollection<PlayerDailyCache> expand(PCollection<UpcomingPlayerGameContext> context) {
    return context.apply(
        "AsOfDailyCache", ParDo.of(new CacheFn(history.gamesByPlayer)).withSideInputs(history.gamesByPlayer));
  }

  static final class CacheFn extends DoFn<UpcomingPlayerGameContext, PlayerDailyCache> {
    private final PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games;

    CacheFn(PCollectionView<Map<String, Iterable<PlayerGameSummary>>> games) {
      this.games = games;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      UpcomingPlayerGameContext p = c.element();
      c.output(
          AsOf.dailyCache(
              p.getPlayerLookup(), p.getGameDate(), p.getOpponentTeamAbbr(), c.sideInput(games).get(p.getPlayerLookup())));
    }
  }
}
