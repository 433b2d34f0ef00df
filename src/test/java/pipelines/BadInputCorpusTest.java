package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every file of src/test/resources/bad-input/ (see its expected.tsv) goes through the backfill as the input it
 * pretends to be: no crash, the exit status expected, every bad row in the dead letters with its reason and its
 * text, and rows read = rows accepted + rows dead-lettered.
 */
public class BadInputCorpusTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");
  /** Two valid box scores: the required input, for cases about another input. */
  private static final String BASE_LOGS = String.join("\n",
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS",
      "2024-25,1700060,Owen Pryor,GSW,0022400001,2024-11-01,GSW vs. LAL,W,43,12,20,4,5,2,2,4,10,14,5,1,2,1,3,30,31",
      "2024-25,1700061,Noah Kingsley,GSW,0022400001,2024-11-01,GSW vs. LAL,W,34,3,9,0,1,2,2,3,4,7,0,0,0,1,2,8,25") + "\n";

  /** A case too big to commit (expected.tsv names it {@code generated:<name>}): its text is made here. */
  private static final String GENERATED = "generated:";

  private static String generated(String name) {
    if (name.equals("logs-overlong-line.csv")) {
      // A corrupt export: 2 MiB without a line end between two good rows.
      return BASE_LOGS + "x".repeat(2 << 20) + "\n"
          + "2024-25,1700062,Eli Park,GSW,0022400001,2024-11-01,GSW vs. LAL,W,20,1,2,0,0,0,0,0,1,1,0,0,0,0,1,2,3\n";
    }
    throw new IllegalArgumentException("no generator for " + name);
  }

  record Case(String file, String readAs, int exit, int read, int dead, List<String> reasons) {}

  static List<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      cases.add(new Case(f[0], f[1], Integer.parseInt(f[2]), f[3].equals("-") ? -1 : Integer.parseInt(f[3]),
          f[4].equals("-") ? -1 : Integer.parseInt(f[4]), f[5].isEmpty() ? List.of() : List.of(f[5].split("\\|"))));
    }
    return cases;
  }

  @Test
  public void everyCorpusFileIsListedAndThereAreAtLeastThirty() throws Exception {
    List<String> listed = new ArrayList<>();
    cases().forEach(c -> listed.add(c.file()));
    try (var files = Files.list(CORPUS)) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv"))
          .forEach(n -> assertThat(n + " has no line in expected.tsv", listed.contains(n), equalTo(true)));
    }
    assertThat(listed.size(), greaterThanOrEqualTo(30));
  }

  @Test
  public void eachBadFileIsDeadLetteredWithItsReasonAndTheCountsReconcile() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Case c : cases()) {
      try {
        check(c);
      } catch (AssertionError e) {
        failures.add(c.file() + ": " + e.getMessage().strip());
      }
    }
    assertThat(String.join("\n", failures), failures.isEmpty(), equalTo(true));
  }

  private static void check(Case c) throws Exception {
    Path in = TMP.newFolder().toPath();
    if (c.file().startsWith(GENERATED)) {
      Files.writeString(in.resolve(c.readAs()), generated(c.file().substring(GENERATED.length())), StandardCharsets.UTF_8);
    } else {
      Files.copy(CORPUS.resolve(c.file()), in.resolve(c.readAs()));
    }
    if (!c.readAs().equals("player_game_logs.csv")) {
      Files.writeString(in.resolve("player_game_logs.csv"), BASE_LOGS, StandardCharsets.UTF_8);
    }
    Path out = TMP.newFolder().toPath();
    // The dead-letter rates here are far over any threshold (the health report's own test checks those breaches):
    // the exit status checked is the input's, not the health report's.
    FeaturesTest.Run run = FeaturesTest.run("backfill", "--inputDir=" + in, "--outputDir=" + out, "--buildFeatures=false",
        "--latestGameDate=2024-12-01", "--healthFailOn=never");
    assertThat("exit status\n" + run.stderr(), run.exit(), equalTo(c.exit()));
    if (c.exit() != 0) {
      assertThat(run.stderr(), containsString("error: "));
      for (String reason : c.reasons()) {
        assertThat(run.stderr(), containsString(reason));
      }
      return;
    }
    JsonNode input = JSON.readTree(out.resolve("run_summary.json").toFile()).get("inputs").get(c.readAs());
    assertThat("rows read", input.get("rows_read").asInt(), equalTo(c.read()));
    assertThat("rows dead-lettered", input.get("rows_dead_lettered").asInt(), equalTo(c.dead()));
    assertThat("read = accepted + dead-lettered", input.get("rows_accepted").asInt() + input.get("rows_dead_lettered").asInt(),
        equalTo(input.get("rows_read").asInt()));
    Path deadFile = out.resolve("dead_letter").resolve(c.readAs() + ".json");
    List<String> dead = Files.exists(deadFile) ? Files.readAllLines(deadFile) : List.of();
    assertThat("dead letter rows", dead.size(), equalTo(c.dead()));
    String all = String.join("\n", dead);
    for (String reason : c.reasons()) {
      assertThat(all, containsString(JSON.writeValueAsString(reason).replaceAll("^\"|\"$", "")));
    }
    for (String d : dead) {
      JsonNode row = JSON.readTree(d);
      assertThat("a reason", row.get("reason").asText().isBlank(), equalTo(false));
      assertThat("the original text", row.get("raw_text").isNull(), equalTo(false));
      assertThat("its line", row.get("line_number").asInt(), greaterThanOrEqualTo(2));
    }
    JsonNode health = JSON.readTree(out.resolve("health_report.json").toFile());
    assertThat("the health report counts them", health.get("inputs").get(c.readAs()).get("rows_dead_lettered").asInt(), equalTo(c.dead()));
  }
}
