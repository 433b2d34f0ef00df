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
