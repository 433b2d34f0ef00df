package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static transforms.features.FeatureRows.D;
import static transforms.features.FeatureRows.context;
import static transforms.features.FeatureRows.game;
import static transforms.features.FeatureRows.leagueDay;
import static transforms.features.FeatureRows.teamGame;
import static transforms.features.FeatureRows.zones;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;
import org.junit.Rule;
import org.junit.Test;
import schemas.MlFeatureStoreV2;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import transforms.games.History;

/**
 * Phase 4 and the feature store as one step: all six outputs for a day's context. (A row the feature vector
 * cannot be computed for becomes a gap in {@link BuildFeatureVectorsTest}; through this whole step such a row
 * would already fail the as-of steps, so here the gaps output must stay empty.)
 */
public class BuildFeatureStoreTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static List<schemas.TeamGameSummary> teamGames() {
    return List.of(
        teamGame("BOS", "NYK", "2024-01-10", true, 110, 100, 100, 100),
        teamGame("NYK", "BOS", "2024-01-10", false, 100, 110, 96, 96));
  }

  /** The run has no line and no shot-zone file. */
  private FeedCoverage feeds() {
    return FeatureRows.noOptionalFeeds(p);
  }

  private History history() throws Exception {
    return FeatureRows.history(p,
        List.of(
            game("annexample", "2024-01-10", 30, 20), game("annexample", "2024-01-18", 30, 12),
            game("annexample", D, 40, 50)), // D itself: never seen for D
        teamGames(),
        List.of(zones("annexample", "BOS", "NYK", "2024-01-10", 6, 4, 2, 1, 2, 0)),
        List.of(leagueDay("2024-01-10", 2, 194, 20, 11, 10, 4, 20, 7)));
  }

  @Test
  public void aDaysContextBecomesAllSixOutputs() throws Exception {
    FeatureStore store =
        FeatureRows.context(p, context("annexample", D, "BOS", "NYK"), context("bobexample", D, "NYK", "BOS"))
            .apply(new BuildFeatureStore(history(), null, feeds()));
    assertThat(store.cacheComputed, equalTo(true));

    PAssert.that(store.dailyCache).satisfies(rows -> {
      Map<String, PlayerDailyCache> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getCacheDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      assertThat(by.get("annexample@2024-01-20").getGamesPlayedSeason(), equalTo(2));
      assertThat(by.get("bobexample@2024-01-20").getGamesPlayedSeason(), equalTo(0));
      return null;
    });
    PAssert.that(store.shotZones).satisfies(rows -> {
      Map<String, PlayerShotZoneAnalysis> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getAnalysisDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      assertThat(by.get("annexample@2024-01-20").getZoneFgaLast10(), equalTo(10));
      return null;
    });
    PAssert.that(store.teamDefense).satisfies(rows -> {
      Map<String, TeamDefenseZoneAnalysis> by = FeatureRows.byKey(rows, r -> r.getTeamAbbr() + "@" + r.getAnalysisDate());
      assertThat(by.keySet(), contains("BOS@2024-01-20", "NYK@2024-01-20"));
      assertThat(by.get("NYK@2024-01-20").getPaceLast10(), closeTo(96.0, 1e-12));
      return null;
    });
    PAssert.that(store.compositeFactors).satisfies(rows -> {
      Map<String, PlayerCompositeFactors> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getGameDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      // joined with the day's own team rows: BOS 100, NYK 96, league 97
      assertThat(by.get("annexample@2024-01-20").getPaceScore(), closeTo(1.0, 1e-12));
      assertThat(by.get("bobexample@2024-01-20").getTeamPaceLast10(), closeTo(96.0, 1e-12));
      return null;
    });
    PAssert.that(store.features).satisfies(rows -> {
      Map<String, MlFeatureStoreV2> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getGameDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      MlFeatureStoreV2 ann = by.get("annexample@2024-01-20");
      assertThat(ann.getGamesPlayedSeason(), equalTo(2));
      assertThat(ann.getCacheMissFallbackUsed(), equalTo(false));
      assertThat(ann.getFeatures().get(FeatureContract.indexOf("pts_avg_season")), closeTo(16.0, 1e-12));
      assertThat(ann.getFeatures().get(FeatureContract.indexOf("pace_score")), closeTo(1.0, 1e-12));
      assertThat(by.get("bobexample@2024-01-20").getCacheMissFallbackUsed(), equalTo(false));
      return null;
    });
    PAssert.that(store.gaps).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void aPersistedCacheIsUsedAndAPlayerItLacksIsRecomputedAndFlagged() throws Exception {
    History history = history();
    PlayerDailyCache persisted =
        AsOf.dailyCache(FeatureRows.context("annexample", D, "BOS", "NYK"), List.of(game("annexample", "2024-01-18", 30, 30)));
    FeatureStore store =
        FeatureRows.context(p, context("annexample", D, "BOS", "NYK"), context("bobexample", D, "NYK", "BOS"))
            .apply(new BuildFeatureStore(
                history, FeatureRows.daily(p, "Persisted", PlayerDailyCache.class, PlayerDailyCache::getCacheDate, persisted),
                feeds()));
    assertThat(store.cacheComputed, equalTo(false));

    PAssert.that(store.dailyCache).containsInAnyOrder(persisted);
    PAssert.that(store.features).satisfies(rows -> {
      Map<String, MlFeatureStoreV2> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getGameDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      MlFeatureStoreV2 ann = by.get("annexample@2024-01-20");
      assertThat(ann.getCacheMissFallbackUsed(), equalTo(false));
      assertThat(ann.getFeatures().get(FeatureContract.indexOf("pts_avg_season")), closeTo(30.0, 1e-12)); // the persisted row's
      assertThat(by.get("bobexample@2024-01-20").getCacheMissFallbackUsed(), equalTo(true));
      return null;
    });
    PAssert.that(store.gaps).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void anUnboundedContextIsRefusedWhenTheGraphIsBuilt() throws Exception {
    PCollection<UpcomingPlayerGameContext> unbounded = p.apply("Unbounded",
        org.apache.beam.sdk.testing.TestStream.create(SchemaCoders.of(UpcomingPlayerGameContext.class))
            .addElements(context("annexample", D, "BOS", "NYK")).advanceWatermarkToInfinity());
    History history = history();
    IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> unbounded.apply(new BuildFeatureStore(history, null, feeds())));
    assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("bounded context"));
    p.enableAbandonedNodeEnforcement(false);
  }
}
