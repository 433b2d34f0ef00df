package pipelines;

import java.util.ArrayList;
import java.util.List;

/**
 * The Flex Template launcher's entry point. The launcher runs a main class with the template's parameters as
 * {@code --name=value} and nothing else, so the pipeline's name comes from the image's environment
 * ({@code NBA_PIPELINE}, set per template at build time) and the launch returns once the job is submitted.
 */
public final class FlexTemplateMain {
  private FlexTemplateMain() {}

  public static void main(String[] args) {
    String pipeline = System.getenv("NBA_PIPELINE");
    if (pipeline == null || pipeline.isBlank()) {
      System.err.println("error: NBA_PIPELINE is not set (the template build sets it: see templates/build.sh)");
      System.exit(2);
    }
    System.exit(Main.run(launchArgs(pipeline, args)));
  }

  static String[] launchArgs(String pipeline, String[] args) {
    List<String> all = new ArrayList<>(List.of(pipeline));
    all.addAll(List.of(args));
    if (all.stream().noneMatch(a -> a.startsWith("--waitForCompletion"))) {
      all.add("--waitForCompletion=false");
    }
    return all.toArray(new String[0]);
  }
}
