package templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** templates/&lt;pipeline&gt;/metadata.json against the options interface each template launches. */
public class TemplateMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String sample(Method getter, String name) {
    Class<?> t = getter.getReturnType();
    if (t == boolean.class || t == Boolean.class) {
      return "true";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "7";
    }
    if (t == double.class || t == Double.class) {
      return "0.5";
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[t.getEnumConstants().length - 1].toString();
    }
    return TemplateMetadata.isDate(name) ? "2024-01-10" : "gs://bucket/x";
  }

  @Test
  public void everyParameterIsAnOptionOfItsPipelineWithTheSameRequirednessAndEveryOptionIsAParameter() throws Exception {
    for (Map.Entry<String, Class<? extends PipelineOptions>> t : TemplateMetadata.TEMPLATES.entrySet()) {
      Path file = TemplateMetadata.file(Path.of("templates"), t.getKey());
      JsonNode metadata = JSON.readTree(file.toFile());
      Map<String, Method> options = TemplateMetadata.projectOptions(t.getValue());
      Set<String> parameters = new HashSet<>();
      for (JsonNode p : metadata.get("parameters")) {
        String name = p.get("name").asText();
        String where = t.getKey() + "/" + name;
        assertThat(where + " is not an option of " + t.getValue().getSimpleName(), options.containsKey(name), equalTo(true));
        assertThat(where + " required-ness", p.get("isOptional").asBoolean(), equalTo(!TemplateMetadata.required(options.get(name))));
        assertThat(where + " has help text", p.get("helpText").asText().isBlank(), equalTo(false));
        String value = sample(options.get(name), name);
        // The launcher passes --name=value: the pipeline's options must parse it.
        PipelineOptionsFactory.register(t.getValue());
        PipelineOptionsFactory.fromArgs("--" + name + "=" + value).as(t.getValue());
        if (p.has("regexes")) {
          assertThat(where + " accepts " + value, Pattern.matches(p.get("regexes").get(0).asText(), value), equalTo(true));
        }
        if (TemplateMetadata.isDate(name)) {
          assertThat(where + " checks dates", p.get("regexes").get(0).asText(), equalTo(TemplateMetadata.DATE));
          assertThat(Pattern.matches(TemplateMetadata.DATE, "2024-1-10"), equalTo(false));
        }
        parameters.add(name);
      }
      for (Map.Entry<String, Method> o : options.entrySet()) {
        assertThat(t.getKey() + ": option --" + o.getKey() + " is missing from " + file, parameters, hasItem(o.getKey()));
      }
      assertThat(t.getKey() + ": regenerate with templates.TemplateMetadata", Files.readString(file),
          equalTo(TemplateMetadata.json(t.getKey())));
    }
  }

  @Test
  public void requiredOptionsAreRequiredParameters() throws Exception {
    JsonNode train = JSON.readTree(TemplateMetadata.file(Path.of("templates"), "train").toFile());
    Set<String> required = new HashSet<>();
    train.get("parameters").forEach(p -> {
      if (!p.get("isOptional").asBoolean()) {
        required.add(p.get("name").asText());
      }
    });
    assertThat(required, equalTo(Set.of("modelOut", "outputDir")));
  }

  @Test
  public void everyScheduledLaunchNamesATemplateAndOnlyItsParametersAndLeavesTheDateToLaunchTime() throws Exception {
    int checked = 0;
    try (java.util.stream.Stream<Path> defs = Files.list(Path.of("templates", "scheduler"))) {
      for (Path def : (Iterable<Path>) defs.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
        JsonNode job = JSON.readTree(def.toFile());
        String template = job.get("template").asText();
        assertThat(def + " names a template", TemplateMetadata.TEMPLATES.containsKey(template), equalTo(true));
        JsonNode launch = job.get("launchParameter");
        assertThat(launch.get("containerSpecGcsPath").asText(), org.hamcrest.Matchers.endsWith("/templates/" + template + ".json"));
        assertThat(job.get("timeZone").asText(), equalTo("America/New_York"));
        Set<String> known = new HashSet<>();
        JSON.readTree(TemplateMetadata.file(Path.of("templates"), template).toFile()).get("parameters")
            .forEach(p -> known.add(p.get("name").asText()));
        launch.get("parameters").fieldNames().forEachRemaining(name -> {
          assertThat(def + ": " + name, known, hasItem(name));
          assertThat(def + ": the date is computed when the job starts", name.toLowerCase().contains("date"), equalTo(false));
        });
        checked++;
      }
    }
    assertThat(checked, equalTo(3));
  }

  @Test
  public void aLongBackfillSplitsIntoOneJobPerSeason() throws Exception {
    Process p = new ProcessBuilder("bash", "templates/launch-backfill.sh", "2023-10-24", "2025-04-13", "--per-season", "--dry-run",
        "sink=bigquery").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(out, p.waitFor(), equalTo(0));
    java.util.List<String> lines = java.util.List.of(out.strip().split("\n"));
    assertThat(out, lines.size(), equalTo(2));
    assertThat(lines.get(0), org.hamcrest.Matchers.containsString("\\^~\\^startDate=2023-10-24~endDate=2024-06-30~sink=bigquery"));
    assertThat(lines.get(1), org.hamcrest.Matchers.containsString("\\^~\\^startDate=2024-07-01~endDate=2025-04-13"));
    Process bad = new ProcessBuilder("bash", "templates/launch-backfill.sh", "2024-02-30", "2024-03-01", "--dry-run")
        .redirectErrorStream(true).start();
    assertThat(bad.waitFor(), equalTo(2));
  }

  private static Process launch(String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("bash", "templates/launch-backfill.sh"));
    cmd.addAll(java.util.List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  public void anExtraParameterMayHoldCommasAndNeverOverridesAJobsDates() throws Exception {
    Process p = launch("2024-01-01", "2024-01-31", "--dry-run", "model=gs://b/m/a.ubj,gs://b/m/b.ubj");
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(out, p.waitFor(), equalTo(0));
    // gcloud splits ^~^-prefixed parameters on '~' only, so the comma stays inside model's value.
    assertThat(out, org.hamcrest.Matchers.containsString("--parameters=\\^~\\^startDate=2024-01-01~endDate=2024-01-31~model=gs://b/m/a.ubj\\,gs://b/m/b.ubj"));
    for (String extra : new String[] {"startDate=2023-01-01", "endDate=2025-01-01"}) {
      Process refused = launch("2024-01-01", "2024-01-31", "--dry-run", extra);
      String why = new String(refused.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(why, refused.waitFor(), equalTo(2));
      assertThat(why, org.hamcrest.Matchers.containsString("error: '" + extra + "'"));
    }
  }
}
