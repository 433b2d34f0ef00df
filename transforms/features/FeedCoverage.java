package transforms.features;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.GameLine;
import schemas.PropLine;
import schemas.ShotZoneAttempts;
import schemas.TeamDefenseZoneAnalysis;
import schemas.UpcomingPlayerGameContext;
import schemas.vocabulary.Markets;
import transforms.daily.SideInputCache;
import transforms.daily.SortedDistinct;
import transforms.features.FeatureContract.Feed;

/**
 * Which optional feeds have data for a date, the run-level half of "what a row lacks vs what the run lacks"
 * ({@link FeatureContract}): props and game lines cover a date when the run knows a line for it (as of its
 * instant); shot zones cover a date when the feed has any game of the date's season before it, since the
 * shot-zone features of D are built from earlier games. A feed absent from the run covers nothing. Team stats
 * are a property of a team's box scores rather than a file: they are absent for a row whose team or opponent
 * has recent team-games but only partial ones (a partial-roster export), see {@link #onlyPartialBoxScores}.
 *
 * <p>The view is one sorted list of keys per feed in the global window: a few hundred dates a season, cheap to
 * broadcast to every worker on any runner, read once per bundle and window ({@link SideInputCache}).
 */
public final class FeedCoverage implements Serializable {
  private final PCollectionView<Map<String, List<String>>> datesByFeed;

  private FeedCoverage(PCollectionView<Map<String, List<String>>> datesByFeed) {
    this.datesByFeed = datesByFeed;
  }

  /** The coverage of the run's consensus lines, game lines and shot-zone rows. */
  public static FeedCoverage of(
      PCollection<PropLine> lines, PCollection<GameLine> gameLines, PCollection<ShotZoneAttempts> zones) {
    PCollection<KV<String, String>> props = keys("PropsCoverage", lines, l -> KV.of(Feed.PROPS.id, l.getGameDate()));
    PCollection<KV<String, String>> markets = keys("MarketsCoverage", lines, l -> KV.of(marketKey(l.getMarket()), l.getGameDate()));
    PCollection<KV<String, String>> games = keys("GameLinesCoverage", gameLines, l -> KV.of(Feed.GAME_LINES.id, l.getGameDate()));
    PCollection<KV<String, String>> zoneDates =
        keys("ShotZonesCoverage", zones, z -> KV.of(Feed.SHOT_ZONES.id, z.getSeason() + "|" + z.getGameDate()));
    PCollection<KV<String, List<String>>> sortedDates =
        PCollectionList.of(props).and(markets).and(games).and(zoneDates)
            .apply("AllFeedDates", Flatten.pCollections())
            // combined per feed (three keys): a Distinct by (feed, date) made every date a bundle of its own downstream
            .apply("FeedDates", Combine.perKey(new SortedDistinct()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())));
    // Read through SideInputCache by the feature DoFns: it must fire one pane.
    return new FeedCoverage(SideInputCache.singlePane("FeedCoverage", sortedDates).apply("FeedCoverageView", View.asMap()));
  }

  private static <T> PCollection<KV<String, String>> keys(
      String name, PCollection<T> rows, SerializableFunction<T, KV<String, String>> key) {
    // Each feed in the global window before the flatten: they come in whatever windows their readers chose.
    return rows.apply(name + "InGlobalWindow", Window.<T>into(new GlobalWindows()))
        .apply(name, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())).via(key));
  }

  PCollectionView<Map<String, List<String>>> view() {
    return datesByFeed;
  }

  /**
   * The optional feeds without data for a context row: its date's ({@link #absentOn}), and team stats when its
   * team's or opponent's recent games are all partial box scores. A row that carries a line proves its feed covers
   * the date (a line update arriving after the morning the coverage was built from).
   */
  static Set<Feed> absentFor(
      Map<String, List<String>> covered, UpcomingPlayerGameContext row, @Nullable TeamDefenseZoneAnalysis team,
      @Nullable TeamDefenseZoneAnalysis opponent) {
    Set<Feed> absent = absentOn(covered, row.getSeason(), row.getGameDate());
    if (!row.getMarketLines().isEmpty()) {
      absent.remove(Feed.PROPS);
    }
    if (row.getGameTotal() != null) {
      absent.remove(Feed.GAME_LINES);
    }
    if (onlyPartialBoxScores(team) || onlyPartialBoxScores(opponent)) {
      absent.add(Feed.TEAM_STATS);
    }
    return absent;
  }

  /** The coverage key of one market's lines: a market covers a date when any player has a line in it. */
  static String marketKey(String market) {
    return Feed.PROPS.id + ":" + market;
  }

  /**
   * The markets without a line for anyone on the row's date (a market the books did not list that day, or the
   * whole props feed absent): their line features are missing with the feed, not this player's gap. A line the
   * row carries proves its market covers the date (a line update after the morning's coverage).
   */
  static Set<Markets.Market> absentMarketsFor(Map<String, List<String>> covered, UpcomingPlayerGameContext row) {
    Set<Markets.Market> absent = EnumSet.noneOf(Markets.Market.class);
    for (Markets.Market m : Markets.Market.values()) {
      if (!has(covered.get(marketKey(m.key())), row.getGameDate()) && row.lineOf(m) == null) {
        absent.add(m);
      }
    }
    return absent;
  }

  /**
   * A team whose last ten games before D are there but none has a complete box score: the export holds some of
   * its players only, so its sums are not the team's and its ratings cannot be known (not merely not yet known,
   * as for a team with no game yet, which stays a per-row default).
   */
  static boolean onlyPartialBoxScores(@Nullable TeamDefenseZoneAnalysis t) {
    return t != null && t.getGamesInSample() == 0 && t.getIncompleteGamesLast10() > 0;
  }

  static Set<Feed> absentOn(Map<String, List<String>> covered, String season, String date) {
    Set<Feed> absent = EnumSet.noneOf(Feed.class);
    if (!has(covered.get(Feed.PROPS.id), date)) {
      absent.add(Feed.PROPS);
    }
    if (!has(covered.get(Feed.GAME_LINES.id), date)) {
      absent.add(Feed.GAME_LINES);
    }
    if (!anyBefore(covered.get(Feed.SHOT_ZONES.id), season, date)) {
      absent.add(Feed.SHOT_ZONES);
    }
    return absent;
  }

  private static boolean has(@Nullable List<String> sorted, String key) {
    return sorted != null && Collections.binarySearch(sorted, key) >= 0;
  }

  /** Whether a sorted list of {@code season|date} holds a date of {@code season} before {@code date}. */
  private static boolean anyBefore(@Nullable List<String> sorted, String season, String date) {
    if (sorted == null) {
      return false;
    }
    String prefix = season + "|";
    int i = Collections.binarySearch(sorted, prefix);
    int first = i >= 0 ? i : -i - 1;
    return first < sorted.size() && sorted.get(first).startsWith(prefix)
        && sorted.get(first).substring(prefix.length()).compareTo(date) < 0;
  }
}
