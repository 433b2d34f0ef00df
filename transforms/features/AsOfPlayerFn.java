package transforms.features;

import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableBiFunction;
import org.apache.beam.sdk.values.PCollectionView;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.PlayerKeys;

/**
 * One row per context row from the player's own history (a global-window view keyed by player): the shape
 * of every per-player as-of table. {@code asOf} receives the context row and the player's history (null when
 * he has none) and must keep only what lies before the row's date.
 */
final class AsOfPlayerFn<H, O> extends DoFn<UpcomingPlayerGameContext, O> {
  private final PCollectionView<Map<String, Iterable<H>>> history;
  private final SerializableBiFunction<UpcomingPlayerGameContext, Iterable<H>, O> asOf;
  private final SideInputCache views = new SideInputCache();

  @StartBundle
  public void startBundle() {
    views.clear(); // a reused instance must not serve a view read in an earlier bundle
  }

  AsOfPlayerFn(
      PCollectionView<Map<String, Iterable<H>>> history,
      SerializableBiFunction<UpcomingPlayerGameContext, Iterable<H>, O> asOf) {
    this.history = history;
    this.asOf = asOf;
  }

  @ProcessElement
  public void process(ProcessContext c, BoundedWindow window) {
    UpcomingPlayerGameContext p = c.element();
    c.output(asOf.apply(p, views.get(c, window, history).get(PlayerKeys.of(p.getPlayerId(), p.getPlayerLookup()))));
  }
}
