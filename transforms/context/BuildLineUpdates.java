package transforms.context;

import schemas.vocabulary.GameDates;
import transforms.daily.PlayerDay;
import transforms.daily.GroupByDate;
import schemas.vocabulary.PlayerNames;
import transforms.daily.SideInputCache;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import schemas.MarketLine;
import schemas.PropLine;
import schemas.PropSnapshotOffer;
import schemas.SchemaCoders;
import schemas.UpcomingPlayerGameContext;

/**
 * Same-day watch mode: as snapshot offers arrive, the context rows of the players whose line moved in any market
 * ({@link schemas.vocabulary.Markets}), each carrying all of his current market lines, as of the snapshot that
 * moved it. Downstream they go through the same
 * {@code BuildFeatureVectors} as the morning rows, so an update is exactly the row a bounded run over the same
 * snapshots would give the player.
 *
 * <p>The input is whole snapshot files (one element per file and date, as {@code ReadInputs} reads them), so
 * however a runner splits the stream into panes, a firing's consensus holds complete files only. Each row is as
 * of the snapshot that moved it ({@code as_of} = its line's snapshot time).
 *
 * <p>Windowing: the day's window fires early as each batch of files arrives and finally when the watermark
 * passes the end of the day, accumulating, so each firing's consensus ({@link BuildConsensusLines}, unchanged)
 * sees every snapshot so far: the opening line stays the first snapshot's. The consensus of one firing reaches a
 * stateful step per date as one element ({@link BuildConsensusLines#byDate}), so all of a snapshot's markets are
 * judged together. That step keeps the newest line seen of each (name, market) and emits a player only when the
 * lines he takes (by {@link CompleteContext#choose} and {@link CompleteContext#claimants}, the rule the morning
 * context used: one name's lines of every market, or none) differ in any market's value (line or opening line)
 * from the last ones he was given, starting from the morning context's; one row per player per firing at most,
 * as of the newest snapshot among his lines, so the latest row (by line snapshot time) wins.
 */
