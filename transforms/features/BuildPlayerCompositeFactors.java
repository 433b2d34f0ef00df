package transforms.features;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import schemas.PlayerCompositeFactors;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code player_composite_factors}: each context row joined with the day's cache, shot profile and both teams'
 * rows ({@link DayTables}) into {@link CompositeFactors}. The join is a per-date CoGroupByKey
 * ({@link DayTables#joinedWith}): each row of each table shuffled once, a group one date.
 */
public final class BuildPlayerCompositeFactors
    extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollection<PlayerCompositeFactors>> {
  private final DayTables tables;

  BuildPlayerCompositeFactors(DayTables tables) {
    this.tables = tables;
  }

  @Override
  public PCollection<PlayerCompositeFactors> expand(PCollection<UpcomingPlayerGameContext> context) {
    DayTables.Tags tags = tables.tags();
    return tables.joinedWith(context, tags)
        .apply("ComputeFactors", ParDo.of(new FactorsFn(tags, tables)).withSideInputs(tables.globalViews()));
  }

  static final class FactorsFn extends DoFn<KV<String, CoGbkResult>, PlayerCompositeFactors> {
    private final DayTables.Tags tags;
    private final DayTables.GlobalReads views;

    FactorsFn(DayTables.Tags tags, DayTables tables) {
      this.tags = tags;
      this.views = tables.globalReads();
    }

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window) {
      DayTables.Day day = new DayTables.Grouped(c.element().getValue(), tags);
      for (UpcomingPlayerGameContext ctx : tags.context.in(c.element().getValue())) {
        c.output(views.inputs(ctx, day, c, window).composite);
      }
    }
  }
}
