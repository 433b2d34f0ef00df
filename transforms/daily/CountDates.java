package transforms.daily;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the distinct dates of a run's work in a counter, so the driver (and Dataflow's job page) can tell how much
 * of the run is done while it runs: "dates built of the range". A Distinct is a shuffle of one key per date, so it
 * is counted once whatever the bundles, and early: it needs only the rows read, not the features.
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
        .apply("DistinctDates", Distinct.create())
        .apply("Count", ParDo.of(new DoFn<String, String>() {
          private final Counter counter = Metrics.counter(namespace, name);

          @ProcessElement
          public void process(@Element String date, OutputReceiver<String> out) {
            counter.inc();
            out.output(date);
          }
        }));
  }
}
