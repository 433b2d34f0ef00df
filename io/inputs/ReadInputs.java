package io.inputs;

import io.csv.CsvRecordParser;
import io.csv.ReadCsvRecords;
import io.inputs.InputFiles.Input;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import schemas.DeadLetter;
import schemas.GameLine;
import schemas.PlayerGameSummary;
import schemas.PropSnapshotOffer;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.ShotZoneAttempts;
import schemas.vocabulary.GameDates;

/**
 * Every input of a run, parsed, validated and stamped with its game date's event time, as one named step whose
 * result is typed ({@link Inputs}); an absent optional input is an empty collection, so the graph is the same
 * whatever the folder holds. All rejected rows of all files are in {@link Inputs#deadLetters}.
 */
public final class ReadInputs extends PTransform<PBegin, ReadInputs.Inputs> {
  private final InputFiles files;
  private final LocalDate latestGameDate;

  private ReadInputs(InputFiles files, LocalDate latestGameDate) {
    this.files = files;
    this.latestGameDate = latestGameDate;
  }

  /** @param latestGameDate box scores dated after it cannot exist yet and are dead-lettered */
  public static ReadInputs of(InputFiles files, LocalDate latestGameDate) {
    return new ReadInputs(files, latestGameDate);
  }

  @Override
  public Inputs expand(PBegin begin) {
    Pipeline p = begin.getPipeline();
    List<PCollection<DeadLetter>> dead = new ArrayList<>();
    PCollection<PlayerGameSummary> summaries =
        read(p, Input.PLAYER_GAME_LOGS, new PlayerGameLogParser(latestGameDate), PlayerGameSummary.class, dead)
            .apply("StampGameSummaries", GameDates.stamp(PlayerGameSummary::getGameDate));
    PCollection<ScheduledGame> schedule =
        read(p, Input.SCHEDULE, new ScheduleParser(), ScheduledGame.class, dead)
            .apply("StampSchedule", GameDates.stamp(ScheduledGame::getGameDate));
    PCollection<ShotZoneAttempts> zones =
        read(p, Input.SHOT_ZONES, new ShotZoneParser(), ShotZoneAttempts.class, dead)
            .apply("StampShotZones", GameDates.stamp(ShotZoneAttempts::getGameDate));
    PCollection<GameLine> gameLines =
        read(p, Input.GAME_LINES, new GameLineParser(), GameLine.class, dead)
            .apply("StampGameLines", GameDates.stamp(GameLine::getGameDate));
    PCollection<KV<String, List<PropSnapshotOffer>>> snapshots = readSnapshots(p, dead);
    PCollection<DeadLetter> deadLetters = PCollectionList.of(dead).apply("AllDeadLetters", Flatten.pCollections());
    return new Inputs(p, summaries, schedule, zones, gameLines, snapshots, offersOf(snapshots, "PropOffers"), deadLetters);
  }

  /** Every snapshot file found, each as whole per-date parts ({@link #snapshotFiles}), stamped with their date. */
  private PCollection<KV<String, List<PropSnapshotOffer>>> readSnapshots(Pipeline p, List<PCollection<DeadLetter>> dead) {
    String name = "Read " + Input.PLAYER_PROPS.fileName;
    if (!files.has(Input.PLAYER_PROPS)) {
      return p.apply(name + " (absent)", Create.empty(SchemaCoders.snapshotFileParts()));
    }
    PCollectionTuple parsed = p.apply(name, snapshotFiles(ReadCsvRecords.ofAll(files.paths(Input.PLAYER_PROPS),
        new PropSnapshotParser(), PropSnapshotOffer.class).relativeTo(files.dir())).asRead());
    dead.add(parsed.get(ReadCsvRecords.DEAD_LETTERS));
    return stampSnapshots(parsed.get(snapshotParts), "PropSnapshots");
  }

  private static final TupleTag<KV<String, List<PropSnapshotOffer>>> snapshotParts = new TupleTag<>();

  /**
   * Snapshot files parsed into whole per-(file, game date) parts, keyed by file name: the unit the consensus
   * works on, so it never sees half a file whatever the panes (see {@link ReadCsvRecords#wholeFileParts}).
   */
  public static SnapshotRead snapshotFiles(ReadCsvRecords<PropSnapshotOffer> read) {
    return new SnapshotRead(read.wholeFileParts(PropSnapshotOffer::getGameDate));
  }

  /** A snapshot read: as a read of its files ({@link #asRead}) or over files found otherwise ({@link #files}). */
  public static final class SnapshotRead {
    private final ReadCsvRecords<PropSnapshotOffer> read;

    SnapshotRead(ReadCsvRecords<PropSnapshotOffer> read) {
      this.read = read;
    }

    public TupleTag<KV<String, List<PropSnapshotOffer>>> parts() {
      return read.fileParts();
    }

    PTransform<PBegin, PCollectionTuple> asRead() {
      return new PTransform<PBegin, PCollectionTuple>() {
        @Override
        public PCollectionTuple expand(PBegin begin) {
          PCollectionTuple t = begin.apply(read);
          return PCollectionTuple.of(ReadCsvRecords.DEAD_LETTERS, t.get(ReadCsvRecords.DEAD_LETTERS))
              .and(snapshotParts, t.get(read.fileParts()));
        }
      };
    }

    public PTransform<PCollection<MatchResult.Metadata>, PCollectionTuple> files() {
      return read.files();
    }
  }

  private static PCollection<KV<String, List<PropSnapshotOffer>>> stampSnapshots(
      PCollection<KV<String, List<PropSnapshotOffer>>> parts, String name) {
    return parts.apply("Stamp" + name, GameDates.stamp(ReadInputs::dateOf));
  }

