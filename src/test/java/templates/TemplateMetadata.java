package templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import pipelines.OptionsHelp;

/**
 * The Flex Template metadata of each pipeline, derived from its options interface: every option the project
 * declares (Beam's and Dataflow's own options are the launcher's), its description as help text, its
 * required-ness, and a validation regex from its type. {@code main} rewrites templates/&lt;name&gt;/metadata.json;
 * {@link TemplateMetadataTest} checks the checked-in files against the interfaces.
 */
public final class TemplateMetadata {
  private TemplateMetadata() {}

  static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  static final String DATES = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(,[0-9]{4}-[0-9]{2}-[0-9]{2})*$";

  /** Template name → options interface (the pipelines a Flex Template launches). */
  static final Map<String, Class<? extends PipelineOptions>> TEMPLATES = new LinkedHashMap<>();

  static {
    TEMPLATES.put("backfill", options("BackfillOptions"));
    TEMPLATES.put("same-day", options("SameDayOptions"));
    TEMPLATES.put("train", options("TrainOptions"));
    TEMPLATES.put("grade", options("GradeOptions"));
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends PipelineOptions> options(String simpleName) {
    try {
      return (Class<? extends PipelineOptions>) Class.forName("pipelines." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The project's own options of an interface and its parents, as {@code --help} lists them. */
  static Map<String, Method> projectOptions(Class<?> type) {
    return OptionsHelp.projectOptions(type);
  }

  static boolean required(Method getter) {
    return OptionsHelp.required(getter);
  }

  static String regex(String name, Method getter) {
    Class<?> t = getter.getReturnType();
    if (t == boolean.class || t == Boolean.class) {
      return "^(true|false)$";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "^[0-9]+$";
    }
    if (t == double.class || t == Double.class) {
      return "^[0-9]+(\\.[0-9]+)?$";
    }
    if (t.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object c : t.getEnumConstants()) {
        values.add(c.toString());
      }
      return "^(" + String.join("|", values) + ")$";
    }
    if (isDate(name)) {
      return DATE;
    }
    return null;
  }

  /** A date option: {@code --startDate}, {@code --latestGameDate}, and same-day's plain {@code --date}. */
  static boolean isDate(String name) {
    return name.endsWith("Date") || name.equals("date");
  }

  static String label(String name) {
    String spaced = name.replaceAll("([A-Z])", " $1").toLowerCase();
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  static String json(String template) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("name", "nba-props-" + template);
    root.put("description", "NBA player-prop pipeline '" + template + "' (java -jar nba-props-pipeline.jar " + template
        + "); see README, \"Run on Dataflow\".");
    ArrayNode params = root.putArray("parameters");
    for (Map.Entry<String, Method> e : projectOptions(TEMPLATES.get(template)).entrySet()) {
      ObjectNode p = params.addObject();
      p.put("name", e.getKey());
      p.put("label", label(e.getKey()));
      p.put("helpText", OptionsHelp.description(e.getValue()));
      p.put("isOptional", !required(e.getValue()));
      String regex = regex(e.getKey(), e.getValue());
      if (regex != null) {
        p.putArray("regexes").add(regex);
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  static Path file(Path root, String template) {
    return root.resolve(template).resolve("metadata.json");
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "templates");
    for (String t : TEMPLATES.keySet()) {
      Files.createDirectories(file(root, t).getParent());
      Files.writeString(file(root, t), json(t));
    }
    System.out.println("wrote " + TEMPLATES.size() + " metadata files under " + root);
  }
}
