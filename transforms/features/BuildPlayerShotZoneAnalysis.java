package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerShotZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;
import schemas.vocabulary.PlayerKeys;

/**
 * {@code player_shot_zone_analysis}: for each player of the day's context, {@link AsOf#shotZones}, in the context
 * row's daily window. One per-season pass ({@link SeasonPass}) over the season's zone games, shuffled once by season
 * with the context rows; a key holds one season (≈26k zone games).
 */
public final class BuildPlayerShotZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerShotZoneAnalysis>> {
  private final History history;

  public BuildPlayerShotZoneAnalysis(History history) {
    this.history = history;
  }

  @Override
  public PCollection<PlayerShotZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    return SeasonPass.perPlayer(
        context, "ZoneGames", history.zoneGames, ZoneGame.class, ZoneGame::getSeason,
        z -> PlayerKeys.of(z.getPlayerId(), z.getPlayerLookup()), ZoneGame::getGameDate,
        "ShotZones", AsOf::shotZones, PlayerShotZoneAnalysis.class);
  }
}
