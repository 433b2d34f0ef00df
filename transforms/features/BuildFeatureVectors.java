package transforms.features;

import java.io.Serializable;
import java.util.function.Supplier;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
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
 *
 * <p>The run's own context is joined with the day's tables by a per-date CoGroupByKey ({@link DayTables#joinedWith});
 * rows that come after the tables, in panes of their own (a same-day watch's line updates), read them as per-date
 * views instead ({@link #ofLaterRows}). Same join, same vector.
 */
public final class BuildFeatureVectors extends PTransform<PCollection<UpcomingPlayerGameContext>, PCollectionTuple> {
  public static final TupleTag<MlFeatureStoreV2> FEATURES = new TupleTag<MlFeatureStoreV2>() {};
  public static final TupleTag<FeatureStoreGap> GAPS = new TupleTag<FeatureStoreGap>() {};

  private final DayTables tables;
  private final boolean laterRows;

  BuildFeatureVectors(DayTables tables) {
    this(tables, false);
  }

  private BuildFeatureVectors(DayTables tables, boolean laterRows) {
    this.tables = tables;
    this.laterRows = laterRows;
  }

  /** For rows other than the context the tables were built from, arriving after them: joined through views. */
  static BuildFeatureVectors ofLaterRows(DayTables tables) {
    return new BuildFeatureVectors(tables, true);
  }

  @Override
  public PCollectionTuple expand(PCollection<UpcomingPlayerGameContext> context) {
    PCollectionTuple out;
    if (laterRows) {
      DayTables.Views views = tables.views();
      out = context.apply(
          "Vectorize",
          ParDo.of(new ViewVectorFn(views)).withSideInputs(views.all()).withOutputTags(FEATURES, TupleTagList.of(GAPS)));
    } else {
      DayTables.Tags tags = tables.tags();
      out = tables.joinedWith(context, tags)
          .apply(
              "Vectorize",
              ParDo.of(new JoinVectorFn(tags, tables)).withSideInputs(tables.globalViews())
                  .withOutputTags(FEATURES, TupleTagList.of(GAPS)));
    }
    out.get(FEATURES).setCoder(SchemaCoders.of(MlFeatureStoreV2.class));
    out.get(GAPS).setCoder(SchemaCoders.of(FeatureStoreGap.class));
    return out;
  }

  /** One row's vector, or its gap: a defect in one player's computation must not sink the day. */
  static final class Vectorizer implements Serializable {
    private final Counter rows = Metrics.counter("features", "feature_rows");
    private final Counter ready = Metrics.counter("features", "quality_ready_rows");
    private final Counter fallback = Metrics.counter("features", "cache_miss_fallback_rows");
    private final Counter gaps = Metrics.counter("features", "gap_rows");

    void emit(UpcomingPlayerGameContext ctx, Supplier<FeatureContract.Inputs> inputs, DoFn.MultiOutputReceiver out) {
      MlFeatureStoreV2 row;
      try {
        row = FeatureContract.vector(inputs.get());
      } catch (RuntimeException e) {
        // The gap names it and the run reports it.
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

  /** A date's context rows with the day's rows ({@link DayTables#joinedWith}). */
  static final class JoinVectorFn extends DoFn<KV<String, CoGbkResult>, MlFeatureStoreV2> {
    private final DayTables.Tags tags;
    private final DayTables.GlobalReads views;
    private final Vectorizer vectorizer = new Vectorizer();

    JoinVectorFn(DayTables.Tags tags, DayTables tables) {
      this.tags = tags;
      this.views = tables.globalReads();
    }

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window, MultiOutputReceiver out) {
      DayTables.Day day = new DayTables.Grouped(c.element().getValue(), tags);
      for (UpcomingPlayerGameContext ctx : tags.context.in(c.element().getValue())) {
        vectorizer.emit(ctx,
            () -> views.inputs(ctx, day, c, window), out);
      }
    }
  }

  /** A later row, with the day's tables as views of its window. */
  static final class ViewVectorFn extends DoFn<UpcomingPlayerGameContext, MlFeatureStoreV2> {
    private final DayTables.Views views;
    private final Vectorizer vectorizer = new Vectorizer();

    ViewVectorFn(DayTables.Views views) {
      this.views = views;
    }

    @StartBundle
    public void startBundle() {
      views.clearCache();
    }

    @ProcessElement
    public void process(ProcessContext c, BoundedWindow window, MultiOutputReceiver out) {
      vectorizer.emit(c.element(), () -> views.inputs(c, window), out);
    }
  }
}
