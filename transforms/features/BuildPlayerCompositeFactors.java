package transforms.features;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerCompositeFactors;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code player_composite_factors}: each context row joined with the day's cache, shot profile and both teams'
 * rows ({@link DayTables}) into {@link CompositeFactors}.
 */
public final class BuildPlayerCompositeFactors
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerCompositeFactors>> {
  private final DayTables tables;

  BuildPlayerCompositeFactors(DayTables tables) {
    this.tables = tables;
  }

  @Override
  public PCollection<PlayerCompositeFactors> expand(PCollection<UpcomingPlayerGameContext> context) {
    return context.apply("ComputeFactors", ParDo.of(new FactorsFn(tables)).withSideInputs(tables.views()));
  }

  static final class FactorsFn extends DoFn<UpcomingPlayerGameContext, PlayerCompositeFactors> {
    private final DayTables tables;

    @StartBundle
    public void startBundle() {
      tables.clearCache();
    }

    FactorsFn(DayTables tables) {
      this.tables = tables;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      c.output(tables.inputs(c, window).composite);
    }
  }
}
