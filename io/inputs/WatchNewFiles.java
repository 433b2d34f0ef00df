package io.inputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The files that appear under a file pattern after launch, as an unbounded collection (Beam's {@link Watch}):
 * a local folder here, a {@code gs://} prefix on Dataflow, the same code. The files the bounded run read are
 * not emitted again, and only those; a file is emitted once, by path (a snapshot is a new file, never a rewrite).
 *
 * <p>Event time: every file is about one game date, so it is stamped with that date's timestamp, and the
 * watermark stays there until the watch ends. That keeps the date's window open while it is watched, however
 * far the wall clock is from the date (a replay of a past date, a test), and closes it exactly when the watch
 * stops: at the end of the date, or at the bound a test gives.
 */
public final class WatchNewFiles extends PTransform<PBegin, PCollection<MatchResult.Metadata>> {
  private final String filepattern;
  private final Set<String> known;
  private final Instant eventTime;
  private final Duration pollInterval;
  private final Duration watchFor;
  private final @Nullable Duration idleFor;

  private WatchNewFiles(
      String filepattern, Set<String> known, Instant eventTime, Duration pollInterval, Duration watchFor,
      @Nullable Duration idleFor) {
    this.filepattern = filepattern;
    this.known = new TreeSet<>(known);
    this.eventTime = eventTime;
    this.pollInterval = pollInterval;
    this.watchFor = watchFor;
    this.idleFor = idleFor;
  }

  /**
   * @param known the files not to emit: those the bounded run read (as {@code ResourceId} strings). Not "every
   *     match at launch": a file that lands between the bounded run's listing and the watch's first poll would be
   *     neither read nor watched.
   * @param eventTime the timestamp of the date the files are about
   * @param watchFor how long to watch after launch; the watch, and so the date's window, ends then
   * @param idleFor if not null, the watch also ends once this long has passed since the last new file (never
   *     before a first one: a feed that has not started is not a quiet one)
   */
  public static WatchNewFiles of(
      String filepattern, Set<String> known, Instant eventTime, Duration pollInterval, Duration watchFor,
      @Nullable Duration idleFor) {
    return new WatchNewFiles(filepattern, known, eventTime, pollInterval, watchFor, idleFor);
  }

  @Override
  public PCollection<MatchResult.Metadata> expand(PBegin begin) {
    Set<String> atLaunch = known;
    return begin
        .apply("Pattern", Create.of(filepattern).withCoder(StringUtf8Coder.of()))
        .apply(
            "WatchForNewFiles",
            Watch.growthOf(new NewFilesFn(atLaunch, eventTime))
                .withPollInterval(pollInterval)
                .withTerminationPerInput(idleFor == null
                    ? Watch.Growth.afterTotalOf(watchFor)
                    : Watch.Growth.eitherOf(Watch.Growth.afterTotalOf(watchFor), Watch.Growth.afterTimeSinceNewOutput(idleFor)))
                .withOutputCoder(StringUtf8Coder.of()))
        .apply("NewFilePaths", Values.create())
        .apply("NewFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW));
  }

  static Set<String> list(String filepattern) {
    Set<String> paths = new TreeSet<>();
    try {
      MatchResult m = FileSystems.match(filepattern, EmptyMatchTreatment.ALLOW);
      if (m.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata f : m.metadata()) {
          paths.add(f.resourceId().toString());
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + filepattern + ": " + e.getMessage(), e);
    }
    return paths;
  }

  static final class NewFilesFn extends Watch.Growth.PollFn<String, String> {
    private final Set<String> atLaunch;
    private final Instant eventTime;

    NewFilesFn(Set<String> atLaunch, Instant eventTime) {
      this.atLaunch = atLaunch;
      this.eventTime = eventTime;
    }

    @Override
    public Watch.Growth.PollResult<String> apply(String pattern, Context c) {
      List<TimestampedValue<String>> fresh = new ArrayList<>();
      for (String path : list(pattern)) {
        if (!atLaunch.contains(path)) {
          fresh.add(TimestampedValue.of(path, eventTime));
        }
      }
      return Watch.Growth.PollResult.incomplete(fresh).withWatermark(eventTime);
    }
  }
}
