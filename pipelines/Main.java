package pipelines;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The jar's entry point: {@code java -jar nba-props-pipeline.jar <pipeline> --option=value ...}. The first
 * argument names the pipeline; the rest are that pipeline's options and Beam's (e.g. {@code --runner}).
 */
public final class Main {
  private Main() {}

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar nba-props-pipeline.jar <pipeline> [--option=value ...]",
          "pipelines:",
          "  backfill          build every table for every game date in --startDate..--endDate",
          "  same-day          build one date's tables from what is known that morning (--date); --watch follows its lines",
          "  train             fit gbm_v1 on the feature rows of --startDate..--endDate and write --modelOut",
          "  grade             grade the predictions of --startDate..--endDate against the box scores",
          "  generate-sample   write the embedded sample league's input files to --outputDir",
          "Run a pipeline with --help to list its options.");

  /** Each pipeline's options interface: what its {@code --help} lists. */
  static final Map<String, Class<? extends PipelineOptions>> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("backfill", BackfillOptions.class);
    OPTIONS.put("same-day", SameDayOptions.class);
    OPTIONS.put("train", TrainOptions.class);
    OPTIONS.put("grade", GradeOptions.class);
    OPTIONS.put("generate-sample", GenerateSample.Options.class);
  }

  static {
    // Beam logs every file it finalizes at INFO; a run's own figures must stay readable. Settable with -D.
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.beam", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a pipeline and returns the process exit status (0 ok, 1 run failed, 2 bad input or usage). */
  public static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    // Answered here, before Beam's parser sees a bare --help: Beam would list its option registries and exit.
    if (OPTIONS.containsKey(args[0]) && OptionsHelp.asked(rest)) {
      System.out.print(OptionsHelp.text(
          "nba-props-pipeline " + args[0] + " options (" + OPTIONS.get(args[0]).getName().replace('$', '.') + "):", OPTIONS.get(args[0])));
      return 0;
    }
    switch (args[0]) {
      case "backfill":
        return Backfill.main(rest);
      case "same-day":
        return SameDay.main(rest);
      case "train":
        return Train.main(rest);
      case "grade":
        return Grade.main(rest);
      case "generate-sample":
        return GenerateSample.main(rest);
      default:
        System.err.println("error: unknown pipeline '" + args[0] + "'\n" + USAGE);
        return 2;
    }
  }
}
