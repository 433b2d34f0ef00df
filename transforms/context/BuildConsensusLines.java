package transforms.context;

import transforms.daily.GroupByDate;
import schemas.vocabulary.Markets;
import schemas.vocabulary.Markets.Market;
import schemas.vocabulary.PlayerNames;
import transforms.predictions.Odds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * {@code player_prop_lines}: per player, game date and market ({@link Markets}: the eight the platform carries),
 * the consensus line. In a snapshot, each book's main line is the one whose over and under prices are closest to
 * even (books also list alternates); the consensus is the median of the books' main lines. The line is the
 * consensus of the last snapshot taken before the run's {@link AsOfTime} (and before tip-off), the opening line
 * that of the first; an offer taken at or after either is not known to the run and is counted, not used. A market
 * no offer of a date prices has no row for it: absent, not an error.
 *
 * <p>The consensus price of each side ({@code over_odds}, {@code under_odds}) is the median of that side's
 * American odds over the books whose main line in the latest snapshot equals the consensus line; a book whose side
 * is blank (or not a price) does not count for that side. With an even number of books the median line may fall
 * between two books' lines (20.5 and 21.5 give 21.0): no book offers it, and its price is null, which downstream
 * is a PASS (a side without a price is not bet). The median of American odds is taken on the line where even money
 * is one point, −105 and +105 ten cents apart (American odds less 100 for an underdog, plus 100 for a favourite, and
 * back): the plain midpoint of −105 and +105 would be 0, not a price, and on one side of even both agree (−110 and
 * −120 give −115).
 *
 * <p>Offers of markets the platform does not carry (blocks, steals, turnovers, combinations of those,
 * double-doubles) are counted ({@code props:offers:markets_not_carried}) and dropped; the offers used are counted
 * per market ({@code props:offers:pre_game:<market key>}).
 *
 * <p>The input is whole snapshot files, one element per (file, game date) with all its offers, keyed by the
 * file's name (as {@code ReadInputs} reads them): a date's group then holds complete files only, so a consensus,
 * in any pane of any runner, is never one of half a file.
 */
