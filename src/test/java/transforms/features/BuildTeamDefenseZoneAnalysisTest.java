package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static transforms.features.FeatureRows.D;
import static transforms.features.FeatureRows.context;
import static transforms.features.FeatureRows.leagueDay;
import static transforms.features.FeatureRows.teamGame;
import static transforms.features.FeatureRows.zones;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import schemas.TeamDefenseZoneAnalysis;
import transforms.games.History;

/** One row per team playing on each date (teams and opponents of the day's context), as of that date. */
public class BuildTeamDefenseZoneAnalysisTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void everyTeamOfEachDayGetsOneRowFromItsGamesBeforeTheDay() throws Exception {
    History history =
        FeatureRows.history(p, List.of(),
            List.of(
                teamGame("BOS", "NYK", "2024-01-10", true, 110, 100, 100, 100),
                teamGame("BOS", "MIA", "2024-01-18", false, 100, 120, 100, 100),
                teamGame("BOS", "LAL", D, true, 130, 90, 100, 100)), // D itself: seen from 2024-01-22 only
            List.of(
                zones("jayopp", "NYK", "BOS", "2024-01-10", 10, 5, 4, 2, 10, 4),
                zones("kimopp", "PHI", "BOS", "2024-01-15", 50, 50, 0, 0, 0, 0), // not a BOS game date
                zones("jayopp", "LAL", "BOS", D, 50, 0, 0, 0, 0, 0)),
            List.of(
                leagueDay("2024-01-10", 2, 200, 20, 10, 10, 4, 20, 7),
                leagueDay("2024-01-18", 2, 196, 20, 12, 10, 4, 20, 8),
                leagueDay(D, 2, 300, 90, 90, 0, 0, 0, 0)));
    PCollection<TeamDefenseZoneAnalysis> out =
        FeatureRows.context(p,
                context("annexample", D, "BOS", "NYK"),
                context("bobexample", D, "BOS", "NYK"), // a second BOS player: still one BOS row
                context("catexample", D, "NYK", "BOS"),
                context("danexample", D, "LAL", "GSW"),
                context("eveexample", "2024-01-22", "BOS", "MIA"))
            .apply(new BuildTeamDefenseZoneAnalysis(history));

    PAssert.that(out).satisfies(rows -> {
      Map<String, TeamDefenseZoneAnalysis> by = FeatureRows.byKey(rows, r -> r.getTeamAbbr() + "@" + r.getAnalysisDate());
      assertThat(by.keySet(), contains(
          "BOS@2024-01-20", "BOS@2024-01-22", "GSW@2024-01-20", "LAL@2024-01-20", "MIA@2024-01-22", "NYK@2024-01-20"));
      TeamDefenseZoneAnalysis bos = by.get("BOS@2024-01-20");
      assertThat(bos.getGamesPlayedSeason(), equalTo(2));
      assertThat(bos.getOppPointsAllowedLast10(), closeTo(110.0, 1e-12));
      // the fixture's opponents take 42 rebounds, 24 assists and 11 threes a game; BOS's own 80 + 0.44 × 20 + 12
      assertThat(bos.getOppRebAllowedLast10(), closeTo(42.0, 1e-12));
      assertThat(bos.getOppAstAllowedLast10(), closeTo(24.0, 1e-12));
      assertThat(bos.getOppFg3mAllowedLast10(), closeTo(11.0, 1e-12));
      assertThat(bos.getUsagePossessionsLast10(), closeTo(100.8, 1e-12));
      assertThat(bos.getDefRatingLast10(), closeTo(110.0, 1e-12));
      assertThat(bos.getOffRatingLast10(), closeTo(105.0, 1e-12));
      assertThat(bos.getPaceLast10(), closeTo(100.0, 1e-12));
      assertThat(bos.getWinPctSeason(), closeTo(0.5, 1e-12));
      assertThat(bos.getDaysSinceLastGame(), equalTo(2));
      assertThat(bos.getOppZoneFgaLast10(), equalTo(24));
      assertThat(bos.getOppFgPctAllowedPaint(), closeTo(0.5, 1e-12));
      assertThat(bos.getOppFgPctAllowedThree(), closeTo(0.4, 1e-12));
      assertThat(bos.getLeagueFgPctPaint(), closeTo(0.55, 1e-12));
      assertThat(bos.getLeagueFgPctThree(), closeTo(0.375, 1e-12));
      assertThat(bos.getLeaguePaceSeason(), closeTo(99.0, 1e-12));
      assertThat(by.get("BOS@2024-01-22").getGamesPlayedSeason(), equalTo(3));
      assertThat(by.get("BOS@2024-01-22").getWinPctSeason(), closeTo(2 / 3.0, 1e-12));
      TeamDefenseZoneAnalysis nyk = by.get("NYK@2024-01-20");
      assertThat(nyk.getGamesPlayedSeason(), equalTo(0));
      assertThat(nyk.getPaceLast10(), nullValue());
      assertThat(nyk.getLeaguePaceSeason(), closeTo(99.0, 1e-12)); // the league's baseline, whatever the team
      return null;
    });
    p.run().waitUntilFinish();
  }
}
