package transforms.context;

import transforms.features.AsOfTest;
import transforms.features.BuildFeatureVectors;
import transforms.features.FeatureContract;
import schemas.vocabulary.GameDates;
import transforms.games.History;
import transforms.features.BuildFeatureStore;
import transforms.features.FeatureStore;
import schemas.vocabulary.PlayerNames;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import schemas.LeagueDay;
import schemas.MarketLine;
import schemas.vocabulary.Markets.Market;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.MlFeatureStoreV2;
import schemas.PlayerGameSummary;
import schemas.PropLine;
import schemas.ShotZoneAttempts;
import transforms.features.FeedCoverage;
import schemas.PropSnapshotOffer;
import schemas.SchemaCoders;
import schemas.TeamGameSummary;
import schemas.UpcomingPlayerGameContext;
import schemas.ZoneGame;

/**
 * Watch mode's windowing, with a {@link TestStream} of offers: history and the morning context are there
 * first (bounded), then the morning snapshot, then two moves of one player's line. The day's window must fire
 * early for each batch and on time at the end with the final lines; only the player whose line moved is
 * re-emitted, once per move, and his feature rows carry the new line, its snapshot time and the unchanged
 * opening line.
 */
public class BuildLineUpdatesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String D = "2024-01-20";
  private static final String TIP = "2024-01-21T00:30:00Z";
  private static final String MORNING = "2024-01-20T15:00:00Z";
  private static final String FIRST_MOVE = "2024-01-20T18:00:00Z";
  private static final String SECOND_MOVE = "2024-01-20T22:00:00Z";

  private static PropSnapshotOffer offer(String lookup, String name, String snapshot, double line, String book) {
    return offer(lookup, name, snapshot, Market.POINTS, line, book);
  }

  private static PropSnapshotOffer offer(String lookup, String name, String snapshot, Market market, double line, String book) {
    return PropSnapshotOffer.builder()
        .setSnapshotFile("raw_" + snapshot.replaceAll("[-:TZ]", "").substring(0, 8) + "_x.csv")
        .setSnapshotTime(snapshot)
        .setEventId("evt1")
        .setMarket(market.key())
        .setPlayerName(name)
        .setPlayerLookup(lookup)
        .setBookmaker(book)
        .setGame("New York Knicks @ Boston Celtics")
        .setGameTime(TIP)
        .setGameDate(D)
        .setLine(line)
        .setOverOdds(-110.0)
        .setUnderOdds(-110.0)
        .build();
  }

  /** One snapshot file arriving, whole (as ReadInputs reads it): both books quote one line for each player. */
  private static TestStream.Builder<KV<String, List<PropSnapshotOffer>>> snapshot(
      TestStream.Builder<KV<String, List<PropSnapshotOffer>>> stream, String time, double annLine, double bobLine) {
    return snapshot(stream, time, annLine, bobLine, null, null);
  }

  /** As above, with Ann's rebounds line and Bob's assists line when given (both books). */
  private static TestStream.Builder<KV<String, List<PropSnapshotOffer>>> snapshot(
      TestStream.Builder<KV<String, List<PropSnapshotOffer>>> stream, String time, double annLine, double bobLine,
      @Nullable Double annRebounds, @Nullable Double bobAssists) {
    Instant t = GameDates.timestampOf(D);
    List<PropSnapshotOffer> offers = new ArrayList<>(List.of(
        offer("annexample", "Ann Example", time, annLine, "draftkings"),
        offer("annexample", "Ann Example", time, annLine, "fanduel"),
        offer("bobsample", "Bob Sample", time, bobLine, "draftkings"),
        offer("bobsample", "Bob Sample", time, bobLine, "fanduel")));
    for (String book : List.of("draftkings", "fanduel")) {
      if (annRebounds != null) {
        offers.add(offer("annexample", "Ann Example", time, Market.REBOUNDS, annRebounds, book));
      }
      if (bobAssists != null) {
        offers.add(offer("bobsample", "Bob Sample", time, Market.ASSISTS, bobAssists, book));
      }
    }
    return stream.addElements(TimestampedValue.of(KV.of("snapshot_" + time + ".csv", offers), t));
  }

  private static PropLine line(String lookup, String name, double value, String time) {
    return line(lookup, name, Market.POINTS, value, time);
  }

  private static PropLine line(String lookup, String name, Market market, double value, String time) {
    return PropLine.builder()
        .setPlayerLookup(lookup)
        .setJoinKey(PlayerNames.joinKey(lookup))
        .setPlayerName(name)
        .setGameDate(D)
        .setGameTime(TIP)
        .setLine(value)
        .setOpeningLine(value)
        .setLineMove(0)
        .setBooksCount(2)
        .setSnapshotTime(time)
        .setOpeningSnapshotTime(time)
        .setMarket(market.key())
        .build();
  }

  private static final IntervalWindow DAY = new IntervalWindow(GameDates.timestampOf(D), GameDates.timestampOf("2024-01-21"));

  /** D's morning context: Ann at 20.5 and Bob at 15.5, both from the morning snapshot, in D's daily window. */
  private PCollection<UpcomingPlayerGameContext> morning() {
    return morning(null);
  }

  /** As above, Ann with a rebounds line too when given. */
  private PCollection<UpcomingPlayerGameContext> morning(@Nullable Double annRebounds) {
    List<PropLine> annLines = new ArrayList<>(List.of(line("annexample", "Ann Example", 20.5, MORNING)));
    if (annRebounds != null) {
      annLines.add(line("annexample", "Ann Example", Market.REBOUNDS, annRebounds, MORNING));
    }
    UpcomingPlayerGameContext ann = CompleteContext.withLines(
        CompleteContext.bare("annexample", "1", "Ann Example", D, GameDates.inferSeason(D), "g1", "BOS", "NYK", true, "schedule"),
        annLines, MORNING);
    UpcomingPlayerGameContext bob = CompleteContext.withLines(
        CompleteContext.bare("bobsample", "2", "Bob Sample", D, GameDates.inferSeason(D), "g1", "BOS", "NYK", true, "schedule"),
        List.of(line("bobsample", "Bob Sample", 15.5, MORNING)), MORNING);
    return p.apply("MorningContext", Create.timestamped(
                TimestampedValue.of(ann, GameDates.timestampOf(D)), TimestampedValue.of(bob, GameDates.timestampOf(D)))
            .withCoder(SchemaCoders.of(UpcomingPlayerGameContext.class)))
        .apply("MorningDaily", Window.into(GameDates.dailyWindows()));
  }

  /** The panes of the day's consensus, as BuildLineUpdates windows it: "player|line". */
  private static PCollection<String> consensusPanes(PCollection<KV<String, List<PropSnapshotOffer>>> stream) {
    return stream.apply("Windowed", BuildLineUpdates.<KV<String, List<PropSnapshotOffer>>>asLinesArrive())
        .apply("Consensus", new BuildConsensusLines(AsOfTime.beforeTipOff()))
        .apply("LineText", MapElements.into(TypeDescriptors.strings()).via(l -> l.getPlayerLookup() + "|"
            + (l.getMarket().equals(Market.POINTS.key()) ? "" : l.getMarket() + "=") + l.getLine()));
  }

  /**
   * The re-emitted context rows: "player|points line|its opening line|line snapshot time|as of", then each other
   * market's "|market=line/opening".
   */
  private static PCollection<String> movedText(PCollection<UpcomingPlayerGameContext> moved) {
    return moved.apply("MovedText", MapElements.into(TypeDescriptors.strings()).via(c -> {
      MarketLine points = c.lineOf(Market.POINTS);
      StringBuilder text = new StringBuilder(c.getPlayerLookup() + "|" + (points == null ? null : points.getLine()) + "|"
          + (points == null ? null : points.getOpeningLine()) + "|" + c.lineSnapshotTime() + "|as of " + c.getAsOf());
      c.getMarketLines().stream().filter(l -> l != points)
          .forEach(l -> text.append('|').append(l.getMarket()).append('=').append(l.getLine()).append('/').append(l.getOpeningLine()));
      return text.toString();
    }));
  }

  @Test
  public void firesEarlyPerMoveAndOnTimeWithTheFinalLines() throws Exception {
    List<PlayerGameSummary> games = new ArrayList<>();
    for (String date : List.of("2024-01-10", "2024-01-12", "2024-01-14", "2024-01-16", "2024-01-18")) {
      PlayerGameSummary ann = AsOfTest.game(date, 32, 21);
      games.add(ann);
      games.add(ann.toBuilder().setPlayerId("2").setPlayerLookup("bobsample").setPlayerName("Bob Sample").setPoints(15).build());
    }
    History history =
        p.apply("History", Create.of(games).withCoder(SchemaCoders.of(PlayerGameSummary.class)))
            .apply("HistoryViews", History.of(
                p.apply("NoTeamGames", Create.empty(SchemaCoders.of(TeamGameSummary.class))),
                p.apply("NoZoneGames", Create.empty(SchemaCoders.of(ZoneGame.class))),
                p.apply("NoLeagueDays", Create.empty(SchemaCoders.of(LeagueDay.class)))));
    PCollection<UpcomingPlayerGameContext> morning = morning();
    FeatureStore store = morning.apply("FeatureStore", new BuildFeatureStore(history, null, FeedCoverage.of(
        p.apply("NoLines", Create.empty(SchemaCoders.of(PropLine.class))),
        p.apply("NoCoverageGameLines", Create.empty(SchemaCoders.of(schemas.GameLine.class))),
        p.apply("NoShotZones", Create.empty(SchemaCoders.of(ShotZoneAttempts.class))))));

    TestStream.Builder<KV<String, List<PropSnapshotOffer>>> s =
        TestStream.create(SchemaCoders.snapshotFileParts()).advanceWatermarkTo(GameDates.timestampOf(D));
    s = snapshot(s, MORNING, 20.5, 15.5).advanceProcessingTime(Duration.standardHours(3));
    s = snapshot(s, FIRST_MOVE, 21.5, 15.5).advanceProcessingTime(Duration.standardHours(4));
    TestStream<KV<String, List<PropSnapshotOffer>>> files = snapshot(s, SECOND_MOVE, 23.5, 15.5).advanceWatermarkToInfinity();
    PCollection<KV<String, List<PropSnapshotOffer>>> stream = p.apply("SnapshotFiles", files);

    PCollection<String> panes = consensusPanes(stream);
    PAssert.that(panes).inOnTimePane(DAY).containsInAnyOrder("annexample|23.5", "bobsample|15.5");
    PAssert.that(panes).inEarlyPane(DAY).satisfies(early -> {
      TreeSet<String> distinct = new TreeSet<>();
      early.forEach(distinct::add);
      // Accumulating: every early pane restates both players; Ann's line is seen at each of its three values.
      assertThat(distinct, contains("annexample|20.5", "annexample|21.5", "annexample|23.5", "bobsample|15.5"));
      return null;
    });

    PCollection<UpcomingPlayerGameContext> moved = stream.apply(new BuildLineUpdates(morning));
    PAssert.that(movedText(moved))
        .containsInAnyOrder(
            "annexample|21.5|20.5|" + FIRST_MOVE + "|as of " + FIRST_MOVE,
            "annexample|23.5|20.5|" + SECOND_MOVE + "|as of " + SECOND_MOVE);

    PCollectionTuple vectors = store.featuresFor("UpdateVectors", moved);
    PAssert.that(vectors.get(BuildFeatureVectors.FEATURES)).satisfies(rows -> {
      List<String> seen = new ArrayList<>();
      MlFeatureStoreV2 latest = null;
      for (MlFeatureStoreV2 r : rows) {
        seen.add(r.getLineSnapshotTime());
        assertThat(r.getPlayerLookup(), equalTo("annexample"));
        assertThat(r.getCacheMissFallbackUsed(), equalTo(false));
        if (latest == null || r.getLineSnapshotTime().compareTo(latest.getLineSnapshotTime()) > 0) {
          latest = r;
        }
      }
      assertThat(seen, containsInAnyOrder(FIRST_MOVE, SECOND_MOVE));
      // The final value: the latest row's vegas features are the last move against the morning's opening line.
      assertThat(latest.getFeatures().get(FeatureContract.names().indexOf("pts_line")), equalTo(23.5));
      assertThat(latest.getFeatures().get(FeatureContract.names().indexOf("pts_opening_line")), equalTo(20.5));
      assertThat(latest.getGamesPlayedSeason(), equalTo(5));
      return null;
    });
    p.run().waitUntilFinish();
  }

  /**
   * A move in any market re-emits the player with all his current lines, once per firing: Ann's rebounds move alone
   * (her points line unchanged), then her points alone, then both in one snapshot (one row); Bob's first assists
   * line, a market he had no line in, re-emits him too. Early panes restate every market; the on-time pane has the
   * final lines.
   */
  @Test
  public void aMoveInAnyMarketReEmitsThePlayerWithAllHisLines() {
    String third = "2024-01-20T23:00:00Z";
    TestStream.Builder<KV<String, List<PropSnapshotOffer>>> s =
        TestStream.create(SchemaCoders.snapshotFileParts()).advanceWatermarkTo(GameDates.timestampOf(D));
    s = snapshot(s, MORNING, 20.5, 15.5, 7.5, null).advanceProcessingTime(Duration.standardHours(3));
    s = snapshot(s, FIRST_MOVE, 20.5, 15.5, 8.5, null).advanceProcessingTime(Duration.standardHours(4));
    s = snapshot(s, SECOND_MOVE, 21.5, 15.5, 8.5, 4.5).advanceProcessingTime(Duration.standardHours(1));
    TestStream<KV<String, List<PropSnapshotOffer>>> files =
        snapshot(s, third, 22.5, 15.5, 9.5, 4.5).advanceWatermarkToInfinity();
    PCollection<KV<String, List<PropSnapshotOffer>>> stream = p.apply("SnapshotFiles", files);

    PCollection<String> panes = consensusPanes(stream);
    PAssert.that(panes).inOnTimePane(DAY).containsInAnyOrder(
        "annexample|22.5", "annexample|player_rebounds=9.5", "bobsample|15.5", "bobsample|player_assists=4.5");
    PAssert.that(panes).inEarlyPane(DAY).satisfies(early -> {
      TreeSet<String> distinct = new TreeSet<>();
      early.forEach(distinct::add);
      assertThat(distinct, contains("annexample|20.5", "annexample|21.5", "annexample|22.5",
          "annexample|player_rebounds=7.5", "annexample|player_rebounds=8.5", "annexample|player_rebounds=9.5",
          "bobsample|15.5", "bobsample|player_assists=4.5"));
      return null;
    });
    PAssert.that(movedText(stream.apply(new BuildLineUpdates(morning(7.5)))))
        .containsInAnyOrder(
            "annexample|20.5|20.5|" + FIRST_MOVE + "|as of " + FIRST_MOVE + "|player_rebounds=8.5/7.5",
            "annexample|21.5|20.5|" + SECOND_MOVE + "|as of " + SECOND_MOVE + "|player_rebounds=8.5/7.5",
            "bobsample|15.5|15.5|" + SECOND_MOVE + "|as of " + SECOND_MOVE + "|player_assists=4.5/4.5",
            "annexample|22.5|20.5|" + third + "|as of " + third + "|player_rebounds=9.5/7.5");
    p.run().waitUntilFinish();
  }

  /*
   * Late data. asLinesArrive() allows no lateness (Duration.ZERO): D's window closes, and its on-time pane is its
   * final pane, the moment the watermark passes the end of D (midnight US/Eastern). So there is no LATE pane to
   * test: an offer of D that arrives after that is droppable, and one that arrives before it is on time however far
   * behind the watermark it is (every offer of D is stamped with the start of D, GameDates.stamp, so during the
   * day every watched offer is "behind" the watermark). The two tests below pin both sides of that line.
   */

  /** The last millisecond of D: the window is still open, so an offer stamped 24 hours earlier still moves the line. */
  @Test
  public void anOfferBehindTheWatermarkCountsWhileTheDayIsOpen() {
    TestStream.Builder<KV<String, List<PropSnapshotOffer>>> s =
        TestStream.create(SchemaCoders.snapshotFileParts()).advanceWatermarkTo(GameDates.timestampOf(D));
    s = snapshot(s, MORNING, 20.5, 15.5).advanceWatermarkTo(DAY.maxTimestamp());
    TestStream<KV<String, List<PropSnapshotOffer>>> offers = snapshot(s, FIRST_MOVE, 21.5, 15.5).advanceWatermarkToInfinity();
    PCollection<KV<String, List<PropSnapshotOffer>>> stream = p.apply("Offers", offers);

    PCollection<String> panes = consensusPanes(stream);
    PAssert.that(panes).inOnTimePane(DAY).containsInAnyOrder("annexample|21.5", "bobsample|15.5");
    PAssert.that(panes).inLatePane(DAY).empty();
    PAssert.that(movedText(stream.apply(new BuildLineUpdates(morning()))))
        .containsInAnyOrder("annexample|21.5|20.5|" + FIRST_MOVE + "|as of " + FIRST_MOVE);
    p.run().waitUntilFinish();
  }

  /**
   * After D's end (in LeaderBoardTest's terms, past the end of the window plus the allowed lateness): the day's
   * final pane holds the lines seen before it, the late snapshot is dropped before the consensus, and no row is
   * re-emitted for it, so a move after midnight cannot change the day's feature rows.
   */
  @Test
  public void anOfferAfterTheDayHasClosedIsDroppedAndChangesNothing() {
    String afterMidnight = "2024-01-21T05:30:00Z"; // 00:30 US/Eastern on the next day
    TestStream.Builder<KV<String, List<PropSnapshotOffer>>> s =
        TestStream.create(SchemaCoders.snapshotFileParts()).advanceWatermarkTo(GameDates.timestampOf(D));
    s = snapshot(s, MORNING, 20.5, 15.5).advanceProcessingTime(Duration.standardHours(3));
    s = snapshot(s, FIRST_MOVE, 21.5, 15.5).advanceWatermarkTo(DAY.end().plus(Duration.standardMinutes(30)));
    // after midnight, every market moves, a rebounds line among them: all dropped
    TestStream<KV<String, List<PropSnapshotOffer>>> offers =
        snapshot(s, afterMidnight, 25.5, 18.5, 9.5, 6.5).advanceWatermarkToInfinity();
    PCollection<KV<String, List<PropSnapshotOffer>>> stream = p.apply("Offers", offers);

    PCollection<String> panes = consensusPanes(stream);
    PAssert.that(panes).inFinalPane(DAY).containsInAnyOrder("annexample|21.5", "bobsample|15.5");
    PAssert.that(panes).inLatePane(DAY).empty();
    PAssert.that(movedText(stream.apply(new BuildLineUpdates(morning()))))
        .containsInAnyOrder("annexample|21.5|20.5|" + FIRST_MOVE + "|as of " + FIRST_MOVE);
    p.run().waitUntilFinish();
  }
}
