package io.csv;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small RFC 4180 reader for one physical line: comma-separated, fields optionally in double quotes with
 * {@code ""} for a quote. A quoted field spanning lines is not supported (no input here has one); such a line
 * is rejected with a reason rather than silently joined.
 */
public final class Csv {
  private Csv() {}

  /** Splits one line; throws {@link InvalidRowException} on an unterminated quote or stray quote. */
  public static List<String> split(String line) throws InvalidRowException {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = line.length();
    boolean fieldStart = true;
    while (i <= n) {
      if (i == n) {
        fields.add(cur.toString());
        break;
      }
      char c = line.charAt(i);
      if (fieldStart && c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char q = line.charAt(i);
          if (q == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              cur.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          cur.append(q);
          i++;
        }
        if (!closed) {
          throw new InvalidRowException("unterminated quoted field");
        }
        if (i < n && line.charAt(i) != ',') {
          throw new InvalidRowException("text after a closing quote");
        }
        fieldStart = false;
        continue;
      }
      if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        fieldStart = true;
        i++;
        if (i == n) {
          fields.add("");
          break;
        }
        continue;
      }
      cur.append(c);
      fieldStart = false;
      i++;
    }
    return fields;
  }

  /** Column positions by name, matched case-insensitively and ignoring surrounding spaces. */
  public static final class Header implements Serializable {
    private final Map<String, Integer> index = new HashMap<>();
    private final int width;

    public Header(List<String> names) {
      for (int i = 0; i < names.size(); i++) {
        index.putIfAbsent(normalize(names.get(i)), i);
      }
      this.width = names.size();
    }

    private static String normalize(String name) {
      return name.trim().toUpperCase(Locale.ROOT);
    }

    public boolean has(String name) {
      return index.containsKey(normalize(name));
    }

    /** The position of a column (case-insensitive), or -1. */
    public int indexOf(String name) {
      return index.getOrDefault(normalize(name), -1);
    }

    public int width() {
      return width;
    }

    public List<String> missing(List<String> required) {
      List<String> out = new ArrayList<>();
      for (String r : required) {
        if (!has(r)) {
          out.add(r);
        }
      }
      return out;
    }

    public Row row(List<String> values) {
      return new Row(this, values);
    }
  }

  /** One data line, read by column name. */
  public static final class Row {
    private final Header header;
    private final List<String> values;

    Row(Header header, List<String> values) {
      this.header = header;
      this.values = values;
    }

    /** The trimmed value, or "" when the column is absent from this file. */
    public String get(String column) {
      Integer i = header.index.get(Header.normalize(column));
      if (i == null || i >= values.size()) {
        return "";
      }
      return values.get(i).trim();
    }

    public String required(String column) throws InvalidRowException {
      String v = get(column);
      if (v.isEmpty()) {
        throw new InvalidRowException(column + " is blank");
      }
      return v;
    }

    public int nonNegativeInt(String column) throws InvalidRowException {
      String v = required(column);
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new InvalidRowException(column + " '" + v + "' is not a number");
      }
      if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
        throw new InvalidRowException(column + " '" + v + "' is not a whole number");
      }
      if (d < 0) {
        throw new InvalidRowException(column + " " + v + " is negative");
      }
      return (int) d;
    }

    public Integer optionalInt(String column) throws InvalidRowException {
      String v = get(column);
      if (v.isEmpty()) {
        return null;
      }
      try {
        double d = Double.parseDouble(v);
        if (d != Math.rint(d)) {
          throw new InvalidRowException(column + " '" + v + "' is not a whole number");
        }
        return (int) d;
      } catch (NumberFormatException e) {
        throw new InvalidRowException(column + " '" + v + "' is not a number");
      }
    }

    public Double optionalDouble(String column) throws InvalidRowException {
      String v = get(column);
      if (v.isEmpty()) {
        return null;
      }
      return finiteDouble(column, v);
    }

    public double requiredDouble(String column) throws InvalidRowException {
      return finiteDouble(column, required(column));
    }

    private static double finiteDouble(String column, String v) throws InvalidRowException {
      try {
        double d = Double.parseDouble(v);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new InvalidRowException(column + " '" + v + "' is not a finite number");
        }
        return d;
      } catch (NumberFormatException e) {
        throw new InvalidRowException(column + " '" + v + "' is not a number");
      }
    }

    public int width() {
      return values.size();
    }
  }
}
