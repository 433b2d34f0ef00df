package transforms.daily;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.joda.time.Duration;

/**
 * A DoFn's side inputs, read once per side-input window and bundle instead of once per element. The DirectRunner
 * rebuilds a map or multimap view from its whole contents on every {@code sideInput} call, so a per-element lookup
 * into a season's history cost a pass over the season each time: the backfill was quadratic in its rows (profiled:
 * 75% of the worker threads' samples were in that rebuild).
 *
 * <p>The value is kept per view and per <em>side-input</em> window, the one the view's window mapping gives the
 * element's window: every daily window maps to the one global window of a history view, so a bundle holding many
 * dates reads such a view once, not once per date (a view's value in a side-input window is the same whichever
 * main window asks).
 *
 * <p>Two rules keep it exact on any runner. A runner reuses a DoFn instance across bundles for as long as it
 * likes (hours on Dataflow), and a view read in one bundle may have been updated by the next: the owning DoFn
 * calls {@link #clear()} in its {@code @StartBundle}, so nothing outlives a bundle. And within a bundle the value
 * is kept per window, which is exact only for a view that fires one pane per window: {@link #singlePane} refuses
 * any other where the view is built.
 */
public final class SideInputCache implements Serializable {
  private transient Map<PCollectionView<?>, Map<BoundedWindow, Object>> values;

  @SuppressWarnings("unchecked")
  public <T> T get(DoFn<?, ?>.ProcessContext c, BoundedWindow w, PCollectionView<T> view) {
    if (values == null) {
      values = new HashMap<>();
    }
    BoundedWindow sideWindow = view.getWindowMappingFn().getSideInputWindow(w);
    return (T) values.computeIfAbsent(view, v -> new HashMap<>()).computeIfAbsent(sideWindow, sw -> c.sideInput(view));
  }

  /** Forgets every value: call it from the owning DoFn's {@code @StartBundle}. */
  public void clear() {
    values = null;
  }

  /**
   * {@code viewed}, checked to fire exactly one pane per window (the default trigger or the watermark's, no
   * allowed lateness), so a cached view cannot go stale within a bundle; otherwise an IllegalArgumentException
   * when the graph is built.
   */
  public static <T> PCollection<T> singlePane(String view, PCollection<T> viewed) {
    WindowingStrategy<?, ?> w = viewed.getWindowingStrategy();
    Trigger t = w.getTrigger();
    boolean once = t instanceof DefaultTrigger || t instanceof AfterWatermark.FromEndOfWindow;
    if (!once || w.getAllowedLateness().isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("side input " + view + " is read through SideInputCache, which needs one pane per"
          + " window, but its collection is triggered " + t + " with allowed lateness " + w.getAllowedLateness());
    }
    return viewed;
  }
}
