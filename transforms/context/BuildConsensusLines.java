package transforms.context;

import transforms.daily.GroupByDate;
import schemas.vocabulary.PlayerNames;
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

/**
 * {@code player_prop_lines}: per player and game date, the consensus points line. In a snapshot, each book's
 * main line is the one whose over and under prices are closest to even (books also list alternates); the
 * consensus is the median of the books' main lines. The line is the consensus of the last snapshot taken
 * before tip-off, the opening line that of the first; an offer taken at or after tip-off is not a pre-game
 * line and is counted, not used.
 */
public final class BuildConsensusLines extends PTransform<PCollection<PropSnapshotOffer>, PCollection<PropLine>> {
  public static final String POINTS_MARKET = "player_points";

  @Override
  public PCollection<PropLine> expand(PCollection<PropSnapshotOffer> offers) {
    return offers
        .apply("PreGamePointsOffers", ParDo.of(new KeepPreGamePointsFn()))
        .apply("OfferDays", GroupByDate.of(PropSnapshotOffer::getGameDate))
        .apply("Consensus", ParDo.of(new ConsensusFn()));
  }

  static final class KeepPreGamePointsFn extends DoFn<PropSnapshotOffer, PropSnapshotOffer> {
    private final Counter otherMarkets = Metrics.counter("props", "offers:other_markets");
    private final Counter afterTip = Metrics.counter("props", "offers:taken_after_tipoff");
    private final Counter used = Metrics.counter("props", "offers:points_pre_game");

    @ProcessElement
    public void process(@Element PropSnapshotOffer o, OutputReceiver<PropSnapshotOffer> out) {
      if (!o.getMarket().equals(POINTS_MARKET)) {
        otherMarkets.inc();
      } else if (o.getSnapshotTime().compareTo(o.getGameTime()) >= 0) {
        afterTip.inc();
      } else {
        used.inc();
        out.output(o);
      }
    }
  }

  static final class ConsensusFn extends DoFn<KV<String, Iterable<PropSnapshotOffer>>, PropLine> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<PropSnapshotOffer>> day, OutputReceiver<PropLine> out) {
      // player → snapshot time → book → offers
      Map<String, TreeMap<String, Map<String, List<PropSnapshotOffer>>>> byPlayer = new TreeMap<>();
      for (PropSnapshotOffer o : day.getValue()) {
        byPlayer
            .computeIfAbsent(o.getPlayerLookup(), k -> new TreeMap<>())
            .computeIfAbsent(o.getSnapshotTime(), k -> new TreeMap<>())
            .computeIfAbsent(o.getBookmaker(), k -> new ArrayList<>())
            .add(o);
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

  /** |P(over) − P(under)| from American odds; null when a price is missing. */
  static @Nullable Double priceGap(PropSnapshotOffer o) {
    if (o.getOverOdds() == null || o.getUnderOdds() == null) {
      return null;
    }
    return Math.abs(impliedProbability(o.getOverOdds()) - impliedProbability(o.getUnderOdds()));
  }

  static double impliedProbability(double american) {
    return american < 0 ? -american / (-american + 100) : 100 / (american + 100);
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

}