  /** The game date of a snapshot part (all its offers share it). */
  public static String dateOf(KV<String, List<PropSnapshotOffer>> part) {
    return part.getValue().get(0).getGameDate();
  }

  private static PCollection<PropSnapshotOffer> offersOf(PCollection<KV<String, List<PropSnapshotOffer>>> parts, String name) {
    return parts
        .apply(name + "OfFiles", Values.create())
        .apply(name, Flatten.iterables())
        .setCoder(SchemaCoders.of(PropSnapshotOffer.class));
  }

  private <T> PCollection<T> read(
      Pipeline p, Input input, CsvRecordParser<T> parser, Class<T> type, List<PCollection<DeadLetter>> dead) {
    String name = "Read " + input.fileName;
    if (!files.has(input)) {
      return p.apply(name + " (absent)", Create.empty(SchemaCoders.of(type)));
    }
    ReadCsvRecords<T> read = ReadCsvRecords.ofAll(files.paths(input), parser, type).relativeTo(files.dir());
    PCollectionTuple parsed = p.apply(name, read);
    dead.add(parsed.get(ReadCsvRecords.DEAD_LETTERS));
    return parsed.get(read.records());
  }

  /** The parsed inputs of a run: one collection per input file, and every file's dead letters. */
  public static final class Inputs implements POutput {
    public final PCollection<PlayerGameSummary> gameSummaries;
    public final PCollection<ScheduledGame> schedule;
    public final PCollection<ShotZoneAttempts> shotZones;
    /**
     * The closing spread and total of each game ({@code game_lines.csv}); a row has no time of its own, so what a
     * run may see of it is {@code AsOfTime}'s rule for closing lines, applied where it meets the context.
     */
    public final PCollection<GameLine> gameLines;
    /** The prop snapshot files, each as whole per-date parts keyed by file name: what consensus lines are built from. */
    public final PCollection<KV<String, List<PropSnapshotOffer>>> propSnapshots;
    /** The same offers one by one (freshness, counts). */
    public final PCollection<PropSnapshotOffer> propOffers;
    public final PCollection<DeadLetter> deadLetters;
    private final Pipeline pipeline;

    Inputs(
        Pipeline pipeline,
        PCollection<PlayerGameSummary> gameSummaries,
        PCollection<ScheduledGame> schedule,
        PCollection<ShotZoneAttempts> shotZones,
        PCollection<GameLine> gameLines,
        PCollection<KV<String, List<PropSnapshotOffer>>> propSnapshots,
        PCollection<PropSnapshotOffer> propOffers,
        PCollection<DeadLetter> deadLetters) {
      this.propSnapshots = propSnapshots;
      this.pipeline = pipeline;
      this.gameSummaries = gameSummaries;
      this.schedule = schedule;
      this.shotZones = shotZones;
      this.gameLines = gameLines;
      this.propOffers = propOffers;
      this.deadLetters = deadLetters;
    }

    /**
     * What a run on the morning of {@code date} may know: box scores and shot zones dated before it, and that
     * date's schedule, game lines and prop offers (a game line then counts only as of its tip-off). Every other row is ignored and counted ({@code same_day:<input>_ignored}),
     * never an error: a backfill folder holds the whole season.
     */
    public Inputs knownOnMorningOf(String date) {
      return new Inputs(
          pipeline,
          known(gameSummaries, "GameSummaries", s -> s.getGameDate().compareTo(date) < 0, "player_game_logs_on_or_after_date"),
          known(schedule, "Schedule", g -> g.getGameDate().equals(date), "schedule_other_dates"),
          known(shotZones, "ShotZones", z -> z.getGameDate().compareTo(date) < 0, "shot_zones_on_or_after_date"),
          known(gameLines, "GameLines", g -> g.getGameDate().equals(date), "game_lines_other_dates"),
          known(propSnapshots, "PropSnapshots", f -> dateOf(f).equals(date), "props_other_dates"),
          known(propOffers, "PropOffers", o -> o.getGameDate().equals(date), "prop_offers_other_dates"),
          deadLetters);
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(
          new TupleTag<PlayerGameSummary>("gameSummaries"), gameSummaries,
          new TupleTag<ScheduledGame>("schedule"), schedule,
          new TupleTag<ShotZoneAttempts>("shotZones"), shotZones,
          new TupleTag<GameLine>("gameLines"), gameLines,
          new TupleTag<KV<String, List<PropSnapshotOffer>>>("propSnapshots"), propSnapshots,
          new TupleTag<PropSnapshotOffer>("propOffers"), propOffers,
          new TupleTag<DeadLetter>("deadLetters"), deadLetters);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
  }

  /** Parts of a date's watched snapshot files: that date's only (others counted), stamped like the morning's. */
  public static PCollection<KV<String, List<PropSnapshotOffer>>> knownSnapshotsOf(
      PCollection<KV<String, List<PropSnapshotOffer>>> parts, String date, String name) {
    return stampSnapshots(known(parts, name, f -> dateOf(f).equals(date), "watched_props_other_dates"), name);
  }

  private static <T> PCollection<T> known(
      PCollection<T> rows, String name, SerializableFunction<T, Boolean> known, String ignored) {
    return rows.apply("Known" + name, ParDo.of(new KnownFn<>(known, ignored))).setCoder(rows.getCoder());
  }

  private static final class KnownFn<T> extends DoFn<T, T> {
    private final SerializableFunction<T, Boolean> known;
    private final Counter ignored;

    KnownFn(SerializableFunction<T, Boolean> known, String ignored) {
      this.known = known;
      this.ignored = Metrics.counter("same_day", ignored + "_ignored");
    }

    @ProcessElement
    public void process(@Element T row, OutputReceiver<T> out) {
      if (known.apply(row)) {
        out.output(row);
      } else {
        ignored.inc();
      }
    }
  }
}
