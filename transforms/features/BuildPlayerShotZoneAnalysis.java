package transforms.features;

import transforms.games.History;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerShotZoneAnalysis;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;

/** {@code player_shot_zone_analysis}: for each player of the day's context, {@link AsOf#shotZones}. */
public final class BuildPlayerShotZoneAnalysis
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerShotZoneAnalysis>> {
  private final History history;

  public BuildPlayerShotZoneAnalysis(History history) {
    this.history = history;
  }

  @Override
  public PCollection<PlayerShotZoneAnalysis> expand(PCollection<UpcomingPlayerGameContext> context) {
    return context.apply(
        "AsOfShotZones",
        ParDo.of(new AsOfPlayerFn<ZoneGame, PlayerShotZoneAnalysis>(
                history.zonesByPlayer, AsOf::shotZones))
            .withSideInputs(history.zonesByPlayer))
        .setCoder(SchemaCoders.of(PlayerShotZoneAnalysis.class)); // the generic DoFn hides its output type
  }
}
