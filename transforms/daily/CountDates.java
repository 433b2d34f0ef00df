package transforms.daily;

import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Counts the distinct dates of a run's work in a counter, so the driver (and Dataflow's job page) can tell how much
 * of the run is done while it runs: "dates built of the range". The dates are made distinct by a shuffle keyed by
 * their month ({@link GroupByDate#shardOf}, a date falls in one month only), so each is counted once whatever the
 * bundles, and early: it needs only the rows read, not the features. Keyed by month rather than by date: on the
 * DirectRunner every key is a bundle through the counting step.
 */
public final class CountDates extends PTransform<PCollection<String>, PCollection<String>> {
  private final String namespace;
  private final String name;

  public CountDates(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public PCollection<String> expand(PCollection<String> dates) {
    return dates
        .apply("InGlobalWindow", Window.<String>into(new GlobalWindows()))
        .apply("ByMonth", WithKeys.of((String date) -> GroupByDate.shardOf(date)).withKeyType(TypeDescriptors.strings()))
        .apply("DistinctDates", Combine.perKey(new SortedDistinct()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("Count", ParDo.of(new CountFn(namespace, name)));
  }

  private static final class CountFn extends DoFn<KV<String, List<String>>, String> {
    private final Counter counter;

    CountFn(String namespace, String name) {
      this.counter = Metrics.counter(namespace, name);
    }

    @ProcessElement
    public void process(@Element KV<String, List<String>> month, OutputReceiver<String> out) {
      counter.inc(month.getValue().size());
      month.getValue().forEach(out::output);
    }
  }
}
