package transforms.features;

import schemas.vocabulary.PlayerKeys;
import transforms.daily.GroupByDate;
import schemas.UpstreamNotReadyException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import schemas.TableSpec;
import schemas.UpcomingPlayerGameContext;

/**
 * Lets a persisted upstream table (one partition per date, rows per player) through to the day's transforms
 * only for dates where it is fit to build from, and stops the run otherwise with an
 * {@link UpstreamNotReadyException} naming the table, the date and the problem:
 *
 * <ul>
 *   <li>the date has players in the run's universe but no partition;
 *   <li>the partition was written longer ago than the allowed age;
 *   <li>the partition covers less than the required share of the universe (the players missing are named).
 * </ul>
 *
 * A date that passes emits its rows; players it lacks (allowed by a coverage below 1) are then recomputed and
 * flagged {@code cache_miss_fallback_used} by the feature store.
 */
public final class UpstreamGate<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final PCollection<UpcomingPlayerGameContext> context;
  private final Rules<T> rules;

  /**
   * @param writtenAt write time (epoch millis) of each partition the upstream holds
   * @param nowMillis the run's start, against which ages are measured
   */
  public UpstreamGate(
      TableSpec<T> table,
      SerializableFunction<T, String> playerOf,
      PCollection<UpcomingPlayerGameContext> context,
      Map<String, Long> writtenAt,
      long nowMillis,
      double maxAgeHours,
      double minCoverage) {
    this.context = context;
    this.rules = new Rules<>(table, playerOf, new TreeMap<>(writtenAt), nowMillis, maxAgeHours, minCoverage);
  }

  @Override
  public PCollection<T> expand(PCollection<T> persisted) {
    TupleTag<UpcomingPlayerGameContext> universe = new TupleTag<>();
    TupleTag<T> rows = new TupleTag<>();
    return KeyedPCollectionTuple.of(universe, GroupByDate.keyedDaily("Universe", context, UpcomingPlayerGameContext::getGameDate))
        .and(rows, GroupByDate.keyedDaily("Persisted", persisted, rules.table::partitionOf))
        .apply("JoinDay", CoGroupByKey.create())
        .apply("CheckDay", ParDo.of(new CheckFn<>(rules, universe, rows)))
        .setCoder(persisted.getCoder());
  }

  /** What makes a partition fit to build from. */
  static final class Rules<T> implements Serializable {
    final TableSpec<T> table;
    final SerializableFunction<T, String> playerOf;
    final TreeMap<String, Long> writtenAt;
    final long nowMillis;
    final double maxAgeHours;
    final double minCoverage;

    Rules(
        TableSpec<T> table,
        SerializableFunction<T, String> playerOf,
        TreeMap<String, Long> writtenAt,
        long nowMillis,
        double maxAgeHours,
        double minCoverage) {
      this.table = table;
      this.playerOf = playerOf;
      this.writtenAt = writtenAt;
      this.nowMillis = nowMillis;
      this.maxAgeHours = maxAgeHours;
      this.minCoverage = minCoverage;
    }

    /** The problem with one date's partition, or null when it is fit to build from. */
    /** @param universe the run's players of the date: player key → how a message names him */
    String problem(String date, Map<String, String> universe, Set<String> present) {
      Long written = writtenAt.get(date);
      if (written == null) {
        return table.name() + " has no partition for " + date + " (" + universe.size() + " players of the run need it)";
      }
      double ageHours = (nowMillis - written) / 3_600_000.0;
      if (ageHours > maxAgeHours) {
        return String.format(
            "%s partition %s was written %.1f hours ago, more than the allowed %.1f (--maxUpstreamAgeHours)",
            table.name(), date, ageHours, maxAgeHours);
      }
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, String> player : universe.entrySet()) {
        if (!present.contains(player.getKey())) {
          missing.add(player.getValue());
        }
      }
      double coverage = universe.isEmpty() ? 1 : 1 - (double) missing.size() / universe.size();
      if (coverage < minCoverage) {
        return String.format(
            "%s partition %s covers %d of the run's %d players (%.1f%%, required %.1f%%: --minUpstreamCoverage); missing: %s",
            table.name(), date, universe.size() - missing.size(), universe.size(), 100 * coverage, 100 * minCoverage,
            missing.size() > 10 ? String.join(", ", missing.subList(0, 10)) + ", …" : String.join(", ", missing));
      }
      return null;
    }
  }

  static final class CheckFn<T> extends DoFn<KV<String, CoGbkResult>, T> {
    private final Rules<T> gate;
    private final TupleTag<UpcomingPlayerGameContext> universeTag;
    private final TupleTag<T> rowsTag;

    CheckFn(Rules<T> gate, TupleTag<UpcomingPlayerGameContext> universeTag, TupleTag<T> rowsTag) {
      this.gate = gate;
      this.universeTag = universeTag;
      this.rowsTag = rowsTag;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String date = c.element().getKey();
      // keyed by player (id), named by his folded name in a message (with the id when there is one)
      Map<String, String> universe = new TreeMap<>();
      c.element().getValue().getAll(universeTag).forEach(p -> universe.put(
          PlayerKeys.of(p.getPlayerId(), p.getPlayerLookup()),
          p.getPlayerId() == null ? p.getPlayerLookup() : p.getPlayerLookup() + " (" + p.getPlayerId() + ")"));
      if (universe.isEmpty()) {
        return; // nobody of this run plays that day: the partition is not needed
      }
      Set<String> present = new TreeSet<>();
      Iterable<T> rows = c.element().getValue().getAll(rowsTag);
      rows.forEach(r -> present.add(gate.playerOf.apply(r)));
      String problem = gate.problem(date, universe, present);
      if (problem != null) {
        throw new UpstreamNotReadyException(problem);
      }
      Metrics.counter("upstream", gate.table.name() + ":dates_accepted").inc();
      rows.forEach(c::output);
    }
  }
}
