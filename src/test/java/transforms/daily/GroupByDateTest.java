package transforms.daily;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import schemas.vocabulary.GameDates;

/** One group per game date, in that date's daily window, with a timestamp inside the day. */
public class GroupByDateTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<String> row(String date, String what) {
    return TimestampedValue.of(date + " " + what, GameDates.timestampOf(date));
  }

  private static IntervalWindow day(String date) {
    return new IntervalWindow(GameDates.timestampOf(date), GameDates.timestampOf(java.time.LocalDate.parse(date).plusDays(1)));
  }

  /** A group as "date: sorted rows @ the Eastern date of its timestamp". */
  static final class PrintFn extends DoFn<KV<String, Iterable<String>>, String> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, @Timestamp Instant ts, OutputReceiver<String> out) {
      List<String> rows = new ArrayList<>();
      group.getValue().forEach(rows::add);
      rows.sort(null);
      out.output(group.getKey() + ": " + rows + " @" + GameDates.easternDate(java.time.Instant.ofEpochMilli(ts.getMillis())));
    }
  }

  @Test
  public void groupsEachDatesRowsInItsOwnWindow() {
    PCollection<String> groups =
        p.apply(Create.timestamped(
                row("2024-01-20", "ann"), row("2024-01-20", "bob"), row("2024-01-21", "ann"),
                // the evening of the 20th, US/Eastern, is already the 21st in UTC: still the 20th's window
                TimestampedValue.of("2024-01-20 carl", GameDates.timestampOf("2024-01-20").plus(23 * 3600_000L))))
            .apply(GroupByDate.of((String r) -> r.substring(0, 10)))
            .apply(ParDo.of(new PrintFn()));

    PAssert.that(groups).inWindow(day("2024-01-20")).containsInAnyOrder(
        "2024-01-20: [2024-01-20 ann, 2024-01-20 bob, 2024-01-20 carl] @2024-01-20");
    PAssert.that(groups).inWindow(day("2024-01-21")).containsInAnyOrder("2024-01-21: [2024-01-21 ann] @2024-01-21");
    p.run().waitUntilFinish();
  }

  @Test
  public void keyedDailyWindowsAndKeysEachRowByItsDate() {
    PCollection<KV<String, String>> keyed = GroupByDate.keyedDaily("Rows",
        p.apply(Create.timestamped(row("2024-01-20", "ann"), row("2024-01-21", "bob"))), (String r) -> r.substring(0, 10));
    PAssert.that(keyed).inWindow(day("2024-01-20")).containsInAnyOrder(KV.of("2024-01-20", "2024-01-20 ann"));
    PAssert.that(keyed).inWindow(day("2024-01-21")).containsInAnyOrder(KV.of("2024-01-21", "2024-01-21 bob"));
    p.run().waitUntilFinish();
  }

  @Test
  public void keyedDailyByMonthKeysEachRowByItsMonthInItsDatesWindow() {
    PCollection<KV<String, String>> keyed = GroupByDate.keyedDailyByMonth("Rows",
        p.apply(Create.timestamped(row("2024-01-20", "ann"), row("2024-01-21", "bob"), row("2024-02-01", "cy"))),
        (String r) -> r.substring(0, 10));
    PAssert.that(keyed).inWindow(day("2024-01-20")).containsInAnyOrder(KV.of("2024-01", "2024-01-20 ann"));
    PAssert.that(keyed).inWindow(day("2024-01-21")).containsInAnyOrder(KV.of("2024-01", "2024-01-21 bob"));
    PAssert.that(keyed).inWindow(day("2024-02-01")).containsInAnyOrder(KV.of("2024-02", "2024-02-01 cy"));
    p.run().waitUntilFinish();
  }
}
