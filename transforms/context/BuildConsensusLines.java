package transforms.context;

import transforms.daily.GroupByDate;
import schemas.vocabulary.Markets;
import schemas.vocabulary.PlayerNames;
import transforms.predictions.Odds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PropLine;
import schemas.PropSnapshotOffer;
import schemas.SchemaCoders;
import java.time.Instant;

/**
 * {@code player_prop_lines}: per player and game date, the consensus points line. In a snapshot, each book's
 * main line is the one whose over and under prices are closest to even (books also list alternates); the
 * consensus is the median of the books' main lines. The line is the consensus of the last snapshot taken
 * before the run's {@link AsOfTime} (and before tip-off), the opening line that of the first; an offer taken at
 * or after either is not known to the run and is counted, not used.
 *
 * <p>The input is whole snapshot files, one element per (file, game date) with all its offers, keyed by the
 * file's name (as {@code ReadInputs} reads them): a date's group then holds complete files only, so a consensus,
 * in any pane of any runner, is never one of half a file.
 */
public final class BuildConsensusLines
    extends PTransform<PCollection<KV<String, List<PropSnapshotOffer>>>, PCollection<PropLine>> {
  public static final String POINTS_MARKET = Markets.Market.POINTS.key();

  private final AsOfTime asOf;

  public BuildConsensusLines(AsOfTime asOf) {
    this.asOf = asOf;
  }

  @Override
  public PCollection<PropLine> expand(PCollection<KV<String, List<PropSnapshotOffer>>> files) {
    return files
        .apply("KnownPointsOffers", ParDo.of(new KeepKnownPointsFn(asOf)))
        .setCoder(SchemaCoders.snapshotFileParts())
        .apply("SnapshotFileDays", GroupByDate.of(f -> f.getValue().get(0).getGameDate()))
        .apply("Consensus", ParDo.of(new ConsensusFn()));
  }

  /** Per file part, its points offers known at the as-of instant (before tip-off); an emptied part is dropped. */
  static final class KeepKnownPointsFn
      extends DoFn<KV<String, List<PropSnapshotOffer>>, KV<String, List<PropSnapshotOffer>>> {
    private final AsOfTime asOf;
    private final Counter otherMarkets = Metrics.counter("props", "offers:other_markets");
    private final Counter afterTip = Metrics.counter("props", "offers:taken_after_tipoff");
    private final Counter afterAsOf = Metrics.counter("props", "offers:taken_after_as_of");
    private final Counter used = Metrics.counter("props", "offers:points_pre_game");

    KeepKnownPointsFn(AsOfTime asOf) {
      this.asOf = asOf;
    }

    @ProcessElement
    public void process(
        @Element KV<String, List<PropSnapshotOffer>> file, OutputReceiver<KV<String, List<PropSnapshotOffer>>> out) {
      List<PropSnapshotOffer> kept = new ArrayList<>();
      for (PropSnapshotOffer o : file.getValue()) {
        if (!o.getMarket().equals(POINTS_MARKET)) {
          otherMarkets.inc();
        } else if (Instant.parse(o.getSnapshotTime()).compareTo(Instant.parse(o.getGameTime())) >= 0) {
          afterTip.inc();
        } else if (!asOf.knows(o.getSnapshotTime(), o.getGameDate(), o.getGameTime())) {
          afterAsOf.inc();
        } else {
          used.inc();
          kept.add(o);
        }
      }
      if (!kept.isEmpty()) {
        out.output(KV.of(file.getKey(), kept));
      }
    }
  }

  static final class ConsensusFn
      extends DoFn<KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>>, PropLine> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>> day, OutputReceiver<PropLine> out) {
      // player → snapshot time → book → offers
      Map<String, TreeMap<String, Map<String, List<PropSnapshotOffer>>>> byPlayer = new TreeMap<>();
      for (KV<String, List<PropSnapshotOffer>> file : day.getValue()) {
        for (PropSnapshotOffer o : file.getValue()) {
          byPlayer
              .computeIfAbsent(o.getPlayerLookup(), k -> new TreeMap<>())
              .computeIfAbsent(o.getSnapshotTime(), k -> new TreeMap<>())
              .computeIfAbsent(o.getBookmaker(), k -> new ArrayList<>())
              .add(o);
        }
      }
      byPlayer.values().forEach(bySnapshot -> out.output(consensus(bySnapshot)));
    }

    private static PropLine consensus(TreeMap<String, Map<String, List<PropSnapshotOffer>>> bySnapshot) {
      PropSnapshotOffer any = bySnapshot.firstEntry().getValue().values().iterator().next().get(0);
      List<Double> latest = mainLines(bySnapshot.lastEntry().getValue());
      List<Double> opening = mainLines(bySnapshot.firstEntry().getValue());
      double line = median(latest);
      double open = median(opening);
      return PropLine.builder()
          .setPlayerLookup(any.getPlayerLookup())
          .setJoinKey(PlayerNames.joinKey(any.getPlayerLookup()))
          .setPlayerName(any.getPlayerName())
          .setGameDate(any.getGameDate())
          .setGameTime(any.getGameTime())
          .setLine(line)
          .setOpeningLine(open)
          .setLineMove(line - open)
          .setBooksCount(latest.size())
          .setSnapshotTime(bySnapshot.lastKey())
          .setOpeningSnapshotTime(bySnapshot.firstKey())
          .setMarket(POINTS_MARKET)
          .build();
    }
  }

  /** Each book's main line in one snapshot. */
  static List<Double> mainLines(Map<String, List<PropSnapshotOffer>> byBook) {
    List<Double> lines = new ArrayList<>();
    for (List<PropSnapshotOffer> offers : byBook.values()) {
      PropSnapshotOffer best = null;
      double bestGap = Double.MAX_VALUE;
      for (PropSnapshotOffer o : offers) {
        Double gap = priceGap(o);
        double g = gap == null ? Double.MAX_VALUE / 2 : gap;
        // ties (and offers without prices) resolve to the lower line, so the choice is deterministic
        if (best == null || g < bestGap || (g == bestGap && o.getLine() < best.getLine())) {
          best = o;
          bestGap = g;
        }
      }
      lines.add(best.getLine());
    }
    Collections.sort(lines);
    return lines;
  }

  /** |P(over) − P(under)| from American odds; null when a side has no price (blank, or not valid odds). */
  static @Nullable Double priceGap(PropSnapshotOffer o) {
    if (!Odds.isPrice(o.getOverOdds()) || !Odds.isPrice(o.getUnderOdds())) {
      return null;
    }
    return Math.abs(Odds.impliedProbability(o.getOverOdds()) - Odds.impliedProbability(o.getUnderOdds()));
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

}
