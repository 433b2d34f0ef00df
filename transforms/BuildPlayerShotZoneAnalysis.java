package transforms;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import schemas.ZoneGame;
import schemas.PlayerShotZoneAnalysis;
import schemas.UpcomingPlayerGameContext;

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
        "AsOfShotZones", ParDo.of(new ZonesFn(history.zonesByPlayer)).withSideInputs(history.zonesByPlayer));
  }

  static final class ZonesFn extends DoFn<UpcomingPlayerGameContext, PlayerShotZoneAnalysis> {
    private final PCollectionView<Map<String, Iterable<ZoneGame>>> zones;

    ZonesFn(PCollectionView<Map<String, Iterable<ZoneGame>>> zones) {
      this.zones = zones;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      UpcomingPlayerGameContext p = c.element();
      c.output(AsOf.shotZones(p.getPlayerLookup(), p.getGameDate(), c.sideInput(zones).get(p.getPlayerLookup())));
    }
  }
}
