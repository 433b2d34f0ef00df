package io.csv;

import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
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

  private final List<String> filepatterns;
  private final CsvRecordParser<T> parser;
  private final Class<T> recordClass;
  private final TupleTag<T> records;
  private final TupleTag<KV<String, List<T>>> fileParts;
  private final @Nullable SerializableFunction<T, String> partOf;
  private final @Nullable String root;
  private final int maxLineChars;
  private final long maxDecompressedBytes;

  private ReadCsvRecords(
      List<String> filepatterns, CsvRecordParser<T> parser, Class<T> recordClass, TupleTag<T> records,
      TupleTag<KV<String, List<T>>> fileParts, @Nullable SerializableFunction<T, String> partOf, @Nullable String root,
      int maxLineChars, long maxDecompressedBytes) {
    this.filepatterns = filepatterns;
    this.parser = parser;
    this.recordClass = recordClass;
    this.records = records;
    this.fileParts = fileParts;
    this.partOf = partOf;
    this.root = root;
    this.maxLineChars = maxLineChars;
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  public static <T> ReadCsvRecords<T> of(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass) {
    return ofAll(List.of(filepattern), parser, recordClass);
  }

  /** Exactly these files (or patterns), e.g. the list a run discovered and reports. */
  public static <T> ReadCsvRecords<T> ofAll(List<String> filepatterns, CsvRecordParser<T> parser, Class<T> recordClass) {
    return new ReadCsvRecords<>(List.copyOf(filepatterns), parser, recordClass, new TupleTag<>(), new TupleTag<>(), null,
        null, MAX_LINE_CHARS, MAX_DECOMPRESSED_BYTES);
  }

  /**
   * Each file's accepted records as whole elements on {@link #fileParts()}, one per file and value of
   * {@code partOf} (key: the file name), instead of one element per record on {@link #records()}. A file is read
   * by one call, so a part is complete by construction: whatever panes or bundles come after, no consumer sees
   * half of it. Dead letters and counters are unchanged.
   */
  public ReadCsvRecords<T> wholeFileParts(SerializableFunction<T, String> partOf) {
    return new ReadCsvRecords<>(filepatterns, parser, recordClass, records, fileParts, partOf, root, maxLineChars,
        maxDecompressedBytes);
  }

  /** Files are named by their path relative to {@code root} (the input folder, or a watched pattern's folder). */
  public ReadCsvRecords<T> relativeTo(String root) {
    return new ReadCsvRecords<>(filepatterns, parser, recordClass, records, fileParts, partOf, root, maxLineChars,
        maxDecompressedBytes);
  }

  /** Other limits than {@link #MAX_LINE_CHARS} and {@link #MAX_DECOMPRESSED_BYTES}. */
  public ReadCsvRecords<T> withLimits(int maxLineChars, long maxDecompressedBytes) {
    return new ReadCsvRecords<>(filepatterns, parser, recordClass, records, fileParts, partOf, root, maxLineChars,
        maxDecompressedBytes);
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

  public TupleTag<KV<String, List<T>>> fileParts() {
    return fileParts;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    return input
        .apply("Patterns", Create.of(filepatterns).withCoder(StringUtf8Coder.of()))
        .apply("Match", FileIO.matchAll())
        .apply("Parse", files());
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
                    ParDo.of(new ParseFileFn<>(ReadCsvRecords.this))
                        .withOutputTags(records, TupleTagList.of(DEAD_LETTERS).and(fileParts)));
        out.get(records).setCoder(SchemaCoders.of(recordClass));
        out.get(fileParts).setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(SchemaCoders.of(recordClass))));
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
    /** The read it belongs to: its parser, output tags, naming root and limits. */
    private final ReadCsvRecords<T> spec;

    ParseFileFn(ReadCsvRecords<T> spec) {
      this.spec = spec;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      String name = fileName(file.getMetadata().resourceId().toString(), spec.root, file.getMetadata().resourceId().getFilename());
      Counter read = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_read"));
      Counter accepted = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_accepted"));
      Counter dead = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_dead_lettered"));
      boolean compressed = Compression.detect(file.getMetadata().resourceId().getFilename()) != Compression.UNCOMPRESSED;
      try (BoundedLineReader reader =
          CsvFile.lines(Channels.newInputStream(file.open()), compressed, spec.maxLineChars, spec.maxDecompressedBytes)) {
        Map<String, List<T>> parts = new TreeMap<>();
        CsvFile.Outcome o = CsvFile.read(name, reader, spec.maxLineChars, spec.parser, new CsvFile.Receiver<T>() {
          @Override
          public void record(T record) {
            read.inc();
            accepted.inc();
            if (spec.partOf == null) {
              out.get(spec.records).output(record);
            } else {
              parts.computeIfAbsent(spec.partOf.apply(record), k -> new ArrayList<>()).add(record);
            }
          }

          @Override
          public void rejected(DeadLetter deadLetter) {
            read.inc();
            dead.inc();
            out.get(DEAD_LETTERS).output(deadLetter);
          }
        });
        // A file's accepted offers of one date leave as one element, so a consensus never sees half a file.
        for (List<T> part : parts.values()) {
          out.get(spec.fileParts).output(KV.of(name, part));
        }
        if (!o.hasHeader) {
          Metrics.counter(METRICS_NAMESPACE, counterName(name, "file_empty")).inc();
          LOG.error("{}: the file is empty (no header line); nothing read from it", name);
        } else if (o.dataRows == 0) {
          Metrics.counter(METRICS_NAMESPACE, counterName(name, "file_header_only")).inc();
          LOG.error("{}: the file has a header but no data rows", name);
        } else if (o.headerProblem != null) {
          LOG.error("{}: {}; every data row is dead-lettered", name, o.headerProblem);
        }
      }
    }
  }
}
