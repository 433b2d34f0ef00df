package io.inputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The demo's training league: the embedded sample league's previous season. */
public class SampleLeagueTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void thePreviousSeasonHasTheSamePlayersInOtherGamesAllBeforeTheSample() throws Exception {
    Path sampleDir = tmp.newFolder("sample").toPath();
    Path previousDir = tmp.newFolder("previous").toPath();
    SampleLeague.Summary sample = SampleLeague.write(sampleDir, SampleLeague.Config.embedded());
    SampleLeague.Summary previous = SampleLeague.write(previousDir, SampleLeague.Config.embedded().previousSeason());

    assertThat(previous.lastScheduledDay.compareTo(sample.firstGameDay), lessThan(0));
    assertThat("every scheduled day is played", previous.lastScheduledDay, equalTo(previous.lastPlayedDay));
    assertThat(players(previousDir), equalTo(players(sampleDir)));
    assertThat("other games, not a copy shifted by a year",
        column(previousDir, 8), not(equalTo(column(sampleDir, 8)))); // MIN
    List<String> seasons = column(previousDir, 0);
    assertThat(new TreeSet<>(seasons), equalTo(new TreeSet<>(Set.of("2023-24"))));
  }

  @Test
  public void theFirstDayWithPriorGamesIsTheFirstOnWhichATeamHasThatManyBehindIt() throws Exception {
    SampleLeague.Summary s = SampleLeague.write(tmp.newFolder().toPath(), SampleLeague.Config.embedded());
    assertThat(s.firstDayWithPriorGames(0), equalTo(s.firstGameDay));
    LocalDate fifth = s.firstDayWithPriorGames(5);
    assertThat(s.mostPriorGames.get(fifth), equalTo(5));
    assertThat(s.mostPriorGames.headMap(fifth).values().stream().allMatch(g -> g < 5), equalTo(true));
    assertThat(s.firstDayWithPriorGames(1000), equalTo(null));
  }

  /**
   * The props file carries every market the platform carries, each offer with both sides' odds, plus a market it
   * does not carry (blocks); each market's lines come from the player's expected stats, so a combined market's
   * lowest line for a player in a snapshot is above each of its parts'.
   */
  @Test
  public void thePropsFileHasEveryMarketWithBothSidesPriced() throws Exception {
    Path dir = tmp.newFolder().toPath();
    SampleLeague.write(dir, SampleLeague.Config.embedded());
    List<String> rows;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
        Files.newInputStream(dir.resolve("player_props_snapshots.csv.gz")))) {
      rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList();
    }
    Set<String> markets = new TreeSet<>();
    java.util.Map<String, Double> lowest = new java.util.HashMap<>(); // snapshot|player|market → lowest line
    for (String row : rows) {
      String[] f = row.split(",");
      markets.add(f[3]);
      for (int side : new int[] {8, 9}) {
        assertThat(row, Math.abs(Double.parseDouble(f[side])) >= 100, equalTo(true));
      }
      lowest.merge(f[0] + "|" + f[2] + "|" + f[3], Double.parseDouble(f[4]), Math::min);
    }
    Set<String> expected = new TreeSet<>(Set.of("player_blocks"));
    for (schemas.vocabulary.Markets.Market m : schemas.vocabulary.Markets.Market.values()) {
      expected.add(m.key());
    }
    assertThat(markets, equalTo(expected));
    int combined = 0;
    for (java.util.Map.Entry<String, Double> e : lowest.entrySet()) {
      if (e.getKey().endsWith("|player_points_rebounds_assists")) {
        String prefix = e.getKey().substring(0, e.getKey().lastIndexOf('|') + 1);
        for (String part : List.of("player_points", "player_rebounds", "player_assists")) {
          assertThat(e.getKey() + " vs " + part, e.getValue() > lowest.get(prefix + part), equalTo(true));
        }
        combined++;
      }
    }
    assertThat(combined > 100, equalTo(true));
  }

  private static Set<String> players(Path dir) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (String line : Files.readAllLines(dir.resolve("player_game_logs.csv")).stream().skip(1).toList()) {
      String[] f = line.split(",");
      ids.add(f[1] + " " + f[2] + " " + f[3]);
    }
    return ids;
  }

  private static List<String> column(Path dir, int i) throws Exception {
    return Files.readAllLines(dir.resolve("player_game_logs.csv")).stream().skip(1).map(l -> l.split(",")[i]).toList();
  }
}
