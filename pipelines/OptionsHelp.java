package pipelines;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * The options a pipeline itself declares, read from its options interface: what {@code <pipeline> --help} prints
 * and what the Flex Template metadata lists. Beam's and Dataflow's own options are left out: Beam's
 * {@code --help=<interface>} prints those.
 */
public final class OptionsHelp {
  private OptionsHelp() {}

  /** How to list Beam's own options; PipelineOptions is always registered, so Beam's help accepts it. */
  static final String BEAM_HELP = "--help=" + PipelineOptions.class.getName();

  private static final int WIDTH = 100;
  private static final String INDENT = "      ";

  /** Whether the arguments ask for this help: a bare {@code --help} or {@code -h} ({@code --help=X} is Beam's). */
  static boolean asked(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The project's own option getters of an interface and its parents, parents first, by name. Only interfaces of
   * this package count, so the walk stops at Beam's PipelineOptions (and any Beam interface mixed in).
   */
  public static Map<String, Method> projectOptions(Class<?> type) {
    Map<String, Method> out = new LinkedHashMap<>();
    for (Class<?> parent : type.getInterfaces()) {
      out.putAll(projectOptions(parent));
    }
    if (type.getPackageName().equals(OptionsHelp.class.getPackageName())) {
      List<Method> getters = new ArrayList<>();
      for (Method m : type.getDeclaredMethods()) {
        if (m.getParameterCount() == 0 && (m.getName().startsWith("get") || m.getName().startsWith("is"))
            && m.isAnnotationPresent(Description.class)) {
          getters.add(m);
        }
      }
      getters.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (Method m : getters) {
        String bare = m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
        out.put(Character.toLowerCase(bare.charAt(0)) + bare.substring(1), m);
      }
    }
    return out;
  }

  public static boolean required(Method getter) {
    return getter.isAnnotationPresent(Validation.Required.class);
  }

  public static String description(Method getter) {
    return getter.getAnnotation(Description.class).value();
  }

  /**
   * The option's default as text, or null when it has none: a {@code @Default.X} annotation's value, else what Beam
   * gives an unset primitive (false or zero).
   */
  static String defaultValue(Method getter) {
    for (Annotation a : getter.getAnnotations()) {
      if (a.annotationType().getEnclosingClass() != Default.class) {
        continue;
      }
      if (a instanceof Default.InstanceFactory) {
        return "computed";
      }
      try {
        Object v = a.annotationType().getMethod("value").invoke(a);
        return v instanceof Class ? ((Class<?>) v).getName() : String.valueOf(v);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    Class<?> t = getter.getReturnType();
    if (t == boolean.class) {
      return "false";
    }
    if (t == double.class || t == float.class) {
      return "0.0";
    }
    return t.isPrimitive() ? "0" : null;
  }

  static String typeName(Class<?> t) {
    if (t == boolean.class || t == Boolean.class) {
      return "true|false";
    }
    if (t.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object c : t.getEnumConstants()) {
        values.add(c.toString());
      }
      return String.join("|", values);
    }
    if (t == Integer.class) {
      return "int";
    }
    return t.getSimpleName().toLowerCase();
  }

  /** The help text: a title line, each option with its type, default and wrapped description, then Beam's. */
  static String text(String title, Class<? extends PipelineOptions> type) {
    StringBuilder out = new StringBuilder(title).append("\n");
    for (Map.Entry<String, Method> e : projectOptions(type).entrySet()) {
      Method getter = e.getValue();
      String dflt = defaultValue(getter);
      String status = required(getter) ? "required" : dflt == null ? "no default" : "default: " + dflt;
      out.append("  --").append(e.getKey()).append("=<").append(typeName(getter.getReturnType())).append(">  (")
          .append(status).append(")\n");
      wrap(description(getter), out);
    }
    out.append("Beam's options: ").append(BEAM_HELP)
        .append(" (or --help=<interface>, e.g. org.apache.beam.runners.direct.DirectOptions)\n");
    return out.toString();
  }

  private static void wrap(String text, StringBuilder out) {
    StringBuilder line = new StringBuilder(INDENT);
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append("\n");
        line = new StringBuilder(INDENT);
      }
      if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append("\n");
  }
}
