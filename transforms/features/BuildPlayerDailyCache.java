package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.PlayerKeys;

/**
 * {@code player_daily_cache}: for each player of the day's context, {@link AsOf#dailyCache} over his history, in
 * the context row's daily window.
 *
 * <p>One per-season pass ({@link SeasonPass}): the season's context rows and box scores are shuffled together by
 * season, each player's games sorted once, and every context row of the season computed from them. Scaling: each
 * box score and context row is shuffled once (nothing is broadcast); the state of a key is one season (≈26k box
 * scores and as many context rows); seasons run in parallel.
 */
public final class BuildPlayerDailyCache
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerDailyCache>> {
  private final History history;

  public BuildPlayerDailyCache(History history) {
    this.history = history;
  }

  @Override
  public PCollection<PlayerDailyCache> expand(PCollection<UpcomingPlayerGameContext> context) {
    EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows = SeasonPass.contextRows();
    EncodedRows<PlayerGameSummary> games = EncodedRows.of(SchemaCoders.of(PlayerGameSummary.class));
    PCollection<PlayerDailyCache> cache =
        KeyedPCollectionTuple.of(rows.tag, SeasonPass.context("Context", context, rows))
            .and(games.tag, SeasonPass.history("Games", history.games, games, PlayerGameSummary::getSeason))
            .apply("SeasonsWithGames", CoGroupByKey.create())
            .apply(
                "AsOfDailyCache",
                ParDo.of(new SeasonPass.PlayerFn<PlayerGameSummary, PlayerDailyCache>(
                    rows, games, g -> PlayerKeys.of(g.getPlayerId(), g.getPlayerLookup()), PlayerGameSummary::getGameDate,
                    AsOf::dailyCache)))
            .setCoder(SchemaCoders.of(PlayerDailyCache.class)); // the generic DoFn hides its output type
    return SeasonPass.daily("DailyCacheDaily", cache);
  }
}
