package io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.DeadLetter;

/**
 * One CSV file's lines through the header check and the row checks: every data line becomes exactly one
 * record or one dead letter. The one place these checks live, shared by the pipeline's read
 * ({@link ReadCsvRecords}) and the driver's check of a required input before any graph runs.
 */
public final class CsvFile {
  private CsvFile() {}

  /** Where a file's lines go. */
  public interface Receiver<T> {
    void record(T record);

    void rejected(DeadLetter deadLetter);
  }

  /** What one file held. */
  public static final class Outcome {
    /** False when the file has no header line at all (nothing was read). */
    public final boolean hasHeader;
    public final long dataRows;
    public final long rejected;
    /** Why every row was rejected, when the header itself is unusable; else null. */
    public final @Nullable String headerProblem;

    Outcome(boolean hasHeader, long dataRows, long rejected, @Nullable String headerProblem) {
      this.hasHeader = hasHeader;
      this.dataRows = dataRows;
      this.rejected = rejected;
      this.headerProblem = headerProblem;
    }
  }

  /**
   * A file's lines, bounded: at most {@code maxLineChars} of one line are held, and a compressed stream inflating
   * past {@code maxDecompressedBytes} stops with a {@link BoundedInputStream.TooLargeException} (a corrupt file or a
   * gzip bomb must not run a worker out of memory).
   */
  public static BoundedLineReader lines(
      InputStream bytes, boolean compressed, int maxLineChars, long maxDecompressedBytes) {
    InputStream in = compressed ? new BoundedInputStream(bytes, maxDecompressedBytes) : bytes;
    // Malformed bytes decode to U+FFFD, which the row check turns into a dead letter.
    return new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), maxLineChars);
  }

  /** Reads {@code reader} (the file {@code name}) to its end, handing each data line to {@code out}. */
  public static <T> Outcome read(
      String name, BoundedLineReader reader, int maxLineChars, CsvRecordParser<T> parser, Receiver<T> out)
      throws IOException {
    long lineNumber = 1;
    long dataRows = 0;
    long rejected = 0;
    String headerProblem = null;
    try {
      String headerLine = reader.readLine();
      if (headerLine == null || stripBom(headerLine).isBlank()) {
        return new Outcome(false, 0, 0, null);
      }
      Csv.Header header;
      if (reader.overlong()) {
        header = null;
        headerProblem = "file header is " + reader.length() + " characters long, over the limit of " + maxLineChars
            + " (a corrupt or binary file?)";
      } else {
        try {
          header = new Csv.Header(Csv.split(stripBom(headerLine)));
          List<String> missing = header.missing(parser.requiredColumns());
          if (!missing.isEmpty()) {
            headerProblem =
                "file header lacks required columns " + missing + " (is the file comma-separated with a header?)";
          }
        } catch (InvalidRowException e) {
          header = null;
          headerProblem = "file header cannot be read: " + e.getMessage();
        }
      }
      Map<String, Long> firstLineOfKey = new HashMap<>();
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        dataRows++;
        String reason = headerProblem;
        T record = null;
        if (reason == null && reader.overlong()) {
          reason = "line is " + reader.length() + " characters long, over the limit of " + maxLineChars
              + " (a corrupt or binary export?); raw_text holds its first " + line.length();
        }
        if (reason == null) {
          try {
            record = parseLine(parser, header, line);
            String key = parser.duplicateKey(record);
            if (key != null) {
              Long first = firstLineOfKey.putIfAbsent(key, lineNumber);
              if (first != null) {
                reason = "duplicate of line " + first + " (same " + key + ")";
              }
            }
          } catch (InvalidRowException e) {
            reason = e.getMessage();
          } catch (RuntimeException e) {
            // A parser bug must not lose the row or kill the run; it is visible in the dead letter.
            reason = "unexpected error: " + e;
          }
        }
        if (reason == null) {
          out.record(record);
        } else {
          rejected++;
          out.rejected(DeadLetter.of(name, lineNumber, line, reason));
        }
      }
    } catch (BoundedInputStream.TooLargeException e) {
      // One dead letter stands for the unread rest, so read = accepted + dead-lettered still holds.
      dataRows++;
      rejected++;
      out.rejected(DeadLetter.of(name, lineNumber + 1, "",
          e.getMessage() + " (a corrupt file or a gzip bomb?); the rest of the file from this line on is not read"));
    }
    return new Outcome(true, dataRows, rejected, headerProblem);
  }

  private static <T> T parseLine(CsvRecordParser<T> parser, Csv.Header header, String line) throws InvalidRowException {
    if (line.isBlank()) {
      throw new InvalidRowException("blank line");
    }
    if (line.indexOf('\uFFFD') >= 0) {
      throw new InvalidRowException("line is not valid UTF-8");
    }
    List<String> values = Csv.split(line);
    if (values.size() != header.width()) {
      throw new InvalidRowException(
          "row has " + values.size() + " fields, the header has " + header.width() + " (truncated line or wrong delimiter?)");
    }
    return parser.parse(header.row(values));
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
