package transforms.daily;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** The side-input cache: nothing kept past a bundle, and no view that can fire twice. */
public class SideInputCacheTest {
  @Rule public final transient TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  /** A context whose side input is whatever {@code value[0]} holds when it is read. */
  private static DoFn<String, String>.ProcessContext context(Object[] value) {
    DoFn<String, String> fn = new DoFn<String, String>() {};
    return fn.new ProcessContext() {
      @Override public String element() { return "x"; }
      @Override @SuppressWarnings("unchecked") public <T> T sideInput(PCollectionView<T> view) { return (T) value[0]; }
      @Override public Instant timestamp() { return Instant.EPOCH; }
      @Override public PaneInfo pane() { return PaneInfo.NO_FIRING; }
      @Override public PipelineOptions getPipelineOptions() { return null; }
      @Override public void output(String output) {}
      @Override public void outputWithTimestamp(String output, Instant timestamp) {}
      @Override public void outputWindowedValue(String output, Instant timestamp,
          java.util.Collection<? extends BoundedWindow> windows, PaneInfo paneInfo) {}
      @Override public <T> void output(TupleTag<T> tag, T output) {}
      @Override public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {}
      @Override public <T> void outputWindowedValue(TupleTag<T> tag, T output, Instant timestamp,
          java.util.Collection<? extends BoundedWindow> windows, PaneInfo paneInfo) {}
      @Override public <T> void outputWindowedValue(TupleTag<T> tag, org.apache.beam.sdk.values.WindowedValue<T> v) {}
      @Override public void outputWindowedValue(org.apache.beam.sdk.values.WindowedValue<String> v) {}
      @Override public String currentRecordId() { return null; }
      @Override public Long currentRecordOffset() { return null; }
      @Override public org.apache.beam.sdk.values.CausedByDrain causedByDrain() { return null; }
    };
  }

  @Test
  public void aValueReadInOneBundleIsReadAgainInTheNext() {
    PCollectionView<Map<String, Iterable<String>>> view =
        p.apply(Create.of(org.apache.beam.sdk.values.KV.of("a", "b"))).apply(View.asMultimap());
    Map<String, Iterable<String>> first = Map.of("a", java.util.List.of("first"));
    Map<String, Iterable<String>> second = Map.of("a", java.util.List.of("second"));
    Object[] value = {first};
    SideInputCache cache = new SideInputCache();
    assertThat(cache.get(context(value), GlobalWindow.INSTANCE, view), equalTo(first));
    value[0] = second;
    assertThat("same bundle, same window: kept", cache.get(context(value), GlobalWindow.INSTANCE, view), equalTo(first));
    cache.clear(); // what each owning DoFn's @StartBundle does
    assertThat(cache.get(context(value), GlobalWindow.INSTANCE, view), equalTo(second));
  }

  @Test
  public void aGlobalViewIsReadOncePerBundleWhateverTheDatesAndADailyViewOncePerDate() {
    PCollectionView<Map<String, Iterable<String>>> global =
        p.apply("Global", Create.of(org.apache.beam.sdk.values.KV.of("a", "b"))).apply("GlobalView", View.asMultimap());
    PCollectionView<Map<String, Iterable<String>>> daily =
        p.apply("PerDay", Create.of(org.apache.beam.sdk.values.KV.of("a", "b")))
            .apply("Days", Window.into(FixedWindows.of(Duration.standardDays(1))))
            .apply("DailyView", View.asMultimap());
    org.apache.beam.sdk.transforms.windowing.IntervalWindow monday =
        new org.apache.beam.sdk.transforms.windowing.IntervalWindow(new Instant(0), Duration.standardDays(1));
    org.apache.beam.sdk.transforms.windowing.IntervalWindow tuesday =
        new org.apache.beam.sdk.transforms.windowing.IntervalWindow(new Instant(0).plus(Duration.standardDays(1)), Duration.standardDays(1));
    Map<String, Iterable<String>> first = Map.of("a", java.util.List.of("first"));
    Map<String, Iterable<String>> second = Map.of("a", java.util.List.of("second"));
    Object[] value = {first};
    SideInputCache cache = new SideInputCache();
    assertThat(cache.get(context(value), monday, global), equalTo(first));
    assertThat(cache.get(context(value), monday, daily), equalTo(first));
    value[0] = second;
    // both dates map to the one global window: the bundle's value of it serves every date
    assertThat(cache.get(context(value), tuesday, global), equalTo(first));
    // a daily view's value differs by date: another date is another read, and a date read before keeps its value
    assertThat(cache.get(context(value), tuesday, daily), equalTo(second));
    assertThat(cache.get(context(value), monday, daily), equalTo(first));
  }

  @Test
  public void aViewOfACollectionThatFiresEarlyIsRefusedWhenTheGraphIsBuilt() {
    PCollection<String> once = p.apply("Once", Create.of("a"))
        .apply("Daily", Window.into(FixedWindows.of(Duration.standardDays(1))));
    assertThat(SideInputCache.singlePane("Once", once), equalTo(once));
    PCollection<String> early = p.apply("Early", Create.of("a"))
        .apply("EarlyFirings", Window.<String>into(FixedWindows.of(Duration.standardDays(1)))
            .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.ZERO).accumulatingFiredPanes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlayerDay.view("Early", early, s -> s));
    assertThat(e.getMessage(), containsString("needs one pane per window"));
    PCollection<String> late = p.apply("Late", Create.of("a"))
        .apply("Lateness", Window.<String>into(FixedWindows.of(Duration.standardDays(1)))
            .withAllowedLateness(Duration.standardHours(1)).discardingFiredPanes());
    assertThrows(IllegalArgumentException.class, () -> SideInputCache.singlePane("Late", late));
  }
}
