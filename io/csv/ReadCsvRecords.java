package io.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
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
import org.checkerframework.checker.nullness.qual.Nullable;
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
 * {@code :rows_dead_lettered} always reconcile: every data line is exactly one of the two.
 */
public final class ReadCsvRecords<T> extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<DeadLetter>() {};
  public static final String METRICS_NAMESPACE = "input";

  private final List<String> filepatterns;
  private final CsvRecordParser<T> parser;
  private final Class<T> recordClass;
  private final TupleTag<T> records = new TupleTag<>();
  private final TupleTag<KV<String, List<T>>> fileParts = new TupleTag<>();
  private final @Nullable SerializableFunction<T, String> partOf;

  private ReadCsvRecords(
      List<String> filepatterns, CsvRecordParser<T> parser, Class<T> recordClass, @Nullable SerializableFunction<T, String> partOf) {
    this.filepatterns = filepatterns;
    this.parser = parser;
    this.recordClass = recordClass;
    this.partOf = partOf;
  }

  public static <T> ReadCsvRecords<T> of(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass) {
    return new ReadCsvRecords<>(List.of(filepattern), parser, recordClass, null);
  }

  /** Exactly these files (or patterns), e.g. the list a run discovered and reports. */
  public static <T> ReadCsvRecords<T> ofAll(List<String> filepatterns, CsvRecordParser<T> parser, Class<T> recordClass) {
    return new ReadCsvRecords<>(List.copyOf(filepatterns), parser, recordClass, null);
  }

  /**
   * Each file's accepted records as whole elements on {@link #fileParts()}, one per file and value of
   * {@code partOf} (key: the file name), instead of one element per record on {@link #records()}. A file is read
   * by one call, so a part is complete by construction: whatever panes or bundles come after, no consumer sees
   * half of it. Dead letters and counters are unchanged.
   */
  public ReadCsvRecords<T> wholeFileParts(SerializableFunction<T, String> partOf) {
    return new ReadCsvRecords<>(filepatterns, parser, recordClass, partOf);
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
                    ParDo.of(new ParseFileFn<>(parser, records, fileParts, partOf))
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
    private final CsvRecordParser<T> parser;
    private final TupleTag<T> records;
    private final TupleTag<KV<String, List<T>>> fileParts;
    private final @Nullable SerializableFunction<T, String> partOf;

    ParseFileFn(
        CsvRecordParser<T> parser, TupleTag<T> records, TupleTag<KV<String, List<T>>> fileParts,
        @Nullable SerializableFunction<T, String> partOf) {
      this.parser = parser;
      this.records = records;
      this.fileParts = fileParts;
      this.partOf = partOf;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      String name = file.getMetadata().resourceId().getFilename();
      Counter read = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_read"));
      Counter accepted = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_accepted"));
      Counter dead = Metrics.counter(METRICS_NAMESPACE, counterName(name, "rows_dead_lettered"));
      // Malformed bytes decode to U+FFFD, which the row check turns into a dead letter.
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
        Map<String, List<T>> parts = new TreeMap<>();
        CsvFile.Outcome o = CsvFile.read(name, reader, parser, new CsvFile.Receiver<T>() {
          @Override
          public void record(T record) {
            read.inc();
            accepted.inc();
            if (partOf == null) {
              out.get(records).output(record);
            } else {
              parts.computeIfAbsent(partOf.apply(record), k -> new ArrayList<>()).add(record);
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
          out.get(fileParts).output(KV.of(name, part));
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
