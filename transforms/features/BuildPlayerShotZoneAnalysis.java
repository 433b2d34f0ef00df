package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
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
    TupleTag<TimestampedValue<UpcomingPlayerGameContext>> rows = new TupleTag<>();
    TupleTag<ZoneGame> zones = new TupleTag<>();
    PCollection<PlayerShotZoneAnalysis> out =
        KeyedPCollectionTuple.of(rows, SeasonPass.context("Context", context))
            .and(zones, SeasonPass.history("ZoneGames", history.zoneGames, ZoneGame::getSeason))
            .apply("SeasonsWithZoneGames", CoGroupByKey.create())
            .apply(
                "AsOfShotZones",
                ParDo.of(new SeasonPass.PlayerFn<ZoneGame, PlayerShotZoneAnalysis>(
                    rows, zones, z -> PlayerKeys.of(z.getPlayerId(), z.getPlayerLookup()), ZoneGame::getGameDate, AsOf::shotZones)))
            .setCoder(SchemaCoders.of(PlayerShotZoneAnalysis.class)); // the generic DoFn hides its output type
    return SeasonPass.daily("ShotZonesDaily", out);
  }
}
