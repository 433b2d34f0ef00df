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

/**
 * The consensus line on hand-made snapshot files: each book's main line is the one priced closest to even, the
 * line is the median over books of the last known snapshot and the opening line that of the first; snapshots at or
 * after tip-off, or after the run's as-of instant, are not known; and a file is whole in every pane.
 */
public class BuildConsensusLinesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  /** 19:30 US/Eastern. */
  private static final String TIP = "2024-01-21T00:30:00Z";

  private static PropSnapshotOffer offer(String snapshot, String book, double line, Double over, Double under) {
    return PropSnapshotOffer.builder()
        .setSnapshotFile("raw_" + snapshot.replaceAll("[-:Z]", "").replace('T', '_') + ".csv")
        .setSnapshotTime(snapshot)
        .setEventId("evt1")
        .setMarket(BuildConsensusLines.POINTS_MARKET)
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
