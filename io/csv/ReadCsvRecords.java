package io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import schemas.DeadLetter;
import schemas.SchemaCoders;

/**
 * Reads CSV files (plain or compressed, by extension) into records, with every rejected line on a second
 * output. Each file is read whole by one worker: that is what makes line numbers, the header and duplicate
 * detection exact, and it is cheap at the size of these inputs (a season of box scores is ~3 MB). A
 * multi-GB input would want a splittable read and a GroupByKey for duplicates instead.
 *
 * <p>Per file, the counters {@code input/<file>:rows_read}, {@code :rows_accepted} and
 * {@code :rows_dead_lettered} always reconcile: every data line is exactly one of the two. {@code <file>} (and a
 * dead letter's source_file) is the file's path relative to the input root given by {@link #relativeTo}, so two
 * files of one name in different folders stay apart; without a root, the file name.
 *
 * <p>Hostile input is bounded: a line longer than {@link #MAX_LINE_CHARS} is a dead letter holding its first
 * {@link BoundedLineReader#KEPT_CHARS} characters (the file's other lines are still read), and a compressed file
 * that inflates past {@link #MAX_DECOMPRESSED_BYTES} stops being read there, with one dead letter saying so.
 */
public final class ReadCsvRecords<T> extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>() {};
  public static final String METRICS_NAMESPACE = "input";

  /** The longest line read whole: 1 MiB of characters (a real box-score line is about 200). */
  public static final int MAX_LINE_CHARS = 1 << 20;
  /** The most a compressed input may inflate to: 4 GiB (a season of box scores is about 3 MB). */
  public static final long MAX_DECOMPRESSED_BYTES = 4L << 30;

  private final String filepattern;
  private final CsvRecordParser<T> parser;
  private final Class<T> recordClass;
  private final TupleTag<T> records;
  private final @Nullable String root;
  private final int maxLineChars;
  private final long maxDecompressedBytes;

  private ReadCsvRecords(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass, TupleTag<T> records,
      @Nullable String root, int maxLineChars, long maxDecompressedBytes) {
    this.filepattern = filepattern;
    this.parser = parser;
    this.recordClass = recordClass;
    this.records = records;
    this.root = root;
    this.maxLineChars = maxLineChars;
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  public static <T> ReadCsvRecords<T> of(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass) {
    return new ReadCsvRecords<>(filepattern, parser, recordClass, new TupleTag<>(), null, MAX_LINE_CHARS,
        MAX_DECOMPRESSED_BYTES);
  }

  /** Files are named by their path relative to {@code root} (the input folder, or a watched pattern's folder). */
  public ReadCsvRecords<T> relativeTo(String root) {
    return new ReadCsvRecords<>(filepattern, parser, recordClass, records, root, maxLineChars, maxDecompressedBytes);
  }

  /** Other limits than {@link #MAX_LINE_CHARS} and {@link #MAX_DECOMPRESSED_BYTES}. */
  public ReadCsvRecords<T> withLimits(int maxLineChars, long maxDecompressedBytes) {
    return new ReadCsvRecords<>(filepattern, parser, recordClass, records, root, maxLineChars, maxDecompressedBytes);
  }

  /** The folder a file pattern's matches are named relative to: its path up to the last '/' before a wildcard. */
  public static String patternRoot(String pattern) {
    int wildcard = pattern.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = pattern.indexOf(c);
      if (i >= 0) {
        wildcard = Math.min(wildcard, i);
      }
    }
    int slash = pattern.lastIndexOf('/', wildcard - 1);
    return slash < 0 ? "" : pattern.substring(0, slash + 1);
  }

  /** A file's name in counters and dead letters: its path relative to {@code root}, or its file name. */
  public static String fileName(String path, @Nullable String root, String baseName) {
    if (root != null) {
      String dir = root.endsWith("/") ? root : root + "/";
      String file = path.startsWith("file://") && !dir.startsWith("file://") ? path.substring("file://".length()) : path;
      if (file.startsWith(dir) && file.length() > dir.length()) {
        return file.substring(dir.length());
      }
    }
    return baseName;
  }

  public TupleTag<T> records() {
    return records;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    return input.apply("Match", FileIO.match().filepattern(filepattern)).apply("Parse", files());
  }

  /**
   * The same parsing for files found some other way (a watched folder's new files): records on
   * {@link #records()}, rejected lines on {@link #DEAD_LETTERS}, the same counters per file.
   */
  public PTransform<PCollection<MatchResult.Metadata>, PCollectionTuple> files() {
    return new PTransform<PCollection<MatchResult.Metadata>, PCollectionTuple>() {
      @Override
      public PCollectionTuple expand(PCollection<MatchResult.Metadata> matched) {
        PCollectionTuple out =
            matched
                .apply("Open", FileIO.readMatches().withCompression(Compression.AUTO))
                .apply(
                    "ParseLines",
                    ParDo.of(new ParseFileFn<>(parser, records, root, maxLineChars, maxDecompressedBytes)).withOutputTags(records, TupleTagList.of(DEAD_LETTERS)));
        out.get(records).setCoder(SchemaCoders.of(recordClass));
        out.get(DEAD_LETTERS).setCoder(SchemaCoders.of(DeadLetter.class));
        return out;
      }
    };
  }

  /** The counter names for one file, shared with whoever reads them back (the run summary). */
  public static String counterName(String fileName, String what) {
    return fileName + ":" + what;
  }

  static final class ParseFileFn<T> extends DoFn<FileIO.ReadableFile, T> {
    private static final Logger LOG = LoggerFactory.getLogger(ParseFileFn.class);
    private final CsvRecordParser<T> parser;
    private final TupleTag<T> records;
    private final @Nullable String root;
    private final int maxLineChars;
    private final long maxDecompressedBytes;

    ParseFileFn(CsvRecordParser<T> parser, TupleTag<T> records, @Nullable String root, int maxLineChars,
        long maxDecompressedBytes) {
      this.parser = parser;
      this.records = records;
      this.root = root;
      this.maxLineChars = maxLineChars;
      this.maxDecompressedBytes = maxDecompressedBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      String name = fileName(file.getMetadata().resourceId().toString(), root, file.getMetadata().resourceId().getFilename());
      Counter read = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_read"));
      Counter accepted = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_accepted"));
      Counter dead = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_dead_lettered"));
      InputStream bytes = Channels.newInputStream(file.open());
      if (Compression.detect(file.getMetadata().resourceId().getFilename()) != Compression.UNCOMPRESSED) {
        bytes = new BoundedInputStream(bytes, maxDecompressedBytes);
      }
      long lineNumber = 1;
      // Malformed bytes decode to U+FFFD, which the row check below turns into a dead letter.
      try (BoundedLineReader reader =
          new BoundedLineReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), maxLineChars)) {
        String headerLine = reader.readLine();
        if (headerLine == null || stripBom(headerLine).isBlank()) {
          Metrics.counter(METRICS_NAMESPACE, counterName(name, "file_empty")).inc();
          LOG.error("{}: the file is empty (no header line); nothing read from it", name);
          return;
        }
        Csv.Header header;
        String headerProblem = null;
        if (reader.overlong()) {
          header = null;
          headerProblem = "file header is " + reader.length() + " characters long, over the limit of " + maxLineChars
              + " (a corrupt or binary file?)";
        } else try {
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
        if (headerProblem != null) {
          LOG.error("{}: {}; every data row is dead-lettered", name, headerProblem);
        }
        Map<String, Long> firstLineOfKey = new HashMap<>();
        long dataRows = 0;
        String line;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          dataRows++;
          read.inc();
          String reason = headerProblem;
          T record = null;
          if (reason == null && reader.overlong()) {
            reason = "line is " + reader.length() + " characters long, over the limit of " + maxLineChars
                + " (a corrupt or binary export?); raw_text holds its first " + line.length();
          }
          if (reason == null) {
            try {
              record = parseLine(header, line);
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
            accepted.inc();
            out.get(records).output(record);
          } else {
            dead.inc();
            out.get(DEAD_LETTERS).output(DeadLetter.of(name, lineNumber, line, reason));
          }
        }
        if (dataRows == 0) {
          Metrics.counter(METRICS_NAMESPACE, counterName(name, "file_header_only")).inc();
          LOG.error("{}: the file has a header but no data rows", name);
        }
      } catch (BoundedInputStream.TooLargeException e) {
        // One dead letter stands for the unread rest, so read = accepted + dead-lettered still holds.
        String reason = e.getMessage() + " (limit " + maxDecompressedBytes + " bytes: a corrupt file or a gzip bomb?);"
            + " the rest of the file from this line on is not read";
        LOG.error("{}: {}", name, reason);
        read.inc();
        dead.inc();
        out.get(DEAD_LETTERS).output(DeadLetter.of(name, lineNumber + 1, "", reason));
      }
    }

    private T parseLine(Csv.Header header, String line) throws InvalidRowException {
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
}