public final class BuildLineUpdates
    extends PTransform<PCollection<KV<String, List<PropSnapshotOffer>>>, PCollection<UpcomingPlayerGameContext>> {
  private final PCollection<UpcomingPlayerGameContext> morningContext;

  public BuildLineUpdates(PCollection<UpcomingPlayerGameContext> morningContext) {
    this.morningContext = morningContext;
  }

  /** D's window firing as offers arrive: early on every new element, finally at the end of the day. */
  public static <T> Window<T> asLinesArrive() {
    return Window.<T>into(GameDates.dailyWindows())
        .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(Duration.ZERO)
        .accumulatingFiredPanes();
  }

  /**
   * The morning's snapshot files as one element per date, for the watch: its early panes then hold all of the
   * morning's files or none, so no pane's consensus is a morning missing some of its files (which would read as a
   * line move, with the wrong opening line). A bounded read's group fires once, complete, with the default trigger.
   */
  public static PTransform<PCollection<KV<String, List<PropSnapshotOffer>>>, PCollection<KV<String, List<PropSnapshotOffer>>>>
      wholeMorning() {
    return new PTransform<>() {
      @Override
      public PCollection<KV<String, List<PropSnapshotOffer>>> expand(PCollection<KV<String, List<PropSnapshotOffer>>> files) {
        return files
            .apply("MorningFilesByDate", GroupByDate.of(f -> f.getValue().get(0).getGameDate()))
            .apply("OneMorningElement", ParDo.of(new ConcatFn()))
            .setCoder(SchemaCoders.snapshotFileParts())
            // back in the global window of the watched files it is flattened with; asLinesArrive windows both by day
            .apply("MorningGlobal", Window.into(new GlobalWindows()));
      }
    };
  }

  static final class ConcatFn
      extends DoFn<KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>>, KV<String, List<PropSnapshotOffer>>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>> day,
        OutputReceiver<KV<String, List<PropSnapshotOffer>>> out) {
      List<PropSnapshotOffer> all = new ArrayList<>();
      day.getValue().forEach(f -> all.addAll(f.getValue()));
      out.output(KV.of("morning files of " + day.getKey(), all));
    }
  }

  @Override
  public PCollection<UpcomingPlayerGameContext> expand(PCollection<KV<String, List<PropSnapshotOffer>>> snapshotFiles) {
    PCollectionView<Map<String, Iterable<UpcomingPlayerGameContext>>> byName =
        PlayerDay.view(
            "MorningContextByName",
            morningContext.apply("MorningContextDaily", Window.into(GameDates.dailyWindows())),
            c -> PlayerNames.joinKey(c.getPlayerLookup()));
    // A watched line is known when its snapshot arrives: each update is as of its own snapshot.
    return snapshotFiles
        .apply("FilesAsTheyArrive", BuildLineUpdates.<KV<String, List<PropSnapshotOffer>>>asLinesArrive())
        .apply("LiveConsensusLines", BuildConsensusLines.byDate(AsOfTime.beforeTipOff()))
        .apply("MovedLines", ParDo.of(new MovedLinesFn(byName)).withSideInputs(byName))
        .setCoder(SchemaCoders.of(UpcomingPlayerGameContext.class));
  }

  static final class MovedLinesFn extends DoFn<KV<String, List<PropLine>>, UpcomingPlayerGameContext> {
    private final SideInputCache views = new SideInputCache();

    @StartBundle
    public void startBundle() {
      views.clear(); // a reused instance must not serve a view read in an earlier bundle
    }
    private final PCollectionView<Map<String, Iterable<UpcomingPlayerGameContext>>> byName;
    private final Counter moved = Metrics.counter("line_updates", "rows");
    private final Counter unchanged = Metrics.counter("line_updates", "lines_unchanged");
    private final Counter noPlayer = Metrics.counter("line_updates", "lines_without_player");

    /** The newest consensus line of each (line-side player name, market) seen so far today. */
    @StateId("lines")
    private final StateSpec<ValueState<Map<String, PropLine>>> linesSpec =
        StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), SchemaCoders.of(PropLine.class)));

    /** Per universe player, the lines' values he was last given ({@link #value}); absent: the morning context's. */
    @StateId("given")
    private final StateSpec<ValueState<Map<String, String>>> givenSpec =
        StateSpecs.value(MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

    MovedLinesFn(PCollectionView<Map<String, Iterable<UpcomingPlayerGameContext>>> byName) {
      this.byName = byName;
    }

    @ProcessElement
    public void process(
        ProcessContext c,
        BoundedWindow window,
        @StateId("lines") ValueState<Map<String, PropLine>> linesState,
        @StateId("given") ValueState<Map<String, String>> givenState) {
      // A firing's lines, merged into what earlier firings gave: a firing a runner delivers late changes nothing.
      Map<String, PropLine> lines = orEmpty(linesState.read());
      boolean newLines = false;
      for (PropLine line : c.element().getValue()) {
        String k = line.getPlayerLookup() + "|" + line.getMarket();
        PropLine known = lines.get(k);
        if (known == null || line.getSnapshotTime().compareTo(known.getSnapshotTime()) >= 0) {
          lines.put(k, line);
          newLines = true;
        }
      }
      if (newLines) {
        linesState.write(lines);
      }
      // tolerant key → line name → that name's lines
      Map<String, Map<String, List<PropLine>>> byKey = new TreeMap<>();
      for (PropLine l : lines.values()) {
        byKey.computeIfAbsent(l.getJoinKey(), k -> new TreeMap<>())
            .computeIfAbsent(l.getPlayerLookup(), k -> new ArrayList<>())
            .add(l);
      }
      Map<String, Iterable<UpcomingPlayerGameContext>> playersByName = views.get(c, window, byName);
      Map<String, String> given = orEmpty(givenState.read());
      boolean changedState = false;
      for (Map.Entry<String, Map<String, List<PropLine>>> e : byKey.entrySet()) {
        Iterable<UpcomingPlayerGameContext> players = playersByName.get(e.getKey());
        if (players == null) {
          noPlayer.inc(e.getValue().size());
          continue;
        }
        Set<String> names = e.getValue().keySet();
        for (UpcomingPlayerGameContext player : players) {
          String name = CompleteContext.choose(player.getPlayerLookup(), names);
          if (name != null && !CompleteContext.claimants(name, names, players).equals(List.of(player))) {
            name = null; // the line's name is another player's, or two players' (CompleteContext's rule)
          }
          List<PropLine> chosen = name == null ? List.of() : e.getValue().get(name);
          String now = value(CompleteContext.marketLines(chosen));
          String before = given.getOrDefault(CompleteContext.key(player), value(player.getMarketLines()));
          if (now.equals(before)) {
            unchanged.inc();
            continue;
          }
          given.put(CompleteContext.key(player), now);
          changedState = true;
          moved.inc();
          c.output(CompleteContext.withLines(player, chosen, newestSnapshot(name == null ? all(e.getValue()) : chosen)));
        }
      }
      if (changedState) {
        givenState.write(given);
      }
    }

    /** What a move is judged on: each market's line and opening line. */
    private static String value(List<MarketLine> lines) {
      StringBuilder v = new StringBuilder();
      lines.forEach(l -> v.append(l.getMarket()).append('=').append(l.getLine()).append('|').append(l.getOpeningLine()).append(';'));
      return v.toString();
    }

    private static List<PropLine> all(Map<String, List<PropLine>> byName) {
      List<PropLine> all = new ArrayList<>();
      byName.values().forEach(all::addAll);
      return all;
    }

    private static String newestSnapshot(List<PropLine> lines) {
      String newest = lines.get(0).getSnapshotTime();
      for (PropLine l : lines) {
        newest = l.getSnapshotTime().compareTo(newest) > 0 ? l.getSnapshotTime() : newest;
      }
      return newest;
    }

    private static <V> Map<String, V> orEmpty(@Nullable Map<String, V> m) {
      return m == null ? new HashMap<>() : new HashMap<>(m);
    }
  }
}
