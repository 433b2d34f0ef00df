package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.vocabulary.PlayerNames;

/**
 * Phase 4 on the real 2023-24 season (skipped where ../shared/data/nba is absent): every player_daily_cache
 * field of a week of dates against a computation written here from the raw CSV, and the leakage proof.
 */
public class RealSeasonFeaturesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** One raw box-score row, read straight from the CSV (not through the pipeline's parser). */
  record Raw(String lookup, String season, LocalDate date, double minutes, int points) {}

  @Test
  public void everyCacheFieldOfAWeekMatchesAnIndependentComputation() throws Exception {
    Path in = RealSeasonTest.season("2023-24");
    Path out = tmp.newFolder("out").toPath();
    assertThat(
        Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + out, "--startDate=2024-01-08", "--endDate=2024-01-14"}),
        equalTo(0));
    Map<String, List<Raw>> byPlayer = new HashMap<>();
    List<String> lines = Files.readAllLines(in.resolve("player_game_logs.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",", -1);
      Raw r = new Raw(
          PlayerNames.lookup(v[header.indexOf("PLAYER_NAME")]), v[header.indexOf("SEASON_YEAR")],
          LocalDate.parse(v[header.indexOf("GAME_DATE")].substring(0, 10)), Double.parseDouble(v[header.indexOf("MIN")]),
          Integer.parseInt(v[header.indexOf("PTS")]));
      byPlayer.computeIfAbsent(r.lookup(), k -> new ArrayList<>()).add(r);
    }

    List<JsonNode> cache = BackfillTest.rows(BackfillTest.readTable(out, "player_daily_cache"));
    assertThat(cache.size(), greaterThan(1000));
    for (JsonNode c : cache) {
      LocalDate d = LocalDate.parse(c.get("cache_date").asText());
      List<Raw> played = new ArrayList<>();
      for (Raw r : byPlayer.get(c.get("player_lookup").asText())) {
        if (r.season().equals("2023-24") && r.date().isBefore(d) && r.minutes() > 0) {
          played.add(r);
        }
      }
      played.sort((a, b) -> a.date().compareTo(b.date()));
      List<Raw> l5 = played.subList(Math.max(0, played.size() - 5), played.size());
      List<Raw> l10 = played.subList(Math.max(0, played.size() - 10), played.size());
      String what = c.get("player_lookup").asText() + " on " + d;
      assertThat(what, c.get("games_played_season").asInt(), equalTo(played.size()));
      check(what + " points_avg_last_5", c.get("points_avg_last_5"), mean(l5));
      check(what + " points_avg_last_10", c.get("points_avg_last_10"), mean(l10));
      check(what + " points_avg_season", c.get("points_avg_season"), mean(played));
      Double std = null;
      if (l10.size() >= 2) {
        double m = mean(l10);
        double ss = 0;
        for (Raw r : l10) {
          ss += (r.points() - m) * (r.points() - m);
        }
        std = Math.sqrt(ss / l10.size());
      }
      check(what + " points_std_last_10", c.get("points_std_last_10"), std);
      Double minutes = null;
      Double ppm = null;
      if (!l10.isEmpty()) {
        double mins = 0;
        double pts = 0;
        for (Raw r : l10) {
          mins += r.minutes();
          pts += r.points();
        }
        minutes = mins / l10.size();
        ppm = pts / mins;
      }
      check(what + " minutes_avg_last_10", c.get("minutes_avg_last_10"), minutes);
      check(what + " points_per_minute_last_10", c.get("points_per_minute_last_10"), ppm);
      int last7 = 0;
      for (Raw r : played) {
        if (!r.date().isBefore(d.minusDays(7))) {
          last7++;
        }
      }
      assertThat(what + " games_in_last_7_days", c.get("games_in_last_7_days").asInt(), equalTo(last7));
      Integer days = played.isEmpty() ? null : (int) (d.toEpochDay() - played.get(played.size() - 1).date().toEpochDay());
      assertThat(what + " days_since_last_game", c.get("days_since_last_game").isNull() ? null : c.get("days_since_last_game").asInt(), equalTo(days));
    }
  }

  @Test
  public void noRowOfADateChangesWhenThatDateAndLaterAreAbsurd() throws Exception {
    Path in = RealSeasonTest.season("2023-24");
    String d = "2024-01-10";
    Path absurd = tmp.newFolder("absurd").toPath();
    AbsurdFuture.copy(in, absurd, d);
    Path a = tmp.newFolder("a").toPath();
    Path b = tmp.newFolder("b").toPath();
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + in, "--outputDir=" + a, "--startDate=" + d, "--endDate=" + d}), equalTo(0));
    assertThat(Main.run(new String[] {"backfill", "--inputDir=" + absurd, "--outputDir=" + b, "--startDate=" + d, "--endDate=" + d}), equalTo(0));
    FeaturesTest.assertSamePhase4Rows(a, b, d);
  }

  private static Double mean(List<Raw> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    double s = 0;
    for (Raw r : rows) {
      s += r.points();
    }
    return s / rows.size();
  }

  private static void check(String what, JsonNode actual, Double expected) {
    if (expected == null) {
      assertThat(what + " should be null", actual == null || actual.isNull(), equalTo(true));
    } else {
      assertThat(what, actual.asDouble(), closeTo(expected, 1e-9));
    }
  }
}
