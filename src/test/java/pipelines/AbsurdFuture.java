package pipelines;

import io.csv.Csv;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import schemas.vocabulary.GameDates;

/**
 * The leakage fixture: a copy of an input folder in which everything dated after D is absurd (box-score
 * counting stats and shot attempts ×10 with 48 minutes, prop lines +100) and a fake player, with absurd games on
 * D and after, is appended. A point-in-time correct run gives identical Phase 4 rows for D on both folders,
 * except the fake player's own.
 */
final class AbsurdFuture {
  static final String FAKE_NAME = "Zz Absurd Leaker";
  static final String FAKE_LOOKUP = "zzabsurdleaker";
  private static final Set<String> COUNTS =
      Set.of("FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST", "TOV", "STL", "BLK", "PF", "PTS");

  private AbsurdFuture() {}

  static void copy(Path src, Path dst, String d) throws Exception {
    Files.createDirectories(dst);
    try (var files = Files.list(src)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        List<String> lines = read(f);
        List<String> out;
        if (name.startsWith("player_game_logs")) {
          out = boxScores(lines, d);
        } else if (name.startsWith("shot_zones")) {
          out = scaleAfter(lines, d, "GAME_DATE", Set.of("FGA", "FGM"), Map.of());
        } else if (name.startsWith("player_props_snapshots")) {
          // +100, not ×10 or a constant: stays under the parser's bound of 200 and keeps each book's alternates distinct
          out = scaleAfter(lines, d, "game_time", Set.of(), Map.of("LINE", x -> Double.toString(Double.parseDouble(x) + 100)));
        } else {
          out = lines;
        }
        write(dst.resolve(name), out);
      }
    }
  }

  private static List<String> boxScores(List<String> lines, String d) throws Exception {
    List<String> out = scaleAfter(lines, d, "GAME_DATE", COUNTS, Map.of("MIN", x -> "48"));
    Csv.Header h = new Csv.Header(Csv.split(lines.get(0)));
    // the fake player: a copy of one real row per team-game on D and after, absurd, on the first team seen
    String team = null;
    for (String line : lines.subList(1, lines.size())) {
      List<String> v = new ArrayList<>(Csv.split(line));
      String date = v.get(index(h, "GAME_DATE")).substring(0, 10);
      if (date.compareTo(d) < 0) {
        continue;
      }
      String t = v.get(index(h, "TEAM_ABBREVIATION"));
      if (team == null) {
        team = t;
      }
      if (!t.equals(team) || out.contains("#" + date)) {
        continue;
      }
      out.add("#" + date); // marker: one fake row per date, removed below
      v.set(index(h, "PLAYER_NAME"), FAKE_NAME);
      v.set(index(h, "PLAYER_ID"), "999999999");
      out.add(join(scale(h, v, COUNTS, Map.of("MIN", x -> "48"))));
    }
    out.removeIf(l -> l.startsWith("#"));
    return out;
  }

  private static List<String> scaleAfter(
      List<String> lines, String d, String dateColumn, Set<String> columns, Map<String, UnaryOperator<String>> fixed)
      throws Exception {
    Csv.Header h = new Csv.Header(Csv.split(lines.get(0)));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      List<String> v = new ArrayList<>(Csv.split(line));
      String raw = v.get(index(h, dateColumn));
      String date = raw.length() > 10 && raw.endsWith("Z") ? GameDates.easternDate(Instant.parse(raw)).toString() : raw.substring(0, 10);
      out.add(date.compareTo(d) > 0 ? join(scale(h, v, columns, fixed)) : line);
    }
    return out;
  }

  /** Counting columns ×10, and the given absurd rewrites of the others. */
  private static List<String> scale(Csv.Header h, List<String> v, Set<String> columns, Map<String, UnaryOperator<String>> fixed) {
    for (String c : columns) {
      if (h.has(c)) {
        int i = index(h, c);
        String x = v.get(i);
        if (!x.isBlank()) {
          v.set(i, x.contains(".") ? Double.toString(Double.parseDouble(x) * 10) : Integer.toString(Integer.parseInt(x) * 10));
        }
      }
    }
    fixed.forEach((column, value) -> {
      if (h.has(column)) {
        v.set(index(h, column), value.apply(v.get(index(h, column))));
      }
    });
    return v;
  }

  private static int index(Csv.Header h, String column) {
    return h.indexOf(column);
  }

  private static String join(List<String> v) {
    List<String> q = new ArrayList<>();
    for (String x : v) {
      q.add(x.contains(",") || x.contains("\"") ? "\"" + x.replace("\"", "\"\"") + "\"" : x);
    }
    return String.join(",", q);
  }

  private static List<String> read(Path f) throws Exception {
    var in = Files.newInputStream(f);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
      return new ArrayList<>(r.lines().toList());
    }
  }

  private static void write(Path f, List<String> lines) throws Exception {
    var os = Files.newOutputStream(f);
    try (BufferedWriter w =
        new BufferedWriter(new OutputStreamWriter(f.toString().endsWith(".gz") ? new GZIPOutputStream(os) : os, StandardCharsets.UTF_8))) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    }
  }
}
