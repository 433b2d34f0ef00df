package pipelines;

import io.inputs.ReadInputs;
import io.inputs.InputFiles;
import io.csv.ReadCsvRecords;
import io.tables.TableSink;
import io.inputs.WatchNewFiles;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import schemas.DeadLetter;
import schemas.PropSnapshotOffer;
import schemas.TeamGameSummary;
import schemas.Tables;
import schemas.UpcomingPlayerGameContext;
import schemas.PlayerPropPrediction;
import transforms.features.BuildFeatureVectors;
import transforms.features.FeatureStore;
import transforms.context.BuildLineUpdates;
import transforms.games.BuildTeamGameSummaries;
import schemas.vocabulary.GameDates;
import org.checkerframework.checker.nullness.qual.Nullable;
import io.inputs.PropSnapshotParser;
import java.time.Instant;
import org.apache.beam.sdk.values.KV;
import schemas.vocabulary.DateRange;
import transforms.context.AsOfTime;

/**
 * {@code same-day}: the morning of D, the tables of D from what is known before D's games, built by the same
 * composites as backfill; only the universe differs (who is expected to play rather than who played, see
 * {@code BuildSameDayUniverse}). With {@code --watch} the run then stays up and follows D's lines
 * ({@link BuildLineUpdates}): the same graph, its context window firing early as snapshots arrive.
 */
public final class SameDay {
  private SameDay() {}

  static int main(String[] args) {
    SameDayOptions options = Runs.options(args, SameDayOptions.class);
    return options == null ? 2 : run(options);
  }

  /** Runs with parsed options (the command line's, or a test's holding what a command line cannot). */
  static int run(SameDayOptions options) {
    return Runs.drive("same-day", options, (p, files, sink, facts) -> {
      LocalDate date = options.getDate() == null || options.getDate().isBlank()
          ? LocalDate.now(GameDates.EASTERN) : GameDates.parseGameDate(options.getDate());
      if (!files.has(InputFiles.Input.SCHEDULE)) {
        throw new InputFiles.InputException(
            "same-day needs " + InputFiles.Input.SCHEDULE.fileName + " in " + String.join(" or ", files.dirs())
                + ": the universe is who is scheduled");
      }
      if (options.getWatch() && files.dirs().size() > 1
          && (options.getWatchPattern() == null || options.getWatchPattern().isBlank())) {
        throw new InputFiles.InputException(
            "same-day --watch with several input folders needs --watchPattern: which folder's snapshots to follow");
      }
      build(p, files, date, options, sink);
      facts.put("date", date.toString());
      facts.put("watch", options.getWatch());
      return date.toString()::equals;
    });
  }

  /** The same-day graph for one date, writing every table of that date to the sink. */
  public static void build(Pipeline p, InputFiles files, LocalDate date, SameDayOptions options, TableSink sink)
      throws IOException {
    String d = date.toString();
    // A live run knows what has been published by its launch; --asOfTime replays the run of that hour.
    AsOfTime asOf = AsOfTime.parse(options.getAsOfTime(), AsOfTime.instant(Instant.now()));
    Writes.Predicting predicting = Writes.predicting(options, DateRange.single(d));
    // 1. read, keeping what is known the morning of D
    ReadInputs.Inputs all = p.apply("ReadInputs", ReadInputs.of(files, Runs.latestGameDate(options)));
    ReadInputs.Inputs in = all.knownOnMorningOf(d);
    // 2. who is expected, their context, Phase 4 and the feature store
    PCollection<TeamGameSummary> teamGames = in.gameSummaries.apply("BuildTeamGameSummaries", new BuildTeamGameSummaries());
    FeatureGraph f = FeatureGraph.expected(p, files, in, teamGames, d, options, asOf);
    // 3. write them, with predictions under --model
    sink.write(f.lines, Tables.PLAYER_PROP_LINES);
    Writes.featureStore(sink, f.context, f.store);
    PCollection<PlayerPropPrediction> predictions = Writes.predictions(sink, predicting, options, f.store);
    // 4. the health facts. Who played on D is known only after D: the report reconciles with it when the run
    // replays a played date.
    Writes.health(sink,
        Writes.healthOf(in).universe(f.context).features(f.store.features).lines(f.lines)
            .predictions(predictions, Writes.marketKeys(predicting)).played(all.gameSummaries),
        d::equals);

    List<PCollection<DeadLetter>> deadLetters = new ArrayList<>(List.of(in.deadLetters));
    if (options.getWatch()) {
      followLines(p, files, date, options, sink, in, f.context, f.store, predicting, deadLetters);
    }
    PCollection<DeadLetter> rejected = PCollectionList.of(deadLetters).apply("RunDeadLetters", Flatten.pCollections());
    if (options.getWatch()) {
      // Watched files keep coming: each file's dead letters are written as they are found, not at the end.
      rejected = rejected.apply(
          "DeadLettersAsFound",
          Window.<DeadLetter>into(new GlobalWindows())
              .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
              .withAllowedLateness(Duration.ZERO)
              .accumulatingFiredPanes());
    }
    sink.write(rejected, Tables.DEAD_LETTER);
  }

