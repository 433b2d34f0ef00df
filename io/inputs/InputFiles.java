package io.inputs;

import io.csv.BoundedLineReader;
import io.csv.ReadCsvRecords;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The input folder: which of the known files it holds (plain or {@code .gz}), checked before a pipeline is
 * built. A missing, empty or header-only required file is a {@link InputException} with a sentence a person
 * can act on; a missing optional file is one line in {@link #report()} and the run goes on. Works on any Beam
 * file system (local folder or {@code gs://} prefix).
 */
public final class InputFiles {

  /** The inputs this project reads, by the file name users already have. */
  public enum Input {
    PLAYER_GAME_LOGS("player_game_logs.csv", true),
    SCHEDULE("schedule.csv", false),
    GAME_LINES("game_lines.csv", false),
    SHOT_ZONES("shot_zones.csv", false),
    PLAYER_PROPS("player_props_snapshots.csv", false);

    public final String fileName;
    public final boolean required;

    Input(String fileName, boolean required) {
      this.fileName = fileName;
      this.required = required;
    }
  }

  private final String dir;
  private final Map<Input, String> found = new EnumMap<>(Input.class);
  private final List<String> report = new ArrayList<>();
  private final Map<String, Long> modified = new java.util.TreeMap<>();

  private InputFiles(String dir) {
    this.dir = dir;
  }

  /** Finds every known input under {@code dir}, checks the required one, and reports the optional ones. */
  public static InputFiles discover(String dir) throws InputException {
    InputFiles files = new InputFiles(dir);
    for (Input input : Input.values()) {
      String path = files.locate(input);
      if (path == null) {
        if (input.required) {
          throw new InputException(
              "required input " + input.fileName + " (or " + input.fileName + ".gz) is not in " + dir);
        }
        files.report.add(input.fileName + ": absent (optional) — features from it fall back to defaults");
        continue;
      }
      String problem = firstLinesProblem(path);
      if (problem != null && input.required) {
        throw new InputException(path + " " + problem + ": nothing to build from");
      }
      if (problem != null) {
        files.report.add(input.fileName + ": " + path + " " + problem + " — not read, treated as absent");
        continue;
      }
      files.report.add(input.fileName + ": found " + path);
      files.found.put(input, path);
    }
    return files;
  }

  private String locate(Input input) throws InputException {
    for (String candidate : new String[] {join(dir, input.fileName), join(dir, input.fileName + ".gz")}) {
      try {
        MatchResult m = FileSystems.match(candidate, EmptyMatchTreatment.ALLOW);
        if (m.status() == MatchResult.Status.OK && !m.metadata().isEmpty()) {
          MatchResult.Metadata meta = m.metadata().get(0);
          modified.put(meta.resourceId().getFilename(), meta.lastModifiedMillis());
          return candidate;
        }
      } catch (IOException e) {
        throw new InputException("cannot list " + candidate + ": " + e.getMessage());
      }
    }
    return null;
  }

  /** Null when the file has a header and at least one data line; otherwise what is wrong with it. */
  static String firstLinesProblem(String path) throws InputException {
    // Bounded: the driver must not materialize a corrupt file's endless first line either.
    try (BoundedLineReader r =
        new BoundedLineReader(
            new InputStreamReader(
                Channels.newInputStream(
                    Compression.detect(path)
                        .readDecompressed(FileSystems.open(FileSystems.matchNewResource(path, false)))),
                StandardCharsets.UTF_8), ReadCsvRecords.MAX_LINE_CHARS)) {
      String header = r.readLine();
      if (header == null || header.replace("\uFEFF", "").isBlank()) {
        return "is empty (no header line)";
      }
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          return null;
        }
      }
      return "has a header but no data rows";
    } catch (IOException e) {
      throw new InputException("cannot read " + path + ": " + e.getMessage());
    }
  }

  public boolean has(Input input) {
    return found.containsKey(input);
  }

  public String path(Input input) {
    String p = found.get(input);
    if (p == null) {
      throw new IllegalStateException(input.fileName + " is absent; check has() first");
    }
    return p;
  }

  /** When each input file found was last modified (epoch ms), by file name: the inputs' freshness. */
  public Map<String, Long> modified() {
    return java.util.Collections.unmodifiableMap(modified);
  }

  public List<String> report() {
    return report;
  }

  public String dir() {
    return dir;
  }

  static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** An input problem a person must fix; its message is printed as is. */
  public static final class InputException extends Exception {
    public InputException(String message) {
      super(message);
    }
  }
}
