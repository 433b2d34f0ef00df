package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static transforms.features.FeatureRows.D;
import static transforms.features.FeatureRows.context;
import static transforms.features.FeatureRows.daily;
import static transforms.features.FeatureRows.game;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import schemas.PlayerCompositeFactors;
import schemas.PlayerDailyCache;
import schemas.PlayerShotZoneAnalysis;
import schemas.TeamDefenseZoneAnalysis;
import transforms.games.History;

/** Each context row joined with the day's cache, shot mix and both teams' rows into its four scores. */
public class BuildPlayerCompositeFactorsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static TeamDefenseZoneAnalysis team(String abbr, double pace, double paint, double mid, double three) {
    return TeamDefenseZoneAnalysis.builder().setIncompleteGamesLast10(0)
        .setTeamAbbr(abbr).setAnalysisDate(D).setSeason("2023-24").setGamesPlayedSeason(10).setGamesInSample(10)
        .setOppPointsAllowedLast10(110.0).setDefRatingLast10(110.0).setOffRatingLast10(110.0).setPaceLast10(pace)
        .setWinPctSeason(0.5).setDaysSinceLastGame(2).setOppZoneFgaLast10(800)
        .setOppRebAllowedLast10(44.0).setOppAstAllowedLast10(25.0).setOppFg3mAllowedLast10(12.5).setUsagePossessionsLast10(100.0)
        .setOppFgPctAllowedPaint(paint).setOppFgPctAllowedMidRange(mid).setOppFgPctAllowedThree(three)
        .setLeagueFgPctPaint(0.55).setLeagueFgPctMidRange(0.4).setLeagueFgPctThree(0.375).setLeaguePaceSeason(97.0)
        .build();
  }

  @Test
  public void scoresComeFromTheDaysRowsAndAMissingCacheRowFromHistory() throws Exception {
    PlayerDailyCache annCache =
        AsOf.dailyCache(FeatureRows.context("annexample", D, "BOS", "NYK"), null).toBuilder()
            .setGamesInLast7Days(4).setMinutesInLast7Days(130).setUsageAvgLast5(11.0).setUsageAvgSeason(10.0).build();
    PlayerShotZoneAnalysis annZones =
        PlayerShotZoneAnalysis.builder()
            .setPlayerLookup("annexample").setAnalysisDate(D).setSeason("2023-24").setGamesInSample(5).setZoneFgaLast10(50)
            .setPctPaint(0.5).setPctMidRange(0.1).setPctThree(0.4).setFgPctPaint(0.6).setFgPctMidRange(0.4).setFgPctThree(0.35)
            .build();
    // Bob has no cache row of the day: his is recomputed from his games (four in the last 7 days, 160 minutes).
    History history =
        FeatureRows.history(p,
            List.of(
                game("bobexample", "2024-01-14", 40, 10), game("bobexample", "2024-01-16", 40, 10),
                game("bobexample", "2024-01-18", 40, 10), game("bobexample", "2024-01-19", 40, 10)),
            List.of(), List.of(), List.of());
    DayTables day =
        DayTables.of(
            daily(p, "Cache", PlayerDailyCache.class, PlayerDailyCache::getCacheDate, annCache),
            daily(p, "Zones", PlayerShotZoneAnalysis.class, PlayerShotZoneAnalysis::getAnalysisDate, annZones),
            daily(p, "Teams", TeamDefenseZoneAnalysis.class, TeamDefenseZoneAnalysis::getAnalysisDate,
                team("BOS", 100, 0.5, 0.5, 0.5), team("NYK", 96, 0.6, 0.4, 0.35)),
            history,
            FeatureRows.noOptionalFeeds(p));
    PCollection<PlayerCompositeFactors> out =
        FeatureRows.context(p, context("annexample", D, "BOS", "NYK"), context("bobexample", D, "LAL", "GSW"))
            .apply(new BuildPlayerCompositeFactors(day));

    PAssert.that(out).satisfies(rows -> {
      Map<String, PlayerCompositeFactors> by = FeatureRows.byKey(rows, r -> r.getPlayerLookup() + "@" + r.getGameDate());
      assertThat(by.keySet(), contains("annexample@2024-01-20", "bobexample@2024-01-20"));
      PlayerCompositeFactors ann = by.get("annexample@2024-01-20");
      assertThat(ann.getTeamAbbr(), equalTo("BOS"));
      assertThat(ann.getOpponentTeamAbbr(), equalTo("NYK"));
      assertThat(ann.getFatigueScore(), closeTo(100 - 8 * 2 - 0.25 * 40, 1e-12));
      assertThat(ann.getTeamPaceLast10(), closeTo(100.0, 1e-12));
      assertThat(ann.getOpponentPaceLast10(), closeTo(96.0, 1e-12));
      assertThat(ann.getPaceScore(), closeTo((100 + 96) / 2.0 - 97, 1e-12));
      // the opponent's (NYK's) zone defense against Ann's mix: 0.5·(0.6−0.55) + 0.1·0 + 0.4·(0.35−0.375), in points
      assertThat(ann.getShotZoneMismatchScore(), closeTo(1.5, 1e-9));
      assertThat(ann.getUsageSpikeScore(), closeTo(1.0, 1e-9));
      PlayerCompositeFactors bob = by.get("bobexample@2024-01-20");
      assertThat(bob.getFatigueScore(), closeTo(100 - 8 * 2 - 0.25 * 70, 1e-12));
      assertThat(bob.getPaceScore(), nullValue()); // neither LAL nor GSW has a row of the day
      assertThat(bob.getShotZoneMismatchScore(), nullValue());
      return null;
    });
    p.run().waitUntilFinish();
  }
}
