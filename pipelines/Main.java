package pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inputs.SampleLeague;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import pipelines.reports.HealthReport;
import schemas.Tables;
import schemas.vocabulary.DateRange;
import transforms.features.FeatureContract;

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
          "  train             fit gbm_v1 per market on the feature rows of --startDate..--endDate and write the bundle --modelOut",
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
        BackfillOptions options = Runs.options(rest, BackfillOptions.class);
        if (options == null) {
          return 2;
        }
        return isDemo(options) ? demo(rest, options) : Backfill.run(options);
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

  /**
   * README's first command: a backfill on the embedded sample with no model would show tables but no prediction,
   * so there the run is the product's demo (unless {@code --demo=false}). Only with the file sink, run to the end:
   * grading reads the predictions back from the output folder.
   */
  static boolean isDemo(BackfillOptions o) {
    return o.getDemo() && blank(o.getInputDir()) && blank(o.getModel()) && o.getSink() == NbaOptions.Storage.files
        && o.getWaitForCompletion();
  }

  /** Where the demo puts what it generates and learns, beside the backfill's own tables. */
  static final String TRAINING_INPUT = "embedded_sample_training_input";
  static final String SAMPLE_INPUT = "embedded_sample_input";
  static final String MODEL_DIR = "embedded_sample_model";
  /** The model bundle's path: gbm_v1.meta.json and one gbm_v1.<market>.ubj (XGBoost's UBJSON) per market. */
  static final String MODEL_FILE = "gbm_v1";
  static final String GRADING_REPORTS = "embedded_sample_grading";

  /**
   * The demo, one pipeline after another: a training league (the sample league's previous season), train on
   * it, backfill the sample with that model, grade the sample's played dates. A failing step (exit 1 or 2) stops
   * the chain with its status; a health breach of the backfill (3) still grades what was predicted and is the
   * status unless grading fails.
   */
  static int demo(String[] args, BackfillOptions options) {
    try {
      DateRange.of(options.getStartDate(), options.getEndDate()); // refused before a minute of training, not after
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String out = options.getOutputDir();
    Path trainingInput = Path.of(out, TRAINING_INPUT);
    Path sampleInput = Path.of(out, SAMPLE_INPUT);
    String model = Path.of(out, MODEL_DIR, MODEL_FILE).toString();
    SampleLeague.Config embedded = SampleLeague.Config.embedded();
    SampleLeague.Summary training;
    SampleLeague.Summary sample;
    System.out.println("demo: no --inputDir and no --model, so this run shows the whole product on the embedded sample "
        + "league (--demo=false: the backfill alone).");
    try {
      System.out.println("demo 1/4: a training league, the sample league's previous season (same players, other games), "
          + "so the model never sees a game it will predict");
      training = SampleLeague.write(trainingInput, embedded.previousSeason());
      System.out.println("  wrote " + training + " to " + trainingInput);
      sample = SampleLeague.write(sampleInput, embedded);
    } catch (IOException e) {
      System.err.println("error: cannot write the sample league under " + out + ": " + e.getMessage());
      return 1;
    }
    // No row before a player has MIN_PRIOR_GAMES games is quality-ready, so none is a training example: starting
    // there gives the same model for less work.
    LocalDate trainFrom = training.firstDayWithPriorGames(FeatureContract.MIN_PRIOR_GAMES);
    trainFrom = trainFrom == null ? training.firstGameDay : trainFrom;
    System.out.println("demo 2/4: train gbm_v1 on the training league's " + trainFrom + ".." + training.lastPlayedDay
        + " (its quality-ready rows and their actual values; one model per market, the ensemble's weight and P(over)'s "
        + "residuals from a holdout of its latest dates) -> " + model + ".*");
    Map<String, String> trainArgs = new LinkedHashMap<>();
    trainArgs.put("inputDir", trainingInput.toString());
    trainArgs.put("outputDir", Path.of(out, MODEL_DIR).toString());
    trainArgs.put("startDate", trainFrom.toString());
    trainArgs.put("endDate", training.lastPlayedDay.toString());
    trainArgs.put("modelOut", model);
    int status = Train.main(stepArgs(args, TrainOptions.class, trainArgs));
    if (status != 0) {
      System.err.println("error: demo: train ended with exit status " + status + "; nothing predicted");
      return status;
    }
    // With a model, a date with lines and nobody predicted is a health error: so the dates a model can predict,
    // from the first with a player quality-ready (enough prior games) to the last played (a backfill's universe
    // is who played). Bounded, too, because the leakage guard reads an open range as reaching every date.
    Map<String, String> backfillArgs = new LinkedHashMap<>();
    backfillArgs.put("inputDir", sampleInput.toString());
    backfillArgs.put("model", model);
    LocalDate ready = sample.firstDayWithPriorGames(FeatureContract.MIN_PRIOR_GAMES);
    backfillArgs.put("startDate", later((ready == null ? sample.firstGameDay : ready).toString(), options.getStartDate()));
    backfillArgs.put("endDate", earlier(sample.lastPlayedDay.toString(), options.getEndDate()));
    System.out.println("demo 3/4: backfill the embedded sample (" + sample + ") with that model, over the dates it can "
        + "predict (" + backfillArgs.get("startDate") + ".." + backfillArgs.get("endDate") + ": the first days have no player "
        + "with " + FeatureContract.MIN_PRIOR_GAMES + " games yet, the last are not played yet): every table, "
        + "player_prop_predictions against the sample's lines, the per-date export and the health report under " + out);
    int backfill = Backfill.main(stepArgs(args, BackfillOptions.class, backfillArgs));
    if (backfill != 0 && backfill != HealthReport.EXIT_BREACH) {
      return backfill;
    }
    String first = backfillArgs.get("startDate");
    String last = backfillArgs.get("endDate");
    int grade = 0;
    if (first.compareTo(last) > 0 || predictedDates(out, first, last).isEmpty()) {
      System.out.println("demo 4/4: no predicted date in " + first + ".." + last + " has been played: nothing to grade");
    } else {
      System.out.println("demo 4/4: grade the predictions of the dates already played (" + first + ".." + last
          + ") against their box scores: prediction_grades, grading_summary, the export rewritten with results "
          + "(grade's own run summary and health report: " + Path.of(out, GRADING_REPORTS) + ")");
      Map<String, String> gradeArgs = new LinkedHashMap<>();
      gradeArgs.put("inputDir", sampleInput.toString());
      gradeArgs.put("outputDir", out);
      gradeArgs.put("reportDir", Path.of(out, GRADING_REPORTS).toString());
      gradeArgs.put("startDate", first);
      gradeArgs.put("endDate", last);
      grade = Grade.main(stepArgs(args, GradeOptions.class, gradeArgs));
    }
    System.out.println(closing(out));
    return grade != 0 ? grade : backfill;
  }

  /**
   * A step's arguments: the user's, less the backfill options the step does not have and those the demo sets,
   * plus the demo's. Beam's and the runner's options pass through unchanged.
   */
  static String[] stepArgs(String[] args, Class<? extends PipelineOptions> step, Map<String, String> set) {
    List<String> all = new ArrayList<>();
    for (String a : args) {
      String name = a.startsWith("--") ? a.substring(2).split("=", 2)[0] : null;
      if (name != null && (set.containsKey(name) || name.equals("demo")
          || (hasProperty(BackfillOptions.class, name) && !hasProperty(step, name)))) {
        continue;
      }
      all.add(a);
    }
    set.forEach((k, v) -> all.add("--" + k + "=" + v));
    return all.toArray(new String[0]);
  }

  private static boolean hasProperty(Class<?> type, String name) {
    if (name.isEmpty()) {
      return false;
    }
    String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return Arrays.stream(type.getMethods()).map(Method::getName)
        .anyMatch(m -> m.equals("get" + property) || m.equals("is" + property));
  }

  private static TreeSet<String> predictedDates(String out, String first, String last) {
    TreeSet<String> dates = new TreeSet<>();
    Path dir = Path.of(out, Tables.PLAYER_PROP_PREDICTIONS.name());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".json") && !f.startsWith("."))
            .map(f -> f.substring(0, f.length() - ".json".length()))
            .filter(d -> d.compareTo(first) >= 0 && d.compareTo(last) <= 0)
            .forEach(dates::add);
      } catch (IOException e) {
        return dates;
      }
    }
    return dates;
  }

  /** The demo's closing lines: what it produced and where to look. */
  static String closing(String out) {
    ObjectMapper json = new ObjectMapper();
    StringBuilder s = new StringBuilder("demo done:");
    try {
      JsonNode totals = json.readTree(Path.of(out, HealthReport.JSON_FILE).toFile()).path("totals");
      s.append("\n  players predicted: ").append(totals.path("players_predicted").asLong()).append(" player-dates (")
          .append(totals.path("feature_rows").asLong()).append(" feature rows) in ")
          .append(Path.of(out, Tables.PLAYER_PROP_PREDICTIONS.name())).append("; health report: ")
          .append(Path.of(out, HealthReport.HTML_FILE));
    } catch (IOException e) {
      s.append("\n  no health report at ").append(Path.of(out, HealthReport.JSON_FILE));
    }
    long wins = 0, losses = 0, pushes = 0, staked = 0;
    double profit = 0;
    Path summaries = Path.of(out, Tables.GRADING_SUMMARY.name());
    if (Files.isDirectory(summaries)) {
      try (Stream<Path> files = Files.list(summaries)) {
        for (Path f : files.filter(f -> f.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json")).toList()) {
          for (String line : Files.readAllLines(f)) {
            JsonNode r = json.readTree(line);
            if (r.path("system_id").asText().equals("ensemble_v1")) {
              wins += r.path("wins").asLong();
              losses += r.path("losses").asLong();
              pushes += r.path("pushes").asLong();
              staked += r.path("staked").asLong();
              profit += r.path("profit").asDouble();
            }
          }
        }
      } catch (IOException e) {
        s.append("\n  cannot read ").append(summaries).append(": ").append(e.getMessage());
      }
    }
    s.append("\n  picks graded (ensemble_v1, every market, at the offered odds): ").append(wins).append(" won, ").append(losses)
        .append(" lost, ").append(pushes).append(" pushed; ")
        .append(String.format(java.util.Locale.ROOT, "%+.2f units on %d staked", profit, staked))
        .append(staked == 0 ? "" : String.format(java.util.Locale.ROOT, " (ROI %+.1f%%)", 100 * profit / staked))
        .append(", in ").append(Path.of(out, Tables.PREDICTION_GRADES.name()))
        .append(" and ").append(summaries);
    TreeSet<String> exported = new TreeSet<>();
    Path export = Path.of(out, Writes.EXPORT_FOLDER);
    if (Files.isDirectory(export)) {
      try (Stream<Path> files = Files.list(export)) {
        files.map(f -> f.getFileName().toString()).filter(f -> f.matches("\\d{4}-\\d{2}-\\d{2}\\.json")).forEach(exported::add);
      } catch (IOException e) {
        s.append("\n  cannot read ").append(export);
      }
    }
    s.append("\n  export: ").append(exported.size()).append(" documents in ").append(export)
        .append(exported.isEmpty() ? "" : " (" + exported.first() + " .. " + exported.last() + ")");
    return s.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String later(String date, String bound) {
    return blank(bound) || bound.compareTo(date) < 0 ? date : bound;
  }

  private static String earlier(String date, String bound) {
    return blank(bound) || bound.compareTo(date) > 0 ? date : bound;
  }
}
