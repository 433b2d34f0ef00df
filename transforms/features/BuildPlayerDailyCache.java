package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.SchemaCoders;
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
        "AsOfDailyCache",
        ParDo.of(new AsOfPlayerFn<PlayerGameSummary, PlayerDailyCache>(
                history.gamesByPlayer,
                AsOf::dailyCache))
            .withSideInputs(history.gamesByPlayer))
        .setCoder(SchemaCoders.of(PlayerDailyCache.class)); // the generic DoFn hides its output type
  }
}
