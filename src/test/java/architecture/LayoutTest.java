package architecture;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The layout's one rule, read from the sources: data flows down only, {@code pipelines → transforms → schemas} and
 * {@code pipelines → io → schemas}. {@code transforms} and {@code io} are siblings that never import each other,
 * {@code schemas} imports neither, nothing imports {@code pipelines}, and no pipeline calls another pipeline.
 */
public class LayoutTest {
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(pipelines|transforms|io|schemas)\\.[a-z]\\w*(\\.\\w+)*\\.[A-Z]\\w*");
  private static final List<String> PIPELINES = List.of("Backfill", "SameDay", "Train", "Grade", "GenerateSample");

  /** Every project package a main source file refers to (imports and fully qualified names in code). */
  private static List<String[]> references(String root) throws IOException {
    List<String[]> refs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(root))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
        String code = Files.readString(f)
            .replaceAll("(?s)/\\*.*?\\*/", "")
            .replaceAll("//[^\\n]*", "")
            // runs of plain characters taken whole (possessive): a per-character alternation recursed once per
            // character and overflowed the stack on a long literal
            .replaceAll("\"(?:[^\"\\\\]++|\\\\.)*+\"", "\"\"");
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
          refs.add(new String[] {f.toString(), m.group(2)});
        }
        Matcher q = QUALIFIED.matcher(code.replaceAll("(?m)^(import|package) .*$", ""));
        while (q.find()) {
          refs.add(new String[] {f.toString(), q.group()});
        }
      }
    }
    return refs;
  }

  private static List<String> violations(String from, String... forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    for (String[] r : references(from)) {
      for (String f : forbidden) {
        if (r[1].equals(f) || r[1].startsWith(f + ".")) {
          out.add(r[0] + " -> " + r[1]);
        }
      }
    }
    return out;
  }

  @Test
  public void transformsAndIoAreSiblingsOverSchemas() throws IOException {
    assertThat(violations("transforms", "io", "pipelines"), empty());
    assertThat(violations("io", "transforms", "pipelines"), empty());
    assertThat(violations("schemas", "io", "transforms", "pipelines"), empty());
  }

  @Test
  public void noPipelineCallsAnotherPipeline() throws IOException {
    List<String> calls = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("pipelines"))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
        String self = f.getFileName().toString().replace(".java", "");
        String code = Files.readString(f);
        for (String other : PIPELINES) {
          if (!other.equals(self) && !self.equals("Main") && Pattern.compile("\\b" + other + "\\.").matcher(code).find()) {
            calls.add(self + " -> " + other);
          }
        }
      }
    }
    assertThat(calls, empty());
  }

  @Test
  public void theReportsNeverReachBackIntoThePipelines() throws IOException {
    List<String> out = new ArrayList<>();
    for (String[] r : references("pipelines/reports")) {
      if (r[1].startsWith("pipelines.") && !r[1].startsWith("pipelines.reports.")) {
        out.add(r[0] + " -> " + r[1]);
      }
    }
    assertThat(out, empty());
  }
}
