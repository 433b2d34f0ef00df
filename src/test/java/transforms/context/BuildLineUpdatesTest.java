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
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import schemas.LeagueDay;
import schemas.MlFeatureStoreV2;
import schemas.PlayerGameSummary;
import schemas.PropLine;
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
    return PropSnapshotOffer.builder()
        .setSnapshotFile("raw_" + snapshot.replaceAll("[-:TZ]", "").substring(0, 8) + "_x.csv")
        .setSnapshotTime(snapshot)
        .setEventId("evt1")
        .setMarket(BuildConsensusLines.POINTS_MARKET)
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

  /** One snapshot file arriving: both books quote one line for each player. */
  private static TestStream.Builder<PropSnapshotOffer> snapshot(
      TestStream.Builder<PropSnapshotOffer> stream, String time, double annLine, double bobLine) {
    Instant t = GameDates.timestampOf(D);
    return stream.addElements(
        TimestampedValue.of(offer("annexample", "Ann Example", time, annLine, "draftkings"), t),
        TimestampedValue.of(offer("annexample", "Ann Example", time, annLine, "fanduel"), t),
        TimestampedValue.of(offer("bobsample", "Bob Sample", time, bobLine, "draftkings"), t),
        TimestampedValue.of(offer("bobsample", "Bob Sample", time, bobLine, "fanduel"), t));
  }

  private static PropLine line(String lookup, String name, double value, String time) {
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
        .build();
  }

  @Test
  public void firesEarlyPerMoveAndOnTimeWithTheFinalLines() throws Exception {
    SchemaCoders.registerAll(p);
    List<PlayerGameSummary> games = new ArrayList<>();
    for (String date : List.of("2024-01-10", "2024-01-12", "2024-01-14", "2024-01-16", "2024-01-18")) {
      PlayerGameSummary ann = AsOfTest.game(date, 32, 21);
      games.add(ann);
      games.add(ann.toBuilder().setPlayerLookup("bobsample").setPlayerName("Bob Sample").setPoints(15).build());
    }
    History history =
        p.apply("History", Create.of(games).withCoder(SchemaCoders.of(PlayerGameSummary.class)))
            .apply("HistoryViews", History.of(
                p.apply("NoTeamGames", Create.empty(SchemaCoders.of(TeamGameSummary.class))),
                p.apply("NoZoneGames", Create.empty(SchemaCoders.of(ZoneGame.class))),
                p.apply("NoLeagueDays", Create.empty(SchemaCoders.of(LeagueDay.class)))));
    UpcomingPlayerGameContext ann = CompleteContext.withLine(
        CompleteContext.bare("annexample", null, "Ann Example", D, GameDates.inferSeason(D), "g1", "BOS", "NYK", true, "schedule"),
        line("annexample", "Ann Example", 20.5, MORNING));
    UpcomingPlayerGameContext bob = CompleteContext.withLine(
        CompleteContext.bare("bobsample", null, "Bob Sample", D, GameDates.inferSeason(D), "g1", "BOS", "NYK", true, "schedule"),
        line("bobsample", "Bob Sample", 15.5, MORNING));
    PCollection<UpcomingPlayerGameContext> morning =
        p.apply("MorningContext", Create.timestamped(
                TimestampedValue.of(ann, GameDates.timestampOf(D)), TimestampedValue.of(bob, GameDates.timestampOf(D)))
            .withCoder(SchemaCoders.of(UpcomingPlayerGameContext.class)))
            .apply("MorningDaily", Window.into(GameDates.dailyWindows()));
    FeatureStore store = morning.apply("FeatureStore", new BuildFeatureStore(history, null));

    TestStream.Builder<PropSnapshotOffer> s =
        TestStream.create(SchemaCoders.of(PropSnapshotOffer.class)).advanceWatermarkTo(GameDates.timestampOf(D));
    s = snapshot(s, MORNING, 20.5, 15.5).advanceProcessingTime(Duration.standardHours(3));
    s = snapshot(s, FIRST_MOVE, 21.5, 15.5).advanceProcessingTime(Duration.standardHours(4));
    TestStream<PropSnapshotOffer> offers = snapshot(s, SECOND_MOVE, 23.5, 15.5).advanceWatermarkToInfinity();
    PCollection<PropSnapshotOffer> stream = p.apply("Offers", offers);

    // The panes of the day's consensus, as BuildLineUpdates windows it.
    PCollection<String> panes =
        stream.apply("Windowed", BuildLineUpdates.<PropSnapshotOffer>asLinesArrive())
            .apply("Consensus", new BuildConsensusLines())
            .apply("LineText", MapElements.into(TypeDescriptors.strings()).via(l -> l.getPlayerLookup() + "|" + l.getLine()));
    IntervalWindow day = new IntervalWindow(GameDates.timestampOf(D), GameDates.timestampOf("2024-01-21"));
    PAssert.that(panes).inOnTimePane(day).containsInAnyOrder("annexample|23.5", "bobsample|15.5");
    PAssert.that(panes).inEarlyPane(day).satisfies(early -> {
      TreeSet<String> distinct = new TreeSet<>();
      early.forEach(distinct::add);
      // Accumulating: every early pane restates both players; Ann's line is seen at each of its three values.
      assertThat(distinct, contains("annexample|20.5", "annexample|21.5", "annexample|23.5", "bobsample|15.5"));
      return null;
    });

    PCollection<UpcomingPlayerGameContext> moved = stream.apply(new BuildLineUpdates(morning));
    PAssert.that(moved.apply("MovedText", MapElements.into(TypeDescriptors.strings())
            .via(c -> c.getPlayerLookup() + "|" + c.getPropLine() + "|" + c.getPropOpeningLine() + "|" + c.getPropLineSnapshotTime())))
        .containsInAnyOrder(
            "annexample|21.5|20.5|" + FIRST_MOVE,
            "annexample|23.5|20.5|" + SECOND_MOVE);

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
      assertThat(latest.getFeatures().get(FeatureContract.names().indexOf("vegas_points_line")), equalTo(23.5));
      assertThat(latest.getFeatures().get(FeatureContract.names().indexOf("vegas_opening_line")), equalTo(20.5));
      assertThat(latest.getGamesPlayedSeason(), equalTo(5));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
