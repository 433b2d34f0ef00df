package schemas;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;

/** Schema coders of the record classes, for where Beam cannot infer one by itself. */
public final class SchemaCoders {
  private SchemaCoders() {}

  /** Every record class of this package; each gets its schema coder registered by {@link #registerAll}. */
  private static final List<Class<?>> RECORDS =
      List.of(
          DeadLetter.class, FeatureStoreGap.class, LeagueDay.class, MlFeatureStoreV2.class, PlayerCompositeFactors.class,
          PlayerDailyCache.class, PlayerGameSummary.class, PlayerShotZoneAnalysis.class, PropLine.class,
          PlayerPropPrediction.class, PredictionGrade.class, GradingSummary.class, PropSnapshotOffer.class, ScheduledGame.class, ShotZoneAttempts.class, TeamDefenseZoneAnalysis.class,
          TeamGameSummary.class, UpcomingPlayerGameContext.class, ZoneGame.class);

  /**
   * Registers every record's schema coder, so that Beam can infer coders for collections that nest records
   * (e.g. {@code KV<String, PlayerGameSummary>}), which schema inference alone does not cover. Every pipeline
   * calls it once, before building its graph.
   */
  public static void registerAll(Pipeline p) {
    for (Class<?> type : RECORDS) {
      register(p, type);
    }
  }

  private static <T> void register(Pipeline p, Class<T> type) {
    p.getSchemaRegistry().registerSchemaProvider(type, new CompactAutoValueSchema());
    p.getCoderRegistry().registerCoderForClass(type, RecordCoder.of(type));
  }

  /** The coder of a record class (see {@link RecordCoder} for why it is not a plain SchemaCoder). */
  public static <T> Coder<T> of(Class<T> type) {
    return RecordCoder.of(type);
  }

  /**
   * The coder of prop snapshot file parts: one file's offers of one game date, keyed by the file's name, as one
   * element (the unit consensus lines are built from).
   */
  public static Coder<KV<String, List<PropSnapshotOffer>>> snapshotFileParts() {
    return KvCoder.of(StringUtf8Coder.of(), ListCoder.of(of(PropSnapshotOffer.class)));
  }
}
