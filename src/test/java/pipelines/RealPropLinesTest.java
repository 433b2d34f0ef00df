package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.inputs.InputFiles;
import io.inputs.ReadInputs;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import schemas.PropLine;
import transforms.TestRows;
import transforms.context.AsOfTime;
import transforms.context.BuildConsensusLines;

/**
 * The real 2022-23 props file (../shared/data/nba/2022-23; skipped, with a message, where it is absent): every row
 * read (its snapshot names carry UTC times, its blank sides are no price), and per market the consensus of one
 * date with three snapshots (06:03, 13:12 and the noon one, 17:00Z in November) and two books, worked by hand from
 * the file: each line as of a snapshot before the backfill's default as-of instant (the listed tip-off, 19:00
 * US/Eastern), and a market the platform does not carry counted, not used.
 */
public class RealPropLinesTest {
  /**
   * Without the DirectRunner's per-element immutability and encodability checks: they are on in every composite's
   * test on hand-made rows (and a full sample backfill, FeaturesTest); here they would re-encode 141,223 offers at
   * every step, two thirds of the test's time, checking nothing those tests do not.
   */
  @Rule public final transient TestPipeline p = TestPipeline.fromOptions(unchecked());

  private static org.apache.beam.sdk.options.PipelineOptions unchecked() {
    org.apache.beam.runners.direct.DirectOptions o = TestPipeline.testingPipelineOptions()
        .as(org.apache.beam.runners.direct.DirectOptions.class);
    o.setEnforceImmutability(false);
    o.setEnforceEncodability(false);
    return o;
  }

  private static final String D = "2022-11-17";

  @Test
  public void everyRowIsReadAndEachMarketHasItsConsensus() throws Exception {
    Path dir = RealSeasonTest.season("2022-23");
    ReadInputs.Inputs in = p.apply(ReadInputs.of(InputFiles.discover(dir.toString()), LocalDate.parse("2023-06-30")));
    PAssert.that(in.deadLetters.apply("PropsDeadLetters",
            Filter.by(d -> d.getSourceFile().contains("player_props_snapshots"))))
        .empty();
    PCollection<PropLine> lines = in.propSnapshots.apply(new BuildConsensusLines(AsOfTime.beforeTipOff()));
    PCollection<PropLine> day = lines.apply("OneDate", Filter.by(l -> l.getGameDate().equals(D)));
    PAssert.that(day).satisfies(rows -> {
      Map<String, Integer> perMarket = new TreeMap<>();
      Instant asOf = AsOfTime.beforeTipOff().of(D, "2022-11-18T00:00:00Z");
      for (PropLine l : rows) {
        perMarket.merge(l.getMarket(), 1, Integer::sum);
        // before the default as-of instant (the tip-off), and before noon US/Eastern's snapshot at the latest
        assertThat(l.getPlayerName() + " " + l.getMarket(), Instant.parse(l.getSnapshotTime()).isBefore(asOf), equalTo(true));
        assertThat(l.getSnapshotTime().compareTo("2022-11-17T17:00:00Z") <= 0, equalTo(true));
      }
      // distinct players per market among the date's offers, counted from the file
      assertThat(perMarket, equalTo(Map.of(
          "player_points", 30, "player_rebounds", 30, "player_assists", 31, "player_threes", 25,
          "player_points_rebounds_assists", 30, "player_points_rebounds", 29, "player_points_assists", 30,
          "player_rebounds_assists", 29)));
      return null;
    });
    PAssert.that(day.apply("Worked", Filter.by(l -> l.getMarket().equals("player_points")
                && (l.getPlayerLookup().equals("anferneesimons") || l.getPlayerLookup().equals("damianlillard"))))
            .apply("Text", MapElements.into(TypeDescriptors.strings()).via(l -> l.getPlayerLookup() + " " + l.getLine()
                + " (" + l.getBooksCount() + " books, " + l.getOverOdds() + "/" + l.getUnderOdds() + ") at "
                + l.getSnapshotTime() + ", opening " + l.getOpeningLine() + " at " + l.getOpeningSnapshotTime())))
        .containsInAnyOrder(
            // 17:00Z: draftkings 20.5 at -105/-125, fanduel 20.5 at -110/-110; opening: fanduel's 20.5 at 06:03
            "anferneesimons 20.5 (2 books, -107.5/-117.5) at 2022-11-17T17:00:00Z, opening 20.5 at 2022-11-17T06:03:20Z",
            // 17:00Z: draftkings 25.5, fanduel 26.5: the median 26.0 is neither book's line, so no price (a PASS)
            "damianlillard 26.0 (2 books, null/null) at 2022-11-17T17:00:00Z, opening 24.5 at 2022-11-17T06:03:20Z");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    // blocks, steals, blocks+steals and turnovers: 10,592 + 11,458 + 10,029 + 7,239 offers in the file
    assertThat(TestRows.counter(result, "props", "offers:markets_not_carried"), equalTo(39_318L));
    assertThat(TestRows.counter(result, "props", "offers:pre_game:player_points"), equalTo(14_296L));
  }
}
