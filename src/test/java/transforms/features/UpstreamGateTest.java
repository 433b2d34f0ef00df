package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.Test;
import schemas.UpstreamNotReadyException;

public class UpstreamGateTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final long HOUR = 3_600_000L;

  private static UpstreamGate gate(Map<String, Long> writtenAt, double minCoverage) {
    return new UpstreamGate("player_daily_cache", writtenAt, NOW, 36, minCoverage);
  }

  @Test
  public void aFreshCompletePartitionIsFit() {
    assertThat(gate(Map.of("2024-11-15", NOW - HOUR), 1.0).problem("2024-11-15", Set.of("a", "b"), Set.of("a", "b", "c")),
        nullValue());
  }

  @Test
  public void aMissingPartitionNamesTheDateAndHowManyNeedIt() {
    assertThat(gate(Map.of(), 1.0).problem("2024-11-15", Set.of("a", "b"), Set.of()),
        equalTo("player_daily_cache has no partition for 2024-11-15 (2 players of the run need it)"));
  }

  @Test
  public void aPartitionOlderThanTheAllowedAgeIsRefusedAndOneJustWithinIsNot() {
    assertThat(gate(Map.of("2024-11-15", NOW - 48 * HOUR), 1.0).problem("2024-11-15", Set.of("a"), Set.of("a")),
        equalTo("player_daily_cache partition 2024-11-15 was written 48.0 hours ago, more than the allowed 36.0"
            + " (--maxUpstreamAgeHours)"));
    assertThat(gate(Map.of("2024-11-15", NOW - 36 * HOUR), 1.0).problem("2024-11-15", Set.of("a"), Set.of("a")),
        nullValue());
  }

  @Test
  public void coverageBelowTheMinimumNamesTheMissingPlayersAndAToleratedGapPasses() {
    Set<String> universe = Set.of("a", "b", "c", "d");
    Set<String> present = Set.of("a", "b", "c");
    assertThat(gate(Map.of("2024-11-15", NOW), 1.0).problem("2024-11-15", universe, present),
        equalTo("player_daily_cache partition 2024-11-15 covers 3 of the run's 4 players (75.0%, required 100.0%:"
            + " --minUpstreamCoverage); missing: d"));
    assertThat(gate(Map.of("2024-11-15", NOW), 0.75).problem("2024-11-15", universe, present), nullValue());
  }

  @Test
  public void moreThanTenMissingPlayersAreCutShort() {
    Set<String> universe = IntStream.range(10, 30).mapToObj(i -> "p" + i).collect(Collectors.toCollection(TreeSet::new));
    String problem = gate(Map.of("2024-11-15", NOW), 1.0).problem("2024-11-15", universe, Set.of());
    assertThat(problem, endsWith("missing: p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, …"));
  }

  @Test
  public void checkRefusesTheFirstUnfitDateAndIgnoresDatesNobodyNeeds() {
    UpstreamGate gate = gate(Map.of("2024-11-14", NOW, "2024-11-16", NOW - 48 * HOUR), 1.0);
    // 2024-11-13 has no partition but nobody of the run plays then; 2024-11-15 has none and is needed.
    Map<String, Set<String>> universe = Map.of(
        "2024-11-13", Set.of(), "2024-11-14", Set.of("a"), "2024-11-15", Set.of("b"), "2024-11-16", Set.of("c"));
    Map<String, Set<String>> present = Map.of("2024-11-14", Set.of("a"), "2024-11-16", Set.of("c"));
    UpstreamNotReadyException e = assertThrows(UpstreamNotReadyException.class, () -> gate.check(universe, present));
    assertThat(e.getMessage(), containsString("no partition for 2024-11-15"));

    gate.check(Map.of("2024-11-13", Set.of(), "2024-11-14", Set.of("a")), present);
  }

  @Test
  public void aDateWithoutPersistedRowsCountsAsEmpty() {
    UpstreamGate gate = gate(Map.of("2024-11-14", NOW), 1.0);
    UpstreamNotReadyException e = assertThrows(
        UpstreamNotReadyException.class, () -> gate.check(Map.of("2024-11-14", Set.of("a")), Map.of()));
    assertThat(e.getMessage(), containsString("covers 0 of the run's 1 players"));
  }
}
