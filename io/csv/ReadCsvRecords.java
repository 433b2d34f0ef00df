package io.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
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

  private final String filepattern;
  private final CsvRecordParser<T> parser;
  private final Class<T> recordClass;
  private final TupleTag<T> records = new TupleTag<>();

  private ReadCsvRecords(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass) {
    this.filepattern = filepattern;
    this.parser = parser;
    this.recordClass = recordClass;
  }

  public static <T> ReadCsvRecords<T> of(String filepattern, CsvRecordParser<T> parser, Class<T> recordClass) {
    return new ReadCsvRecords<>(filepattern, parser, recordClass);
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
                    ParDo.of(new ParseFileFn<>(parser, records)).withOutputTags(records, TupleTagList.of(DEAD_LETTERS)));
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

    ParseFileFn(CsvRecordParser<T> parser, TupleTag<T> records) {
      this.parser = parser;
      this.records = records;
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
        CsvFile.Outcome o = CsvFile.read(name, reader, parser, new CsvFile.Receiver<T>() {
          @Override
          public void record(T record) {
            read.inc();
            accepted.inc();
            out.get(records).output(record);
          }

          @Override
          public void rejected(DeadLetter deadLetter) {
            read.inc();
            dead.inc();
            out.get(DEAD_LETTERS).output(deadLetter);
          }
        });
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
