package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import schemas.PlayerShotZoneAnalysis;
import schemas.SchemaCoders;
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
    EncodedRows<TimestampedValue<UpcomingPlayerGameContext>> rows = SeasonPass.contextRows();
    EncodedRows<ZoneGame> zones = EncodedRows.of(SchemaCoders.of(ZoneGame.class));
    PCollection<PlayerShotZoneAnalysis> out =
        KeyedPCollectionTuple.of(rows.tag, SeasonPass.context("Context", context, rows))
            .and(zones.tag, SeasonPass.history("ZoneGames", history.zoneGames, zones, ZoneGame::getSeason))
            .apply("SeasonsWithZoneGames", CoGroupByKey.create())
            .apply(
                "AsOfShotZones",
                ParDo.of(new SeasonPass.PlayerFn<ZoneGame, PlayerShotZoneAnalysis>(
                    rows, zones, z -> PlayerKeys.of(z.getPlayerId(), z.getPlayerLookup()), ZoneGame::getGameDate, AsOf::shotZones)))
            .setCoder(SchemaCoders.of(PlayerShotZoneAnalysis.class)); // the generic DoFn hides its output type
    return SeasonPass.daily("ShotZonesDaily", out);
  }
}
