package transforms.context;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import schemas.PropLine;
import schemas.PropSnapshotOffer;
import schemas.SchemaCoders;
import schemas.vocabulary.GameDates;
import schemas.vocabulary.Markets;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import org.apache.beam.sdk.PipelineResult;
import org.checkerframework.checker.nullness.qual.Nullable;
import transforms.TestRows;

/**
 * The consensus line on hand-made snapshot files: each book's main line is the one priced closest to even, the
 * line is the median over books of the last known snapshot and the opening line that of the first, per market;
 * each side's price is the median over the books at the consensus line; snapshots at or after tip-off, or after the
 * run's as-of instant, are not known; markets the platform does not carry are counted and dropped; and a file is
 * whole in every pane.
 */
public class BuildConsensusLinesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  /** 19:30 US/Eastern. */
  private static final String TIP = "2024-01-21T00:30:00Z";

  private static PropSnapshotOffer offer(String snapshot, String book, double line, Double over, Double under) {
    return offer(Markets.Market.POINTS.key(), snapshot, book, line, over, under);
  }

  private static PropSnapshotOffer offer(
      String market, String snapshot, String book, double line, @Nullable Double over, @Nullable Double under) {
    return PropSnapshotOffer.builder()
        .setSnapshotFile("raw_" + snapshot.replaceAll("[-:Z]", "").replace('T', '_') + ".csv")
        .setSnapshotTime(snapshot)
        .setEventId("evt1")
        .setMarket(market)
        .setPlayerName("Ann Example")
        .setPlayerLookup("annexample")
        .setBookmaker(book)
        .setGame("New York Knicks @ Boston Celtics")
        .setGameTime(TIP)
        .setGameDate(D)
        .setLine(line)
        .setOverOdds(over)
        .setUnderOdds(under)
        .build();
  }

  private static PropSnapshotOffer even(String snapshot, String book, double line) {
    return offer(snapshot, book, line, -110.0, -110.0);
  }

  private static KV<String, List<PropSnapshotOffer>> file(String name, PropSnapshotOffer... offers) {
    return KV.of(name, List.of(offers));
  }

  private PCollection<String> lines(AsOfTime asOf, List<KV<String, List<PropSnapshotOffer>>> files) {
    List<TimestampedValue<KV<String, List<PropSnapshotOffer>>>> stamped = new ArrayList<>();
    files.forEach(f -> stamped.add(TimestampedValue.of(f, GameDates.timestampOf(D))));
    return p.apply(Create.timestamped(stamped).withCoder(SchemaCoders.snapshotFileParts()))
        .apply(new BuildConsensusLines(asOf))
        .apply(MapElements.into(TypeDescriptors.strings()).via(BuildConsensusLinesTest::text));
  }

  private static String text(PropLine l) {
    return l.getPlayerLookup() + " line " + l.getLine() + " at " + l.getSnapshotTime() + " (" + l.getBooksCount()
        + " books), opening " + l.getOpeningLine() + " at " + l.getOpeningSnapshotTime();
  }

  @Test
  public void eachBooksMainLineIsTheOnePricedClosestToEven() {
    String t = "2024-01-20T15:00:00Z";
    PCollection<String> out = lines(AsOfTime.beforeTipOff(), List.of(file("a.csv",
        // draftkings: 20.5 at -110/-110 is its main line; 22.5 at +150/-190 and 18.5 at -200/+160 are alternates
        offer(t, "draftkings", 22.5, 150.0, -190.0), even(t, "draftkings", 20.5), offer(t, "draftkings", 18.5, -200.0, 160.0),
        // fanduel quotes its main line off-center but still closest to even
        offer(t, "fanduel", 21.5, -120.0, -105.0), offer(t, "fanduel", 24.5, 200.0, -260.0))));
    PAssert.that(out).containsInAnyOrder(
        "annexample line 21.0 at " + t + " (2 books), opening 21.0 at " + t);
    p.run().waitUntilFinish();
  }

  @Test
  public void theLineIsTheMedianOverBooksOfTheLastSnapshotAndTheOpeningTheFirsts() {
    String open = "2024-01-20T15:00:00Z";
    String late = "2024-01-20T22:00:00Z";
    PCollection<String> out = lines(AsOfTime.beforeTipOff(), List.of(
        file("morning.csv", even(open, "draftkings", 19.5), even(open, "fanduel", 20.5), even(open, "betmgm", 20.5)),
        file("evening.csv", even(late, "draftkings", 21.5), even(late, "fanduel", 22.5), even(late, "betmgm", 25.5),
            even(late, "caesars", 23.5))));
    // evening: median of 21.5, 22.5, 23.5, 25.5 = 23.0; morning: median of 19.5, 20.5, 20.5 = 20.5
    PAssert.that(out).containsInAnyOrder(
        "annexample line 23.0 at " + late + " (4 books), opening 20.5 at " + open);
    p.run().waitUntilFinish();
  }

  @Test
  public void snapshotsAtOrAfterTipOffAreNotPreGameLines() {
    String before = "2024-01-20T23:00:00Z";
    PCollection<String> out = lines(AsOfTime.beforeTipOff(), List.of(
        file("a.csv", even(before, "draftkings", 20.5)),
        file("b.csv", even(TIP, "draftkings", 30.5)),
        file("c.csv", even("2024-01-21T01:00:00Z", "draftkings", 31.5))));
    PAssert.that(out).containsInAnyOrder(
        "annexample line 20.5 at " + before + " (1 books), opening 20.5 at " + before);
    p.run().waitUntilFinish();
  }

  @Test
  public void snapshotsAfterTheAsOfInstantAreNotKnown() {
    // 09:00 US/Eastern is 14:00Z: the 13:00Z snapshot is known, the 14:00Z one (not before) and 15:00Z are not
    String early = "2024-01-20T13:00:00Z";
    PCollection<String> out = lines(AsOfTime.easternTime(LocalTime.of(9, 0)), List.of(
        file("early.csv", even(early, "draftkings", 18.5), even(early, "fanduel", 19.5)),
        file("nine.csv", even("2024-01-20T14:00:00Z", "draftkings", 26.5)),
        file("late.csv", even("2024-01-20T15:00:00Z", "draftkings", 21.5), even("2024-01-20T15:00:00Z", "fanduel", 21.5))));
    PAssert.that(out).containsInAnyOrder(
        "annexample line 19.0 at " + early + " (2 books), opening 19.0 at " + early);
    p.run().waitUntilFinish();
  }

  @Test
  public void aSameDayRunAsOfItsLaunchKnowsOnlyWhatWasTakenBeforeIt() {
    String early = "2024-01-20T13:00:00Z";
    PCollection<String> out = lines(AsOfTime.instant(java.time.Instant.parse("2024-01-20T14:30:00Z")), List.of(
        file("early.csv", even(early, "draftkings", 18.5)),
        file("late.csv", even("2024-01-20T15:00:00Z", "draftkings", 21.5))));
    PAssert.that(out).containsInAnyOrder(
        "annexample line 18.5 at " + early + " (1 books), opening 18.5 at " + early);
    p.run().waitUntilFinish();
  }

  private PCollection<String> marketLines(List<KV<String, List<PropSnapshotOffer>>> files) {
    List<TimestampedValue<KV<String, List<PropSnapshotOffer>>>> stamped = new ArrayList<>();
    files.forEach(f -> stamped.add(TimestampedValue.of(f, GameDates.timestampOf(D))));
    return p.apply(Create.timestamped(stamped).withCoder(SchemaCoders.snapshotFileParts()))
        .apply(new BuildConsensusLines(AsOfTime.beforeTipOff()))
        .apply(MapElements.into(TypeDescriptors.strings()).via(l -> l.getMarket() + " " + l.getLine() + " ("
            + l.getBooksCount() + " books) over " + l.getOverOdds() + " under " + l.getUnderOdds() + ", opening "
            + l.getOpeningLine() + ", move " + l.getLineMove()));
  }

  /**
   * Three markets of one player, each with its own books, snapshots and prices, worked by hand; a market with no
   * offer on the date (assists) has no row; blocks and steals, which the platform does not carry, are counted and
   * dropped, and the offers used are counted per market.
   */
  @Test
  public void eachCarriedMarketHasItsOwnConsensusAndPrice() {
    String open = "2024-01-20T15:00:00Z";
    String late = "2024-01-20T22:00:00Z";
    String reb = Markets.Market.REBOUNDS.key();
    String threes = Markets.Market.THREES.key();
    String pra = Markets.Market.POINTS_REBOUNDS_ASSISTS.key();
    PCollection<String> out = marketLines(List.of(
        file("morning.csv",
            offer(reb, open, "draftkings", 7.5, -110.0, -110.0),
            offer(reb, open, "fanduel", 8.5, -110.0, -110.0),
            offer(threes, open, "draftkings", 2.5, 120.0, -150.0),
            offer(pra, open, "draftkings", 35.5, -110.0, -110.0),
            offer("player_blocks", open, "draftkings", 0.5, 120.0, -150.0)),
        file("evening.csv",
            // rebounds: main lines 8.5, 8.5 (its 10.5 at +180/-240 is an alternate), 9.5: the line 8.5, priced by
            // draftkings and fanduel: over median(-120, -110) = -115, under median(-105, -110) = -107.5
            offer(reb, late, "draftkings", 8.5, -120.0, -105.0),
            offer(reb, late, "draftkings", 10.5, 180.0, -240.0),
            offer(reb, late, "fanduel", 8.5, -110.0, -110.0),
            offer(reb, late, "betmgm", 9.5, -110.0, -110.0),
            // threes: one book each side of even: median(-105, +105) is even money, -100 (the American midpoint, 0,
            // is no price); the under side blank at fanduel: -115 alone
            offer(threes, late, "draftkings", 2.5, -105.0, -115.0),
            offer(threes, late, "fanduel", 2.5, 105.0, null),
            // PRA: two books, 36.5 and 37.5: the line 37.0 is no book's, so neither side has a price
            offer(pra, late, "draftkings", 36.5, -110.0, -110.0),
            offer(pra, late, "fanduel", 37.5, -110.0, -110.0),
            offer("player_steals", late, "fanduel", 1.5, -110.0, -110.0))));
    PAssert.that(out).containsInAnyOrder(
        "player_rebounds 8.5 (3 books) over -115.0 under -107.5, opening 8.0, move 0.5",
        "player_threes 2.5 (2 books) over -100.0 under -115.0, opening 2.5, move 0.0",
        "player_points_rebounds_assists 37.0 (2 books) over null under null, opening 35.5, move 1.5");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "props", "offers:markets_not_carried"), equalTo(2L));
    assertThat(TestRows.counter(result, "props", "offers:pre_game:" + reb), equalTo(6L));
    assertThat(TestRows.counter(result, "props", "offers:pre_game:" + threes), equalTo(3L));
    assertThat(TestRows.counter(result, "props", "offers:pre_game:" + pra), equalTo(3L));
    assertThat(TestRows.counter(result, "props", "offers:pre_game:" + Markets.Market.ASSISTS.key()), equalTo(0L));
  }

  /** A date whose files carry only markets the platform does not carry: no line, no error, every offer counted. */
  @Test
  public void aDateWithoutACarriedMarketHasNoLine() {
    String t = "2024-01-20T15:00:00Z";
    PCollection<String> out = marketLines(List.of(file("a.csv",
        offer("player_blocks", t, "draftkings", 0.5, 120.0, -150.0),
        offer("player_double_double", t, "draftkings", 0.5, 300.0, -400.0))));
    PAssert.that(out).empty();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertThat(TestRows.counter(result, "props", "offers:markets_not_carried"), equalTo(2L));
  }

  @Test
  public void theMedianPriceIsTakenWithEvenMoneyOnePointWide() {
    assertThat(BuildConsensusLines.medianPrice(List.of(-110.0, -120.0)), equalTo(-115.0));
    assertThat(BuildConsensusLines.medianPrice(List.of(-105.0, 105.0)), equalTo(-100.0));
    assertThat(BuildConsensusLines.medianPrice(List.of(-110.0, 120.0)), equalTo(105.0));
    assertThat(BuildConsensusLines.medianPrice(List.of(150.0, -110.0, 130.0)), equalTo(130.0));
    assertThat(BuildConsensusLines.medianPrice(List.of()), equalTo(null));
  }

  /**
   * A day's files arriving in several panes (a watch, a distributed read): the window fires early as each file
   * arrives, and every pane's consensus is over whole files. The second snapshot's three books come in one file,
   * so no pane ever has it with fewer than three books, though its file arrives in a pane of its own.
   */
  @Test
  public void everyPaneHoldsWholeFiles() {
    String first = "2024-01-20T15:00:00Z";
    String second = "2024-01-20T18:00:00Z";
    org.joda.time.Instant t = GameDates.timestampOf(D);
    TestStream<KV<String, List<PropSnapshotOffer>>> stream = TestStream.create(SchemaCoders.snapshotFileParts())
        .advanceWatermarkTo(t)
        .addElements(TimestampedValue.of(file("first.csv", even(first, "draftkings", 20.5)), t))
        .advanceProcessingTime(Duration.standardHours(1))
        .addElements(TimestampedValue.of(
            file("second.csv", even(second, "draftkings", 22.5), even(second, "fanduel", 23.5), even(second, "betmgm", 23.5)), t))
        .advanceWatermarkToInfinity();
    PCollection<String> out = p.apply(stream)
        .apply(BuildLineUpdates.<KV<String, List<PropSnapshotOffer>>>asLinesArrive())
        .apply(new BuildConsensusLines(AsOfTime.beforeTipOff()))
        .apply(MapElements.into(TypeDescriptors.strings()).via(BuildConsensusLinesTest::text));
    IntervalWindow day = new IntervalWindow(t, GameDates.timestampOf("2024-01-21"));
    String afterFirst = "annexample line 20.5 at " + first + " (1 books), opening 20.5 at " + first;
    String afterSecond = "annexample line 23.5 at " + second + " (3 books), opening 20.5 at " + first;
    PAssert.that(out).inEarlyPane(day).satisfies(early -> {
      for (String l : early) {
        if (!l.equals(afterFirst) && !l.equals(afterSecond)) {
          throw new AssertionError("a consensus of part of a file: " + l);
        }
      }
      return null;
    });
    PAssert.that(out).inOnTimePane(day).containsInAnyOrder(afterSecond);
    p.run().waitUntilFinish();
  }
}
