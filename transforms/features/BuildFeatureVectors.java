package transforms.features;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import schemas.FeatureStoreGap;
import schemas.MlFeatureStoreV2;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;

/**
 * {@code ml_feature_store_v2} and {@code feature_store_gaps}: each context row joined with the day's cache,
 * composite factors, shot profile and both teams' rows ({@link DayTables}) into one {@link FeatureContract}
 * vector. Every universe row ends as a feature row or a gap with its reason. A missing cache row is
 * recomputed from history and the feature row says so ({@code cache_miss_fallback_used}).
 */
public final class BuildFeatureVectors extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollectionTuple> {
  public static final TupleTag<MlFeatureStoreV2> FEATURES = new TupleTag<MlFeatureStoreV2>() {};
  public static final TupleTag<FeatureStoreGap> GAPS = new TupleTag<FeatureStoreGap>() {};

  private final DayTables tables;

  BuildFeatureVectors(DayTables tables) {
    this.tables = tables;
  }

  @Override
  public PCollectionTuple expand(PCollection<UpcomingPlayerGameContext> context) {
    PCollectionTuple out =
        context.apply(
            "Vectorize",
            ParDo.of(new VectorFn(tables)).withSideInputs(tables.views()).withOutputTags(FEATURES, TupleTagList.of(GAPS)));
    out.get(FEATURES).setCoder(SchemaCoders.of(MlFeatureStoreV2.class));
    out.get(GAPS).setCoder(SchemaCoders.of(FeatureStoreGap.class));
    return out;
  }

  static final class VectorFn extends DoFn<UpcomingPlayerGameContext, MlFeatureStoreV2> {
    private final DayTables tables;
    private final Counter rows = Metrics.counter("features", "feature_rows");
    private final Counter ready = Metrics.counter("features", "quality_ready_rows");
    private final Counter fallback = Metrics.counter("features", "cache_miss_fallback_rows");
    private final Counter gaps = Metrics.counter("features", "gap_rows");

    @StartBundle
    public void startBundle() {
      tables.clearCache();
    }

    VectorFn(DayTables tables) {
      this.tables = tables;
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window, MultiOutputReceiver out) {
      UpcomingPlayerGameContext ctx = c.element();
      MlFeatureStoreV2 row;
      try {
        row = FeatureContract.vector(tables.inputs(c, window));
      } catch (RuntimeException e) {
        // A defect in one player's computation must not sink the day: the gap names it and the run reports it.
        gaps.inc();
        out.get(GAPS).output(
            FeatureStoreGap.builder()
                .setPlayerLookup(ctx.getPlayerLookup())
                .setPlayerId(ctx.getPlayerId())
                .setGameDate(ctx.getGameDate())
                .setReason("feature computation failed: " + e)
                .build());
        return;
      }
      rows.inc();
      if (row.getIsQualityReady()) {
        ready.inc();
      }
      if (row.getCacheMissFallbackUsed()) {
        fallback.inc();
      }
      out.get(FEATURES).output(row);
    }
  }
}
