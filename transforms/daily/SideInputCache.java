package transforms.daily;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A DoFn's side inputs, read once per window instead of once per element. The DirectRunner rebuilds a map or
 * multimap view from its whole contents on every {@code sideInput} call, so a per-element lookup into a
 * season's history cost a pass over the season each time: the backfill was quadratic in its rows (profiled:
 * 75% of the worker threads' samples were in that rebuild). The views read here are complete before the
 * first element of their window is processed and never change afterwards, so keeping them for the window is
 * exact. Each DoFn instance holds its own (the cache is transient).
 */
public final class SideInputCache implements Serializable {
  private transient BoundedWindow window;
  private transient Map<PCollectionView<?>, Object> values;

  @SuppressWarnings("unchecked")
  public <T> T get(DoFn<?, ?>.ProcessContext c, BoundedWindow w, PCollectionView<T> view) {
    if (values == null || !w.equals(window)) {
      values = new HashMap<>();
      window = w;
    }
    return (T) values.computeIfAbsent(view, c::sideInput);
  }
}
