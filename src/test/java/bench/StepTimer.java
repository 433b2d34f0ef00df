package bench;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A Java agent (a benchmark tool, not a test) that counts, per step of a DirectRunner pipeline, the bundles it
 * evaluated and their CPU and wall time: what a thread-dump profile cannot say, since no stack frame names the
 * step. Every bundle of every step pays a fixed cost on the DirectRunner, so bundles per step explain most of a
 * local run's time. Build it as a jar once, then run any pipeline with it:
 *
 * <pre>mvn -q -o -DskipTests package && mvn -q -o test-compile
 * printf 'Premain-Class: bench.StepTimer\n' > /tmp/steptimer.mf
 * jar cfm /tmp/steptimer.jar /tmp/steptimer.mf -C target/test-classes bench/StepTimer.class \
 *     -C target/test-classes 'bench/StepTimer$RunAdvice.class'
 * java -javaagent:/tmp/steptimer.jar=/tmp/steps.txt -jar target/nba-props-pipeline.jar backfill ...</pre>
 *
 * <p>It writes the table (bundles, CPU seconds, wall seconds, step; by CPU) to the file named after {@code =} when
 * the JVM exits. It times {@code DirectTransformExecutor.run}, one call per bundle and step.
 */
public final class StepTimer {
  private StepTimer() {}

  private static final Map<String, long[]> STATS = new ConcurrentHashMap<>();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void premain(String args, Instrumentation inst) {
    String out = args == null || args.isBlank() ? "steptimer.txt" : args;
    new AgentBuilder.Default()
        .type(ElementMatchers.named("org.apache.beam.runners.direct.DirectTransformExecutor"))
        .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(RunAdvice.class).on(ElementMatchers.named("run"))))
        .installOn(inst);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(out))));
  }

  public static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Adds one bundle of {@code transform} (an AppliedPTransform) that started at these wall and CPU times. */
  public static void record(Object transform, long wallStart, long cpuStart) {
    String step;
    try {
      step = (String) Class.forName("org.apache.beam.sdk.runners.AppliedPTransform").getMethod("getFullName").invoke(transform);
    } catch (ReflectiveOperationException e) {
      step = "?";
    }
    long[] s = STATS.computeIfAbsent(step, k -> new long[3]);
    long wall = System.nanoTime() - wallStart;
    long cpu = cpuNanos() - cpuStart;
    synchronized (s) {
      s[0]++;
      s[1] += cpu;
      s[2] += wall;
    }
  }

  private static void write(Path out) {
    List<Map.Entry<String, long[]>> steps = new ArrayList<>(STATS.entrySet());
    steps.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    long bundles = 0;
    long cpu = 0;
    for (Map.Entry<String, long[]> s : steps) {
      bundles += s.getValue()[0];
      cpu += s.getValue()[1];
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d steps, %,d bundles, %.1f s CPU in bundles%nbundles\tcpu_s\twall_s\tstep%n", steps.size(), bundles, cpu / 1e9));
    for (Map.Entry<String, long[]> s : steps) {
      long[] v = s.getValue();
      text.append(String.format(Locale.ROOT, "%d\t%.2f\t%.2f\t%s%n", v[0], v[1] / 1e9, v[2] / 1e9, s.getKey()));
    }
    try {
      Files.writeString(out, text);
    } catch (java.io.IOException e) {
      e.printStackTrace();
    }
  }

  /** Inlined into {@code DirectTransformExecutor.run}. */
  public static final class RunAdvice {
    private RunAdvice() {}

    @Advice.OnMethodEnter
    public static long[] enter() {
      return new long[] {System.nanoTime(), bench.StepTimer.cpuNanos()};
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter long[] start, @Advice.FieldValue("transform") Object transform) {
      bench.StepTimer.record(transform, start[0], start[1]);
    }
  }
}
