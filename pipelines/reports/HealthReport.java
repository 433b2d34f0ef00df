package pipelines.reports;

import transforms.features.FeatureContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;
import io.inputs.InputFiles;
import transforms.health.BuildHealthFacts;

/**
 * The run's health report: {@code health_report.json} and a self-contained {@code health_report.html} under
 * --outputDir, composed after the run from the documents {@link BuildHealthFacts} wrote (this run's only) and the
 * run summary's input counts, with every threshold checked. A breach is printed as one {@code health:} line and,
 * per --healthFailOn, makes the command exit {@link #EXIT_BREACH}.
 */
public final class HealthReport {
  private HealthReport() {}

  public static final String FOLDER = "health";
  public static final String JSON_FILE = "health_report.json";
  public static final String HTML_FILE = "health_report.html";
  public static final int EXIT_BREACH = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A threshold crossed: its level (error or warning), where, and a sentence an operator can act on. */
  public record Breach(String level, String scope, String check, double value, double threshold, String message) {}

  /**
   * The thresholds of a run (pipeline-dependent defaults already resolved by the caller). {@code modelGiven}: the
   * run was given --model, so a date with prop lines and nobody predicted is an error.
   */
  public record Thresholds(
      double maxDataLoss, @Nullable Double cacheMissError, double cacheMissWarning, double minLineCoverage,
      double maxDeadLetterRate, boolean modelGiven) {}

  /** Which breaches make the command exit {@link #EXIT_BREACH}. */
  public enum FailOn {
    error,
    warning,
    never
  }

