package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU goes, from a Java Flight Recorder file (a program, not a test). JFR samples every Java thread's
 * stack about every 10-20 ms; this prints the share of samples by cause (the DirectRunner's per-bundle work, the
 * pipeline's own code, ...), the innermost pipeline class, and the hottest frames. Record with the JDK's own option:
 *
 * <pre>java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar target/nba-props-pipeline.jar backfill ...
 * java -cp target/nba-props-pipeline.jar:target/test-classes bench.Profile run.jfr [top]</pre>
 *
 * <p>The causes are read off each sample's stack, first match wins, in this order: a sample under the
 * DirectRunner's per-bundle evaluator setup is counted there even when it is in a coder.
 */
public final class Profile {
  private Profile() {}

  /** Cause → the frames (class.method prefixes) that identify it, checked in this order. */
  private static final Map<String, List<String>> CAUSES = new LinkedHashMap<>();

  static {
    CAUSES.put("DirectRunner: per-bundle evaluator setup (ParDo translated, DoFn (de)serialized per bundle)",
        List.of("org.apache.beam.runners.direct.TransformEvaluatorRegistry.forApplication"));
    CAUSES.put("DirectRunner: GroupByKey state copied on each bundle of a key",
        List.of("org.apache.beam.runners.direct.CopyOnAccessInMemoryStateInternals",
            "org.apache.beam.runners.core.InMemoryStateInternals$InMemoryBag.copy"));
    CAUSES.put("DirectRunner: side-input views rebuilt when read",
        List.of("org.apache.beam.runners.core.InMemoryMultimapSideInputView", "org.apache.beam.runners.direct.SideInputContainer",
            "org.apache.beam.sdk.values.PCollectionViews"));
    CAUSES.put("DirectRunner: scheduling, watermarks, bundle commits",
        List.of("org.apache.beam.runners.direct.WatermarkManager", "org.apache.beam.runners.direct.QuiescenceDriver",
            "org.apache.beam.runners.direct.EvaluationContext", "org.apache.beam.runners.direct.ImmutableListBundleFactory"));
    CAUSES.put("table writes (rows to JSON, files)", List.of("io.tables."));
    CAUSES.put("input reading and parsing", List.of("io.csv.", "io.inputs."));
    CAUSES.put("pipeline code (transforms)", List.of("transforms."));
    CAUSES.put("driver (graph construction, run summary, health report)", List.of("pipelines."));
    CAUSES.put("coders outside the above (GroupByKey values, shuffles)", List.of("org.apache.beam.sdk.coders.", "schemas.RecordCoder"));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.out.println("usage: bench.Profile <recording.jfr> [top frames, default 25]");
      return;
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> byCause = new LinkedHashMap<>();
    CAUSES.keySet().forEach(c -> byCause.put(c, 0));
    byCause.put("other (JDK, Beam SDK)", 0);
    Map<String, Integer> byThread = new TreeMap<>();
    Map<String, Integer> selfFrames = new TreeMap<>();
    Map<String, Integer> projectClasses = new TreeMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
      byThread.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "").replaceAll("\\d+$", ""), 1, Integer::sum);
      List<String> frames = frames(e.getStackTrace());
      if (!frames.isEmpty()) {
        selfFrames.merge(frames.get(0), 1, Integer::sum);
      }
      byCause.merge(cause(frames), 1, Integer::sum);
      String project = null;
      for (String f : frames) {
        String cls = f.substring(0, f.lastIndexOf('.'));
        if (cls.startsWith("transforms.") || cls.startsWith("io.") || cls.startsWith("pipelines.") || cls.startsWith("schemas.")) {
          project = cls.replaceAll("\\$\\$Lambda.*", " (lambda)");
          break;
        }
      }
      if (project != null) {
        projectClasses.merge(project, 1, Integer::sum);
      }
    }
    System.out.printf(Locale.ROOT, "%,d samples in %s%n%n", samples, args[0]);
    System.out.println("| cause | share of samples |");
    System.out.println("|---|---|");
    for (Map.Entry<String, Integer> c : byCause.entrySet()) {
      System.out.printf(Locale.ROOT, "| %s | %.1f%% |%n", c.getKey(), 100.0 * c.getValue() / Math.max(1, samples));
    }
    print("threads", byThread, samples, top);
    print("innermost pipeline class", projectClasses, samples, top);
    print("top frames (self)", selfFrames, samples, top);
  }

  private static List<String> frames(RecordedStackTrace stack) {
    List<String> out = new ArrayList<>();
    for (RecordedFrame f : stack.getFrames()) {
      if (f.getMethod() != null) {
        out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
    }
    return out;
  }

  private static String cause(List<String> frames) {
    Set<String> seen = new HashSet<>(frames);
    for (Map.Entry<String, List<String>> c : CAUSES.entrySet()) {
      for (String f : seen) {
        for (String prefix : c.getValue()) {
          if (f.startsWith(prefix)) {
            return c.getKey();
          }
        }
      }
    }
    return "other (JDK, Beam SDK)";
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println();
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
  }
}
