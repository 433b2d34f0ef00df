package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.Test;

/** {@code <pipeline> --help}: the pipeline's own options, then how to see Beam's, exit 0. */
public class HelpTest {
  private static final class Run {
    final int exit;
    final List<String> lines;

    Run(int exit, String out) {
      this.exit = exit;
      this.lines = List.of(out.split("\n"));
    }
  }

  private static Run main(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args);
      return new Run(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  public void everyPipelineListsItsOwnOptionsThenHowToSeeBeams() {
    for (Map.Entry<String, Class<? extends PipelineOptions>> p : Main.OPTIONS.entrySet()) {
      Run run = main(p.getKey(), "--help");
      String where = p.getKey() + " --help";
      assertThat(where + " exit", run.exit, equalTo(0));
      assertThat(where + " title", run.lines.get(0), startsWith("nba-props-pipeline " + p.getKey() + " options"));
      Map<String, Method> options = OptionsHelp.projectOptions(p.getValue());
      assertThat(where + " has options", options.isEmpty(), equalTo(false));
      for (Map.Entry<String, Method> o : options.entrySet()) {
        String entry = run.lines.stream().filter(l -> l.startsWith("  --" + o.getKey() + "=<")).findFirst()
            .orElseThrow(() -> new AssertionError(where + " lacks --" + o.getKey() + ":\n" + String.join("\n", run.lines)));
        int at = run.lines.indexOf(entry);
        assertThat(where + " --" + o.getKey() + " required-ness", entry.endsWith("(required)"),
            equalTo(OptionsHelp.required(o.getValue())));
        assertThat(where + " --" + o.getKey() + " has its description under it", run.lines.get(at + 1).trim(),
            equalTo(firstWords(OptionsHelp.description(o.getValue()), run.lines.get(at + 1).trim())));
      }
      assertThat(where + " lists no Beam option", run.lines, not(hasItem(startsWith("  --runner"))));
      assertThat(where + " ends with Beam's help", run.lines.get(run.lines.size() - 1),
          startsWith("Beam's options: --help=org.apache.beam.sdk.options.PipelineOptions"));
      for (String line : run.lines.subList(0, run.lines.size() - 1)) {
        assertThat(where + " wraps descriptions", line.length(), lessThanOrEqualTo(100));
      }
    }
  }

  @Test
  public void backfillShowsTypesAndDefaults() {
    List<String> lines = main("backfill", "-h").lines;
    assertThat(lines, hasItem("  --outputDir=<string>  (required)"));
    assertThat(lines, hasItem("  --sink=<files|bigquery>  (default: files)"));
    assertThat(lines, hasItem("  --buildFeatures=<true|false>  (default: true)"));
    assertThat(lines, hasItem("  --startDate=<string>  (no default)"));
    assertThat(lines, hasItem("  --healthMaxDeadLetterRate=<double>  (default: 0.01)"));
  }

  @Test
  public void onlyABareHelpIsOurs() {
    assertThat(OptionsHelp.asked(new String[] {"--outputDir=x", "--help"}), equalTo(true));
    assertThat(OptionsHelp.asked(new String[] {"--help=org.apache.beam.sdk.options.PipelineOptions"}), equalTo(false));
  }

  /** The description's words as far as {@code line} goes: the first wrapped line of it. */
  private static String firstWords(String description, String line) {
    String flat = String.join(" ", description.trim().split("\\s+"));
    return flat.substring(0, Math.min(flat.length(), line.length()));
  }
}