public final class BuildConsensusLines
    extends PTransform<PCollection<KV<String, List<PropSnapshotOffer>>>, PCollection<PropLine>> {
  private final AsOfTime asOf;

  public BuildConsensusLines(AsOfTime asOf) {
    this.asOf = asOf;
  }

  @Override
  public PCollection<PropLine> expand(PCollection<KV<String, List<PropSnapshotOffer>>> files) {
    return files
        .apply("ConsensusByDate", byDate(asOf))
        .apply("EachLine", ParDo.of(new EachLineFn()))
        .setCoder(SchemaCoders.of(PropLine.class));
  }

  /**
   * The same consensus, one element per date and pane: all of a date's lines of one firing together (key: the
   * date), for a step that must see a firing whole ({@link BuildLineUpdates}: one row per player per firing).
   */
  public static PTransform<PCollection<KV<String, List<PropSnapshotOffer>>>, PCollection<KV<String, List<PropLine>>>>
      byDate(AsOfTime asOf) {
    return new PTransform<>() {
      @Override
      public PCollection<KV<String, List<PropLine>>> expand(PCollection<KV<String, List<PropSnapshotOffer>>> files) {
        return files
            .apply("KnownCarriedOffers", ParDo.of(new KeepKnownOffersFn(asOf)))
            .setCoder(SchemaCoders.snapshotFileParts())
            .apply("SnapshotFileDays", GroupByDate.of(f -> f.getValue().get(0).getGameDate()))
            .apply("Consensus", ParDo.of(new ConsensusFn()))
            .setCoder(dayLines());
      }
    };
  }

  /** The coder of a date's lines ({@link #byDate}). */
  public static KvCoder<String, List<PropLine>> dayLines() {
    return KvCoder.of(StringUtf8Coder.of(), ListCoder.of(SchemaCoders.of(PropLine.class)));
  }

  /**
   * Per file part, its offers of carried markets known at the as-of instant (before tip-off); an emptied part is
   * dropped.
   */
  static final class KeepKnownOffersFn
      extends DoFn<KV<String, List<PropSnapshotOffer>>, KV<String, List<PropSnapshotOffer>>> {
    private final AsOfTime asOf;
    private final Counter notCarried = Metrics.counter("props", "offers:markets_not_carried");
    private final Counter afterTip = Metrics.counter("props", "offers:taken_after_tipoff");
    private final Counter afterAsOf = Metrics.counter("props", "offers:taken_after_as_of");
    private final Map<Market, Counter> used = new EnumMap<>(Market.class);

    KeepKnownOffersFn(AsOfTime asOf) {
      this.asOf = asOf;
      for (Market m : Market.values()) {
        used.put(m, Metrics.counter("props", "offers:pre_game:" + m.key()));
      }
    }

    @ProcessElement
    public void process(
        @Element KV<String, List<PropSnapshotOffer>> file, OutputReceiver<KV<String, List<PropSnapshotOffer>>> out) {
      List<PropSnapshotOffer> kept = new ArrayList<>();
      for (PropSnapshotOffer o : file.getValue()) {
        Market market = Markets.of(o.getMarket());
        if (market == null) {
          notCarried.inc();
        } else if (Instant.parse(o.getSnapshotTime()).compareTo(Instant.parse(o.getGameTime())) >= 0) {
          afterTip.inc();
        } else if (!asOf.knows(o.getSnapshotTime(), o.getGameDate(), o.getGameTime())) {
          afterAsOf.inc();
        } else {
          used.get(market).inc();
          kept.add(o);
        }
      }
      if (!kept.isEmpty()) {
        out.output(KV.of(file.getKey(), kept));
      }
    }
  }

  /** One date's (one pane's) whole files → its lines, sorted by player and market. */
  static final class ConsensusFn
      extends DoFn<KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>>, KV<String, List<PropLine>>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, List<PropSnapshotOffer>>>> day,
        OutputReceiver<KV<String, List<PropLine>>> out) {
      // (player, market) → snapshot time → book → offers
      Map<String, Map<Market, TreeMap<String, Map<String, List<PropSnapshotOffer>>>>> byPlayer = new TreeMap<>();
      for (KV<String, List<PropSnapshotOffer>> file : day.getValue()) {
        for (PropSnapshotOffer o : file.getValue()) {
          byPlayer
              .computeIfAbsent(o.getPlayerLookup(), k -> new EnumMap<>(Market.class))
              .computeIfAbsent(Markets.of(o.getMarket()), k -> new TreeMap<>())
              .computeIfAbsent(o.getSnapshotTime(), k -> new TreeMap<>())
              .computeIfAbsent(o.getBookmaker(), k -> new ArrayList<>())
              .add(o);
        }
      }
      List<PropLine> lines = new ArrayList<>();
      byPlayer.values().forEach(byMarket -> byMarket.forEach((m, bySnapshot) -> lines.add(consensus(m, bySnapshot))));
      out.output(KV.of(day.getKey(), lines));
    }
  }

  static final class EachLineFn extends DoFn<KV<String, List<PropLine>>, PropLine> {
    @ProcessElement
    public void process(@Element KV<String, List<PropLine>> day, OutputReceiver<PropLine> out) {
      day.getValue().forEach(out::output);
    }
  }

  /** One player's consensus in one market, from his offers by snapshot time and book. */
  static PropLine consensus(Market market, TreeMap<String, Map<String, List<PropSnapshotOffer>>> bySnapshot) {
    PropSnapshotOffer any = bySnapshot.firstEntry().getValue().values().iterator().next().get(0);
    List<PropSnapshotOffer> latest = mainOffers(bySnapshot.lastEntry().getValue());
    double line = median(sortedLines(latest));
    double open = median(sortedLines(mainOffers(bySnapshot.firstEntry().getValue())));
    List<Double> overs = new ArrayList<>();
    List<Double> unders = new ArrayList<>();
    for (PropSnapshotOffer o : latest) {
      if (o.getLine() == line) {
        if (Odds.isPrice(o.getOverOdds())) {
          overs.add(o.getOverOdds());
        }
        if (Odds.isPrice(o.getUnderOdds())) {
          unders.add(o.getUnderOdds());
        }
      }
    }
    return PropLine.builder()
        .setPlayerLookup(any.getPlayerLookup())
        .setJoinKey(PlayerNames.joinKey(any.getPlayerLookup()))
        .setPlayerName(any.getPlayerName())
        .setGameDate(any.getGameDate())
        .setGameTime(any.getGameTime())
        .setMarket(market.key())
        .setLine(line)
        .setOpeningLine(open)
        .setLineMove(line - open)
        .setOverOdds(medianPrice(overs))
        .setUnderOdds(medianPrice(unders))
        .setBooksCount(latest.size())
        .setSnapshotTime(bySnapshot.lastKey())
        .setOpeningSnapshotTime(bySnapshot.firstKey())
        .build();
  }

  /** Each book's main offer in one snapshot: the one priced closest to even, in book order. */
  static List<PropSnapshotOffer> mainOffers(Map<String, List<PropSnapshotOffer>> byBook) {
    List<PropSnapshotOffer> main = new ArrayList<>();
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
      main.add(best);
    }
    return main;
  }

  private static List<Double> sortedLines(List<PropSnapshotOffer> offers) {
    List<Double> lines = new ArrayList<>();
    offers.forEach(o -> lines.add(o.getLine()));
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

  /**
   * The median of American prices, taken on the line where even money is one point (see the class comment): null
   * without a price.
   */
  static @Nullable Double medianPrice(List<Double> american) {
    if (american.isEmpty()) {
      return null;
    }
    List<Double> cents = new ArrayList<>();
    american.forEach(a -> cents.add(a < 0 ? a + 100 : a - 100));
    cents.sort(Comparator.naturalOrder());
    double c = median(cents);
    return c <= 0 ? c - 100 : c + 100;
  }
}
