package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
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
    return SeasonPass.perPlayer(
        context, "Games", history.games, PlayerGameSummary.class, PlayerGameSummary::getSeason,
        g -> PlayerKeys.of(g.getPlayerId(), g.getPlayerLookup()), PlayerGameSummary::getGameDate,
        "DailyCache", AsOf::dailyCache, PlayerDailyCache.class);
  }
}