  /** Reads this run's health documents: those its manifest lists ({@code names}); the others are another run's. */
  public static Map<String, List<String>> documents(String outputDir, java.util.Set<String> names) throws IOException {
    Map<String, List<String>> docs = new TreeMap<>();
    String dir = outputDir.replaceAll("/+$", "") + "/" + FOLDER;
    MatchResult match = FileSystems.match(dir + "/*.json", EmptyMatchTreatment.ALLOW_IF_WILDCARD);
    if (match.status() != MatchResult.Status.OK) {
      return docs;
    }
    for (MatchResult.Metadata m : match.metadata()) {
      String name = m.resourceId().getFilename();
      if (!names.contains(name.substring(0, name.length() - ".json".length()))) {
        continue;
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
          if (!line.isEmpty()) {
            lines.add(line);
          }
        }
        docs.put(name.substring(0, name.length() - ".json".length()), lines);
      }
    }
    return docs;
  }

  /**
   * The report of a run: per-date figures, totals, dead letters, freshness, and the breaches. The documents are
   * this run's only, each for a date in its scope (the graph wrote them so).
   */
  public static ObjectNode compose(
      String pipeline, Map<String, List<String>> docs, JsonNode runSummary, Thresholds t,
      Map<String, Long> inputModified) throws IOException {
    ObjectNode r = JSON.createObjectNode();
    r.put("pipeline", pipeline);
    r.put("generated_at", Instant.now().toString());
    ObjectNode th = r.putObject("thresholds");
    th.put("max_data_loss", t.maxDataLoss());
    if (t.cacheMissError() != null) {
      th.put("cache_miss_error", t.cacheMissError());
    }
    th.put("cache_miss_warning", t.cacheMissWarning());
    th.put("min_line_coverage", t.minLineCoverage());
    th.put("max_dead_letter_rate", t.maxDeadLetterRate());

    List<Breach> breaches = new ArrayList<>();
    ArrayNode dates = r.putArray("dates");
    long incompleteTeamGames = 0;
    long universe = 0, featureRows = 0, predicted = 0, cacheMiss = 0, ready = 0, bettable = 0, bettableWithVegas = 0;
    double score = 0;
    Map<String, Long> requiredDefaults = new TreeMap<>();
    Map<String, Long> missingFeedRows = new TreeMap<>();
    for (Map.Entry<String, List<String>> doc : new TreeMap<>(docs).entrySet()) { // dates in order, whatever the map
      if (doc.getKey().startsWith("_")) {
        continue;
      }
      ObjectNode d = (ObjectNode) JSON.readTree(doc.getValue().get(0));
      String date = d.get("date").asText();
      int u = d.get("universe").asInt();
      int f = d.get("feature_rows").asInt();
      double loss = u == 0 ? 0 : d.get("missing_feature_rows").size() / (double) u;
      double missRate = f == 0 ? 0 : d.get("cache_miss_rows").asInt() / (double) f;
      int b = d.get("bettable_players").asInt();
      double lineCoverage = b == 0 ? Double.NaN : d.get("bettable_with_vegas_features").asInt() / (double) b;
      d.put("data_loss_rate", round(loss));
      d.put("cache_miss_rate", round(missRate));
      d.put("quality_ready_share", f == 0 ? 0 : round(d.get("quality_ready_rows").asInt() / (double) f));
      d.put("feature_quality_score_avg", f == 0 ? 0 : round(d.get("feature_quality_score_sum").asDouble() / f));
      if (b == 0) {
        d.putNull("line_coverage"); // no prop line that date: nothing to cover
      } else {
        d.put("line_coverage", round(lineCoverage));
      }
      dates.add(d);
      if (loss > t.maxDataLoss()) {
        breaches.add(new Breach("error", date, "data_loss", loss, t.maxDataLoss(),
            d.get("missing_feature_rows").size() + " of " + u + " expected players have no feature row: " + d.get("missing_feature_rows")));
      }
      if (t.cacheMissError() != null && missRate > t.cacheMissError()) {
        breaches.add(new Breach("error", date, "cache_miss", missRate, t.cacheMissError(),
            d.get("cache_miss_rows").asInt() + " feature rows fell back from a missing daily cache"));
      } else if (missRate > t.cacheMissWarning()) {
        breaches.add(new Breach("warning", date, "cache_miss", missRate, t.cacheMissWarning(),
            d.get("cache_miss_rows").asInt() + " feature rows fell back from a missing daily cache"));
      }
      int withHistory = d.path("rows_with_history").asInt(0);
      int readyRows = d.get("quality_ready_rows").asInt();
      if (f > 0 && readyRows == 0 && withHistory > 0) {
        // Only where readiness was possible: a season's first dates, when nobody has the prior games yet, are normal.
        breaches.add(new Breach("error", date, "quality_ready", 0, 0,
            "no feature row is quality-ready although " + withHistory + " of " + f + " players have "
                + FeatureContract.MIN_PRIOR_GAMES + "+ prior games: nothing of this date can be predicted; required defaults "
                + d.get("required_defaults")));
      }
      addCounts(d.path("missing_feed_rows"), missingFeedRows);
      int withLines = d.path("players_with_line").asInt();
      // Only where someone could be predicted: a season's first dates (nobody ready yet) and a backfill's dates with
      // lines but no box score yet (nobody played) are not a model's failure.
      if (t.modelGiven() && withLines > 0 && readyRows > 0 && d.get("players_predicted").asInt() == 0) {
        breaches.add(new Breach("error", date, "players_predicted", 0, 0,
            "a model was given, " + readyRows + " feature rows are quality-ready and " + withLines
                + " players have a prop line, but nobody was predicted"));
      } else if (t.modelGiven() && readyRows > 0) {
        // The same rule per market the run predicts: a market with lines that nobody was predicted in.
        JsonNode predictedIn = d.path("players_predicted_by_market");
        d.path("players_with_line_by_market").fields().forEachRemaining(m -> {
          if (m.getValue().asInt() > 0 && predictedIn.path(m.getKey()).asInt() == 0) {
            breaches.add(new Breach("error", date, "players_predicted", 0, 0,
                "a model was given, " + readyRows + " feature rows are quality-ready and " + m.getValue().asInt()
                    + " players have a " + m.getKey() + " line, but nobody was predicted in " + m.getKey()));
          }
        });
      }
      if (b > 0 && lineCoverage < t.minLineCoverage()) {
        breaches.add(new Breach("error", date, "line_coverage", lineCoverage, t.minLineCoverage(),
            "bettable players without vegas features: " + d.get("bettable_without_vegas_features")));
      }
      if (b > 0 && d.get("high_scorers_without_line").size() > 0) {
        breaches.add(new Breach("warning", date, "high_scorers_without_line", d.get("high_scorers_without_line").size(), 0,
            "players averaging over " + (int) BuildHealthFacts.STAR_POINTS + " points with no line (a props feed gap?): "
                + d.get("high_scorers_without_line")));
      }
      if (d.get("played_not_in_universe").size() > 0) {
        breaches.add(new Breach("warning", date, "played_not_in_universe", d.get("played_not_in_universe").size(), 0,
            "played but not expected: " + d.get("played_not_in_universe")));
      }
      universe += u;
      featureRows += f;
      incompleteTeamGames += d.path("incomplete_team_games").asLong(0);
      predicted += d.get("players_predicted").asInt();
      cacheMiss += d.get("cache_miss_rows").asInt();
      ready += readyRows;
      score += d.get("feature_quality_score_sum").asDouble();
      bettable += b;
      bettableWithVegas += d.get("bettable_with_vegas_features").asInt();
      addCounts(d.get("required_defaults"), requiredDefaults);
    }
    // Run-wide, not per date: a season's first dates have no player with enough games yet, and that is normal.
    if (featureRows > 0 && ready == 0) {
      breaches.add(new Breach("error", "run", "quality_ready", 0, 0,
          "no feature row of the run's " + featureRows + " is quality-ready: nothing can be predicted"));
    }
    // One line per optional feed the run had no data for at all, not one per date.
    for (Map.Entry<String, Long> e : missingFeedRows.entrySet()) {
      if (featureRows > 0 && e.getValue() == featureRows) {
        breaches.add(new Breach("warning", "run", "optional_feed_absent", 1, 0,
            "optional feed " + e.getKey() + " has no data for any date of the run: its features are missing on every"
                + " row (not scored; the model sees them as unknown)"));
      }
    }
    ObjectNode totals = r.putObject("totals");
    totals.put("dates", dates.size());
    totals.put("universe", universe);
    totals.put("feature_rows", featureRows);
    totals.put("players_predicted", predicted);
    totals.put("data_loss_rate", universe == 0 ? 0 : round(1 - featureRows / (double) universe));
    totals.put("cache_miss_rate", featureRows == 0 ? 0 : round(cacheMiss / (double) featureRows));
    totals.put("quality_ready_share", featureRows == 0 ? 0 : round(ready / (double) featureRows));
    totals.put("feature_quality_score_avg", featureRows == 0 ? 0 : round(score / featureRows));
    if (bettable == 0) {
      totals.putNull("line_coverage");
    } else {
      totals.put("line_coverage", round(bettableWithVegas / (double) bettable));
    }
    // team-games whose box scores are partial: their team stats are left out of every rating
    totals.put("incomplete_team_games", incompleteTeamGames);
    ObjectNode feeds = totals.putObject("missing_feed_rows");
    missingFeedRows.forEach(feeds::put);
    ObjectNode defaults = totals.putObject("required_defaults_by_feature");
    requiredDefaults.forEach(defaults::put);

    ObjectNode dead = r.putObject("dead_letters");
    for (String line : docs.getOrDefault(BuildHealthFacts.DEAD_LETTERS_DOCUMENT, List.of())) {
      JsonNode l = JSON.readTree(line);
      String file = l.get("source_file").asText();
      ObjectNode source = dead.has(file) ? (ObjectNode) dead.get(file) : dead.putObject(file);
      source.put(l.get("reason").asText(), l.get("rows").asLong());
    }
    Map<String, String> newest = new TreeMap<>();
    for (String line : docs.getOrDefault(BuildHealthFacts.FRESHNESS_DOCUMENT, List.of())) {
      JsonNode l = JSON.readTree(line);
      newest.put(l.get("input").asText(), l.get("newest").asText());
    }
    ObjectNode inputs = r.putObject("inputs");
    JsonNode read = runSummary.path("inputs");
    for (Iterator<Map.Entry<String, JsonNode>> it = read.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ObjectNode in = inputs.putObject(e.getKey());
      long rows = e.getValue().path("rows_read").asLong();
      long rejected = e.getValue().path("rows_dead_lettered").asLong();
      in.put("rows_read", rows);
      in.put("rows_dead_lettered", rejected);
      double rate = rows == 0 ? 0 : rejected / (double) rows;
      in.put("dead_letter_rate", round(rate));
      Long modified = inputModified.get(e.getKey());
      if (modified != null) {
        in.put("file_modified", Instant.ofEpochMilli(modified).toString());
      }
      String stem = e.getKey().replaceAll("^.*/", "").replaceAll("\\.csv(\\.gz)?$", "");
      if (newest.containsKey(stem)) {
        in.put("newest_data", newest.get(stem));
      }
      if (rate > t.maxDeadLetterRate()) {
        // A required input badly rejected leaves every table short; an optional one only degrades features.
        boolean required = isRequiredInput(e.getKey());
        breaches.add(new Breach(required ? "error" : "warning", e.getKey(), "dead_letter_rate", rate, t.maxDeadLetterRate(),
            rejected + " of " + rows + " rows dead-lettered" + (required ? " from a required input" : "")));
      }
    }
    ArrayNode b = r.putArray("breaches");
    for (Breach x : breaches) {
      ObjectNode o = b.addObject();
      o.put("level", x.level());
      o.put("scope", x.scope());
      o.put("check", x.check());
      o.put("value", round(x.value()));
      o.put("threshold", x.threshold());
      o.put("message", x.message());
    }
    return r;
  }

  /** Whether an input file (a path relative to the input folder) is a required input, plain or gzipped. */
  static boolean isRequiredInput(String file) {
    String name = file.replaceAll("^.*/", "").replaceAll("\\.gz$", "");
    for (InputFiles.Input input : InputFiles.Input.values()) {
      if (input.required && input.fileName.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** The exit status the breaches call for: {@link #EXIT_BREACH} when one is at or above --healthFailOn, else 0. */
  public static int exitStatus(JsonNode report, FailOn failOn) {
    for (JsonNode b : report.get("breaches")) {
      String level = b.get("level").asText();
      if (failOn == FailOn.warning || (failOn == FailOn.error && level.equals("error"))) {
        return EXIT_BREACH;
      }
    }
    return 0;
  }

  /** Prints one line per breach, writes the JSON and the HTML, and returns the exit status it calls for. */
  public static int publish(String outputDir, ObjectNode report, FailOn failOn) throws IOException {
    for (JsonNode b : report.get("breaches")) {
      System.err.printf(Locale.ROOT, "health: %s: %s %s = %s (threshold %s): %s%n", b.get("level").asText().toUpperCase(Locale.ROOT),
          b.get("scope").asText(), b.get("check").asText(), b.get("value").asText(), b.get("threshold").asText(),
          b.get("message").asText());
    }
    RunFiles.writeText(outputDir, JSON_FILE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n",
        "application/json");
    RunFiles.writeText(outputDir, HTML_FILE, HealthReportHtml.render(report), "text/html");
    return exitStatus(report, failOn);
  }


  /** Adds a date document's per-name counts (an object of name → count) into the run's. */
  private static void addCounts(JsonNode counts, Map<String, Long> into) {
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.merge(e.getKey(), e.getValue().asLong(), Long::sum);
    }
  }
}
