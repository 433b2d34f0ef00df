package transforms.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerDailyCache;
import schemas.UpcomingPlayerGameContext;
import schemas.UpstreamNotReadyException;

/**
 * Decides whether a persisted upstream table (one partition per date, rows per player) is fit to build from,
 * and refuses it otherwise with an {@link UpstreamNotReadyException} naming the table, the date and the problem:
 *
 * <ul>
 *   <li>the date has players in the run's universe but no partition;
 *   <li>the partition was written longer ago than the allowed age;
 *   <li>the partition covers less than the required share of the universe (the players missing are named).
 * </ul>
 *
 * The driver applies it before the graph runs (see {@code pipelines.PersistedUpstream}): a refusal thrown from
 * inside a running graph never reaches the user on Dataflow, and a streaming job would retry it forever. Players
 * a tolerated gap leaves out (a coverage below 1) are recomputed and flagged {@code cache_miss_fallback_used} by
 * the feature store.
 */
public final class UpstreamGate {
  private final String table;
  private final TreeMap<String, Long> writtenAt;
  private final long nowMillis;
  private final double maxAgeHours;
  private final double minCoverage;

  /**
   * @param writtenAt write time (epoch millis) of each partition the upstream holds
   * @param nowMillis the run's start, against which ages are measured
   */
  public UpstreamGate(String table, Map<String, Long> writtenAt, long nowMillis, double maxAgeHours, double minCoverage) {
    this.table = table;
    this.writtenAt = new TreeMap<>(writtenAt);
    this.nowMillis = nowMillis;
    this.maxAgeHours = maxAgeHours;
    this.minCoverage = minCoverage;
  }

  /**
   * How the universe and the persisted rows name a player; the gate compares these keys and nothing else. A row of
   * one date is one player by id (or by folded name where the input has no id), and a message names him by both.
   */
  public static String player(UpcomingPlayerGameContext c) {
    return player(c.getPlayerId(), c.getPlayerLookup());
  }

  public static String player(PlayerDailyCache row) {
    return player(row.getPlayerId(), row.getPlayerLookup());
  }

  private static String player(@Nullable String playerId, String playerLookup) {
    return playerId == null || playerId.isEmpty() ? playerLookup : playerLookup + " (" + playerId + ")";
  }

  /**
   * Refuses the upstream at the first date (in date order) whose partition is not fit for the run's universe of
   * that date; dates without players in the universe do not need a partition.
   *
   * @param universe the run's players per date
   * @param present the players each persisted partition holds, per date
   */
  public void check(Map<String, Set<String>> universe, Map<String, Set<String>> present) {
    for (Map.Entry<String, Set<String>> day : new TreeMap<>(universe).entrySet()) {
      if (day.getValue().isEmpty()) {
        continue;
      }
      String problem = problem(day.getKey(), day.getValue(), present.getOrDefault(day.getKey(), Set.of()));
      if (problem != null) {
        throw new UpstreamNotReadyException(problem);
      }
    }
  }

  /** The problem with one date's partition, or null when it is fit to build from. */
  public @Nullable String problem(String date, Set<String> universe, Set<String> present) {
    Long written = writtenAt.get(date);
    if (written == null) {
      return table + " has no partition for " + date + " (" + universe.size() + " players of the run need it)";
    }
    double ageHours = (nowMillis - written) / 3_600_000.0;
    if (ageHours > maxAgeHours) {
      return String.format(
          "%s partition %s was written %.1f hours ago, more than the allowed %.1f (--maxUpstreamAgeHours)",
          table, date, ageHours, maxAgeHours);
    }
    List<String> missing = new ArrayList<>();
    for (String player : universe) {
      if (!present.contains(player)) {
        missing.add(player);
      }
    }
    double coverage = universe.isEmpty() ? 1 : 1 - (double) missing.size() / universe.size();
    if (coverage < minCoverage) {
      return String.format(
          "%s partition %s covers %d of the run's %d players (%.1f%%, required %.1f%%: --minUpstreamCoverage); missing: %s",
          table, date, universe.size() - missing.size(), universe.size(), 100 * coverage, 100 * minCoverage,
          missing.size() > 10 ? String.join(", ", missing.subList(0, 10)) + ", …" : String.join(", ", missing));
    }
    return null;
  }
}
