package pipelines;

import io.CsvRecordParser;
import io.InputFiles;
import io.InputFiles.Input;
import io.ReadCsvRecords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import schemas.DeadLetter;
import schemas.PlayerGameSummary;
import schemas.PropSnapshotOffer;
import schemas.ScheduledGame;
import schemas.SchemaCoders;
import schemas.ShotZoneAttempts;
import transforms.GameDates;
import transforms.PlayerGameLogParser;
import transforms.PropSnapshotParser;
import transforms.ScheduleParser;
import transforms.ShotZones;

/**
 * Every input of a run, parsed, validated and stamped with its game date's event time; an absent optional
 * input is an empty collection, so the graph is the same whatever the folder holds. All rejected rows of all
 * files are in {@link #deadLetters}.
 */
public final class ReadInputs {
  public final PCollection<PlayerGameSummary> gameSummaries;
  public final PCollection<ScheduledGame> schedule;
  public final PCollection<ShotZoneAttempts> shotZones;
  public final PCollection<PropSnapshotOffer> propOffers;
  public final PCollection<DeadLetter> deadLetters;

  private ReadInputs(
      PCollection<PlayerGameSummary> gameSummaries,
      PCollection<ScheduledGame> schedule,
      PCollection<ShotZoneAttempts> shotZones,
      PCollection<PropSnapshotOffer> propOffers,
      PCollection<DeadLetter> deadLetters) {
    this.gameSummaries = gameSummaries;
    this.schedule = schedule;
    this.shotZones = shotZones;
    this.propOffers = propOffers;
    this.deadLetters = deadLetters;
  }

  public static ReadInputs from(Pipeline p, InputFiles files, LocalDate latestGameDate) {
    SchemaCoders.registerAll(p);
    List<PCollection<DeadLetter>> dead = new ArrayList<>();
    PCollection<PlayerGameSummary> summaries =
        read(p, files, Input.PLAYER_GAME_LOGS, new PlayerGameLogParser(latestGameDate), PlayerGameSummary.class, dead)
            .apply("StampGameSummaries", stamp(PlayerGameSummary::getGameDate));
    PCollection<ScheduledGame> schedule =
        read(p, files, Input.SCHEDULE, new ScheduleParser(), ScheduledGame.class, dead)
            .apply("StampSchedule", stamp(ScheduledGame::getGameDate));
    PCollection<ShotZoneAttempts> zones =
        read(p, files, Input.SHOT_ZONES, new ShotZones(), ShotZoneAttempts.class, dead)
            .apply("StampShotZones", stamp(ShotZoneAttempts::getGameDate));
    PCollection<PropSnapshotOffer> props =
        read(p, files, Input.PLAYER_PROPS, new PropSnapshotParser(), PropSnapshotOffer.class, dead)
            .apply("StampPropOffers", stamp(PropSnapshotOffer::getGameDate));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(dead).apply("AllDeadLetters", Flatten.pCollections());
    return new ReadInputs(summaries, schedule, zones, props, deadLetters);
  }

  /**
   * What a run on the morning of {@code date} may know: box scores and shot zones dated before it, and that
   * date's schedule and prop offers. Every other row is ignored and counted ({@code same_day:<input>_ignored}),
   * never an error: a backfill folder holds the whole season.
   */
  public ReadInputs knownOnMorningOf(String date) {
    return new ReadInputs(
        known(gameSummaries, "GameSummaries", s -> s.getGameDate().compareTo(date) < 0, "player_game_logs_on_or_after_date"),
        known(schedule, "Schedule", g -> g.getGameDate().equals(date), "schedule_other_dates"),
        known(shotZones, "ShotZones", z -> z.getGameDate().compareTo(date) < 0, "shot_zones_on_or_after_date"),
        known(propOffers, "PropOffers", o -> o.getGameDate().equals(date), "props_other_dates"),
        deadLetters);
  }

  /** Offers of a date's watched snapshot files: that date's only (others counted), stamped like the morning's. */
  static PCollection<PropSnapshotOffer> knownOffersOf(PCollection<PropSnapshotOffer> offers, String date, String name) {
    return known(offers, name, o -> o.getGameDate().equals(date), "watched_props_other_dates")
        .apply("Stamp" + name, stamp(PropSnapshotOffer::getGameDate));
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

  private static <T> PCollection<T> read(
      Pipeline p, InputFiles files, Input input, CsvRecordParser<T> parser, Class<T> type,
      List<PCollection<DeadLetter>> dead) {
    String name = "Read " + input.fileName;
    if (!files.has(input)) {
      return p.apply(name + " (absent)", Create.empty(SchemaCoders.of(type)));
    }
    ReadCsvRecords<T> read = ReadCsvRecords.of(files.path(input), parser, type);
    PCollectionTuple parsed = p.apply(name, read);
    dead.add(parsed.get(ReadCsvRecords.DEAD_LETTERS));
    return parsed.get(read.records());
  }

  /** Event time of a dated record: the start of its game date, US/Eastern (see {@link GameDates}). */
  static <T> WithTimestamps<T> stamp(SerializableFunction<T, String> dateOf) {
    return WithTimestamps.of((T r) -> GameDates.timestampOf(dateOf.apply(r)));
  }
}
