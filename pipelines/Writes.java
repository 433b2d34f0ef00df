package pipelines;

import io.TableSink;
import org.apache.beam.sdk.values.PCollection;
import schemas.Tables;
import schemas.UpcomingPlayerGameContext;
import transforms.Phase4;

/** The tables every feature-building pipeline writes, in one place so backfill and same-day write the same set. */
final class Writes {
  private Writes() {}

  static void phase4(TableSink sink, PCollection<UpcomingPlayerGameContext> context, Phase4 phase4) {
    sink.write(context, Tables.UPCOMING_PLAYER_GAME_CONTEXT);
    if (phase4.cacheComputed) {
      sink.write(phase4.dailyCache, Tables.PLAYER_DAILY_CACHE);
    }
    sink.write(phase4.shotZones, Tables.PLAYER_SHOT_ZONE_ANALYSIS);
    sink.write(phase4.teamDefense, Tables.TEAM_DEFENSE_ZONE_ANALYSIS);
    sink.write(phase4.compositeFactors, Tables.PLAYER_COMPOSITE_FACTORS);
    sink.write(phase4.features, Tables.ML_FEATURE_STORE_V2);
    sink.write(phase4.gaps, Tables.FEATURE_STORE_GAPS);
  }
}
