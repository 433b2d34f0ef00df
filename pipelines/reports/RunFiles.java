package pipelines.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/** The run's own files (summary, health report) under the output folder, local or gs://. */
public final class RunFiles {
  private RunFiles() {}

  public static void writeText(String outputDir, String name, String content, String mimeType) throws IOException {
    ResourceId file = FileSystems.matchNewResource(outputDir.replaceAll("/+$", "") + "/" + name, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(file, mimeType))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
