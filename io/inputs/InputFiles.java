package io.inputs;

import io.csv.BoundedLineReader;
import io.csv.ReadCsvRecords;
import java.io.IOException;
import java.nio.channels.Channels;
import io.csv.CsvFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import schemas.DeadLetter;
import schemas.PlayerGameSummary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The input folder, or folders: which of the known files each holds (plain or {@code .gz}), checked before a
 * pipeline is built. A missing, empty or header-only required file is a {@link InputException} with a sentence a
 * person can act on; a missing optional file is one line in {@link #report()} and the run goes on. Works on any Beam
 * file system (local folder or {@code gs://} prefix).
 *
 * <p><b>Several folders</b> ({@code --inputDir=a,b}, e.g. one per season for training): the files of one kind from
 * every folder are read together, as one input. Each folder must hold the required box scores. Files are named (in
 * dead letters, counters and the run summary) by their path relative to the folders' common parent
 * ({@code 2022-23/player_game_logs.csv}), so two files of one name stay apart. Folders may overlap in dates: two
 * folders are refused ({@link #refuseDoubledRows}) only when a row of one kind would be in both, i.e. both hold a row
 * of the same identity, the key under which a second row in one file is a duplicate (the same player and date in
 * the box scores, the same game in the schedule or game lines, the same player, date and zone in the shot zones,
 * the same offer of the same snapshot in the props): reading both would count it twice. Partial rosters of the same
 * dates in two folders, or another book's snapshots, are read together.
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

  /**
   * The prop snapshots: every file of the folder matching this, not only {@code player_props_snapshots.csv(.gz)}:
   * a snapshot dropped beside the others before a run is read like them. The same-day watch uses the same glob.
   */
  public static final String SNAPSHOTS_GLOB = "player_props_snapshots*.csv*";

  /** The naming root: the folder, or the folders' common parent. */
  private final String dir;
  private final List<String> dirs;
  private final Map<Input, List<String>> found = new EnumMap<>(Input.class);
  /** Per input, the files found in each folder, in folder order. */
  private final Map<Input, List<List<String>>> byFolder = new EnumMap<>(Input.class);
  /** Snapshot files of the glob that are not read (a twin of one read, empty, header-only). */
  private final List<String> snapshotsNotRead = new ArrayList<>();
  private final List<String> report = new ArrayList<>();
  private final Map<String, Long> modified = new java.util.TreeMap<>();

  private InputFiles(List<String> dirs, String root) {
    this.dirs = List.copyOf(dirs);
    this.dir = root;
  }

  /**
   * Finds every known input under {@code dirs} (one folder, or several separated by commas), checks the required
   * one, and reports the optional ones.
   */
  public static InputFiles discover(String dirs) throws InputException {
    List<String> folders = new ArrayList<>();
    for (String d : dirs.split(",")) {
      if (!d.isBlank() && !folders.contains(d.trim())) {
        folders.add(d.trim());
      }
    }
    if (folders.isEmpty()) {
      throw new InputException("no input folder in '" + dirs + "'");
    }
    InputFiles files = new InputFiles(folders, folders.size() == 1 ? folders.get(0) : commonParent(folders));
    for (String folder : folders) {
      files.discoverFolder(folder);
    }
    return files;
  }

  /**
   * The folder the files of several are named relative to: the longest common prefix of their absolute paths, up
   * to a '/'.
   */
  static String commonParent(List<String> folders) {
    List<String> absolute = new ArrayList<>();
    for (String f : folders) {
      absolute.add(FileSystems.matchNewResource(f, true).toString());
    }
    String prefix = absolute.get(0);
    for (String a : absolute) {
      int i = 0;
      while (i < prefix.length() && i < a.length() && prefix.charAt(i) == a.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    return prefix.substring(0, prefix.lastIndexOf('/') + 1);
  }

  private void discoverFolder(String folder) throws InputException {
    for (Input input : Input.values()) {
      if (input == Input.PLAYER_PROPS) {
        discoverSnapshots(folder);
        continue;
      }
      String path = locate(folder, input);
      if (path == null) {
        if (input.required) {
          throw new InputException(
              "required input " + input.fileName + " (or " + input.fileName + ".gz) is not in " + folder);
        }
        report.add(input.fileName + ": absent (optional)" + (dirs.size() > 1 ? " in " + folder : "")
            + " — features from it fall back to defaults");
        continue;
      }
      String problem = firstLinesProblem(path);
      if (problem != null && input.required) {
        throw new InputException(path + " " + problem + ": nothing to build from");
      }
      if (problem != null) {
        report.add(input.fileName + ": " + path + " " + problem + " — not read, treated as absent");
        continue;
      }
      report.add(input.fileName + ": found " + path);
      add(input, folder, List.of(path));
    }
  }

  private void add(Input input, String folder, List<String> paths) {
    List<String> all = new ArrayList<>(found.getOrDefault(input, List.of()));
    all.addAll(paths);
    found.put(input, List.copyOf(all));
    List<List<String>> perFolder = byFolder.computeIfAbsent(input, k -> new ArrayList<>());
    while (perFolder.size() < dirs.indexOf(folder)) {
      perFolder.add(List.of());
    }
    perFolder.add(List.copyOf(paths));
  }

  /** A file's name in reports: its path relative to the naming root, as dead letters and counters name it. */
  private String relativeName(String path, String baseName) {
    String resolved = dirs.size() > 1 ? FileSystems.matchNewResource(path, false).toString() : path;
    return ReadCsvRecords.fileName(resolved, dir, baseName);
  }

  /**
   * Refuses several folders when a row of one kind is in two of them ({@link InputFiles}): every file of every kind is
   * parsed here, before the graph is built, with the pipeline's own parsers, and the identities of the accepted rows
   * compared across folders. One folder: nothing to compare, nothing read.
   */
  public void refuseDoubledRows(LocalDate latestGameDate) throws InputException {
    if (dirs.size() < 2) {
      return;
    }
    refuseDoubled(Input.PLAYER_GAME_LOGS, new PlayerGameLogParser(latestGameDate));
    refuseDoubled(Input.SCHEDULE, new ScheduleParser());
    refuseDoubled(Input.GAME_LINES, new GameLineParser());
    refuseDoubled(Input.SHOT_ZONES, new ShotZoneParser());
    refuseDoubled(Input.PLAYER_PROPS, new PropSnapshotParser());
  }

  private <T> void refuseDoubled(Input input, io.csv.CsvRecordParser<T> parser) throws InputException {
    List<List<String>> perFolder = byFolder.getOrDefault(input, List.of());
    Map<String, String> firstFolder = new java.util.HashMap<>();
    for (int f = 0; f < perFolder.size(); f++) {
      String folder = dirs.get(f);
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (String path : perFolder.get(f)) {
        try (BoundedLineReader r = open(path)) {
          CsvFile.read(path, r, ReadCsvRecords.MAX_LINE_CHARS, parser, new CsvFile.Receiver<T>() {
            @Override
            public void record(T record) {
              String key = parser.duplicateKey(record);
              if (key != null) {
                keys.add(key);
              }
            }

            @Override
            public void rejected(DeadLetter d) {}
          });
        } catch (IOException e) {
          throw new InputException("cannot read " + path + ": " + e.getMessage());
        }
      }
      long shared = 0;
      String example = null;
      String other = null;
      for (String key : keys) {
        String earlier = firstFolder.putIfAbsent(key, folder);
        if (earlier != null) {
          shared++;
          if (example == null || key.compareTo(example) < 0) {
            example = key;
            other = earlier;
          }
        }
      }
      if (shared > 0) {
        throw new InputException(String.format(Locale.ROOT,
            "%s: %d rows are in both %s and %s (e.g. %s): reading both folders would count each twice; "
                + "give each row's file in one folder only", input.fileName, shared, other, folder, example));
      }
    }
  }

  /** The plain file if present, else the .gz; when both are there, the .gz is reported as not read. */
  private String locate(String dir, Input input) throws InputException {
    String plain = join(dir, input.fileName);
    String gz = plain + ".gz";
    MatchResult.Metadata p = single(plain);
    MatchResult.Metadata z = single(gz);
    MatchResult.Metadata chosen = p != null ? p : z;
    if (chosen == null) {
      return null;
    }
    if (p != null && z != null) {
      report.add(input.fileName + ": both " + plain + " and " + gz + " are present: reading " + plain + ", not " + gz);
    }
    String path = p != null ? plain : gz;
    modified.put(relativeName(chosen.resourceId().toString(), chosen.resourceId().getFilename()), chosen.lastModifiedMillis());
    return path;
  }

  private static MatchResult.Metadata single(String path) throws InputException {
    List<MatchResult.Metadata> m = match(path);
    return m.isEmpty() ? null : m.get(0);
  }

  private static List<MatchResult.Metadata> match(String pattern) throws InputException {
    try {
      MatchResult m = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      return m.status() == MatchResult.Status.OK ? m.metadata() : List.of();
    } catch (IOException e) {
      throw new InputException("cannot list " + pattern + ": " + e.getMessage());
    }
  }

  /**
   * Every snapshot file of {@link #SNAPSHOTS_GLOB}, in name order. Of {@code x.csv} and {@code x.csv.gz} (the same
   * snapshot twice, compressed and not), the plain one is read and the other reported; an empty or header-only
   * file is reported and not read.
   */
  private void discoverSnapshots(String dir) throws InputException {
    Map<String, MatchResult.Metadata> byPath = new java.util.TreeMap<>();
    for (MatchResult.Metadata m : match(join(dir, SNAPSHOTS_GLOB))) {
      byPath.put(m.resourceId().toString(), m);
    }
    String name = Input.PLAYER_PROPS.fileName;
    List<String> read = new ArrayList<>();
    for (Map.Entry<String, MatchResult.Metadata> e : byPath.entrySet()) {
      String path = e.getKey();
      if (path.endsWith(".gz") && byPath.containsKey(path.substring(0, path.length() - 3))) {
        snapshotsNotRead.add(path);
        report.add(name + ": both " + path.substring(0, path.length() - 3) + " and " + path
            + " are present: reading the first, not " + path);
        continue;
      }
      String problem = firstLinesProblem(path);
      if (problem != null) {
        snapshotsNotRead.add(path);
        report.add(name + ": " + path + " " + problem + " — not read, treated as absent");
        continue;
      }
      report.add(name + ": found " + path);
      modified.put(relativeName(path, e.getValue().resourceId().getFilename()), e.getValue().lastModifiedMillis());
      read.add(path);
    }
    if (read.isEmpty()) {
      report.add(name + ": absent (optional; no " + SNAPSHOTS_GLOB + " to read" + (dirs.size() > 1 ? " in " + dir : "")
          + ") — features from it fall back to defaults");
    } else {
      add(Input.PLAYER_PROPS, dir, read);
    }
  }

  /** Null when the file has a header and at least one data line; otherwise what is wrong with it. */
  static String firstLinesProblem(String path) throws InputException {
    // Bounded: the driver must not materialize a corrupt file's endless first line either.
    try (BoundedLineReader r = open(path)) {
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

  /**
   * Refuses the run, before any graph is built, when the required input's rows are wholly rejected or rejected
   * above {@code maxRejectRate}: a broken file (a {@code ;} delimiter, a wrong export) is an input error, not
   * a run that writes nothing and then cleans up every partition of its range. The rows go through the same
   * parser and line checks as the pipeline's read ({@link CsvFile}), so the driver and the graph agree.
   */
  public void refuseRejectedRequired(LocalDate latestGameDate, double maxRejectRate) throws InputException {
    for (String path : paths(Input.PLAYER_GAME_LOGS)) {
      refuseRejected(path, latestGameDate, maxRejectRate);
    }
  }

  private void refuseRejected(String path, LocalDate latestGameDate, double maxRejectRate) throws InputException {
    String name = relativeName(path, FileSystems.matchNewResource(path, false).getFilename());
    String[] firstReason = new String[1];
    CsvFile.Outcome o;
    try (BoundedLineReader r = open(path)) {
      o = CsvFile.read(name, r, ReadCsvRecords.MAX_LINE_CHARS, new PlayerGameLogParser(latestGameDate), new CsvFile.Receiver<PlayerGameSummary>() {
        @Override
        public void record(PlayerGameSummary record) {}

        @Override
        public void rejected(DeadLetter d) {
          if (firstReason[0] == null) {
            firstReason[0] = "line " + d.getLineNumber() + ": " + d.getReason();
          }
        }
      });
    } catch (IOException e) {
      throw new InputException("cannot read " + path + ": " + e.getMessage());
    }
    if (o.dataRows == 0) {
      return; // firstLinesProblem already refused an empty or header-only file
    }
    double rate = (double) o.rejected / o.dataRows;
    if (o.rejected == o.dataRows || rate > maxRejectRate) {
      throw new InputException(String.format(Locale.ROOT,
          "%s: %d of %d data rows rejected (%.1f%%, refused above %.1f%%: --maxRequiredInputRejectRate), first: %s;"
              + " nothing written or deleted",
          path, o.rejected, o.dataRows, 100 * rate, 100 * maxRejectRate,
          o.headerProblem != null ? o.headerProblem : firstReason[0]));
    }
  }

  /** A file's lines, decompressed and bounded as the pipeline's read bounds them. */
  private static BoundedLineReader open(String path) throws IOException {
    Compression compression = Compression.detect(path);
    return CsvFile.lines(
        Channels.newInputStream(compression.readDecompressed(FileSystems.open(FileSystems.matchNewResource(path, false)))),
        compression != Compression.UNCOMPRESSED, ReadCsvRecords.MAX_LINE_CHARS, ReadCsvRecords.MAX_DECOMPRESSED_BYTES);
  }

  /**
   * The names of the inputs found, as their dead letters name them (e.g. {@code player_game_logs.csv}, or
   * {@code 2022-23/player_game_logs.csv} with several folders): the sources this run reads.
   */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>();
    found.values().forEach(paths -> paths.forEach(
        path -> names.add(relativeName(path, FileSystems.matchNewResource(path, false).getFilename()))));
    return names;
  }

  public boolean has(Input input) {
    return found.containsKey(input);
  }

  /** The files read for an input: one, except for the prop snapshots (every file of {@link #SNAPSHOTS_GLOB}). */
  public List<String> paths(Input input) {
    List<String> p = found.get(input);
    if (p == null) {
      throw new IllegalStateException(input.fileName + " is absent; check has() first");
    }
    return p;
  }

  /**
   * The snapshot files listed at discovery, read or reported as not read (a twin, an empty file): what a watch of
   * the same folder must not treat as new, and nothing else.
   */
  public java.util.Set<String> snapshotFilesListed() {
    java.util.Set<String> all = new java.util.TreeSet<>(snapshotsNotRead);
    all.addAll(found.getOrDefault(Input.PLAYER_PROPS, List.of()));
    return all;
  }

  /** When each input file found was last modified (epoch ms), by file name: the inputs' freshness. */
  public Map<String, Long> modified() {
    return java.util.Collections.unmodifiableMap(modified);
  }

  public List<String> report() {
    return report;
  }

  /** The folder files are named relative to: the input folder, or with several, their common parent. */
  public String dir() {
    return dir;
  }

  /** The input folders, as given. */
  public List<String> dirs() {
    return dirs;
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