  /**
   * Watch mode: new snapshot files, with the morning's offers (so the opening line stays the first snapshot),
   * become line updates, vectorized against the morning's tables.
   */
  private static void followLines(
      Pipeline p, InputFiles files, LocalDate date, SameDayOptions options, TableSink sink, ReadInputs.Inputs in,
      PCollection<UpcomingPlayerGameContext> context, FeatureStore store, Writes.@Nullable Predicting predicting,
      List<PCollection<DeadLetter>> deadLetters) {
    String pattern = options.getWatchPattern() != null && !options.getWatchPattern().isBlank()
        ? options.getWatchPattern()
        : files.dir().replaceAll("/+$", "") + "/player_props_snapshots*.csv*";
    ReadInputs.SnapshotRead parse = ReadInputs.snapshotFiles(
        ReadCsvRecords.of(pattern, new PropSnapshotParser(), PropSnapshotOffer.class).relativeTo(ReadCsvRecords.patternRoot(pattern)));
    PCollectionTuple parsed =
        p.apply(
                "WatchSnapshotFiles",
                // the files the morning pass read (or reported as not read) are not new: exactly those are skipped
                WatchNewFiles.of(
                    pattern, files.snapshotFilesListed(), GameDates.timestampOf(date),
                    Duration.standardSeconds(Math.max(1, options.getPollSeconds())), watchFor(date, options),
                    idleFor(options)))
            .apply("ParseNewSnapshots", parse.files());
    deadLetters.add(parsed.get(ReadCsvRecords.DEAD_LETTERS));
    PCollection<KV<String, List<PropSnapshotOffer>>> newFiles =
        ReadInputs.knownSnapshotsOf(parsed.get(parse.parts()), date.toString(), "NewSnapshots");
    PCollection<KV<String, List<PropSnapshotOffer>>> snapshotFiles =
        PCollectionList.of(in.propSnapshots.apply("WholeMorning", BuildLineUpdates.wholeMorning())).and(newFiles)
            .apply("MorningAndNewSnapshots", Flatten.pCollections());
    PCollection<UpcomingPlayerGameContext> moved = snapshotFiles.apply("BuildLineUpdates", new BuildLineUpdates(context));
    PCollectionTuple vectors = store.featuresFor("BuildLineUpdateFeatures", moved);
    sink.write(vectors.get(BuildFeatureVectors.FEATURES), Tables.ML_FEATURE_STORE_V2_LINE_UPDATES);
    Writes.lineUpdatePredictions(sink, predicting, options, vectors.get(BuildFeatureVectors.FEATURES));
    sink.write(vectors.get(BuildFeatureVectors.GAPS), Tables.FEATURE_STORE_GAPS_LINE_UPDATES);
  }

  /** --watchIdleSeconds as a duration, null without it. */
  static @Nullable Duration idleFor(SameDayOptions options) {
    Integer idle = options.getWatchIdleSeconds();
    if (idle == null) {
      return null;
    }
    if (idle <= 0) {
      throw new IllegalArgumentException("--watchIdleSeconds must be positive");
    }
    return Duration.standardSeconds(idle);
  }

  /** Until the end of the date, US/Eastern, or --watchSeconds; a date that is over needs the latter. */
  static Duration watchFor(LocalDate date, SameDayOptions options) {
    if (options.getWatchSeconds() != null) {
      if (options.getWatchSeconds() <= 0) {
        throw new IllegalArgumentException("--watchSeconds must be positive");
      }
      return Duration.standardSeconds(options.getWatchSeconds());
    }
    long untilEnd = date.plusDays(1).atStartOfDay(GameDates.EASTERN).toInstant().toEpochMilli()
        - ZonedDateTime.now(GameDates.EASTERN).toInstant().toEpochMilli();
    if (untilEnd <= 0) {
      throw new IllegalArgumentException(
          date + " is over (US/Eastern): give --watchSeconds to replay its lines for a bounded time");
    }
    return Duration.millis(untilEnd);
  }
}
