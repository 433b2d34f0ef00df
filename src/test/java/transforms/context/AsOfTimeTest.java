package transforms.context;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.Test;

/** A closing game line is known from its game's tip-off on: the rule for each kind of run's as-of instant. */
public class AsOfTimeTest {
  private static final String D = "2024-01-10";
  /** 7:30 pm US/Eastern of D. */
  private static final String TIP = "2024-01-11T00:30:00Z";

  @Test
  public void theBackfillDefaultKnowsTheClosingLineWithOrWithoutATipOff() {
    assertThat(AsOfTime.beforeTipOff().knowsClosingLine(D, TIP), equalTo(true));
    assertThat(AsOfTime.beforeTipOff().knowsClosingLine(D, null), equalTo(true)); // as of 19:00, tip-off assumed 19:00
  }

  @Test
  public void aMorningAsOfDoesNotAndOneAfterTipOffDoes() {
    assertThat(AsOfTime.easternTime(LocalTime.of(9, 0)).knowsClosingLine(D, TIP), equalTo(false));
    assertThat(AsOfTime.easternTime(LocalTime.of(19, 0)).knowsClosingLine(D, TIP), equalTo(false)); // before 19:30
    assertThat(AsOfTime.easternTime(LocalTime.of(19, 30)).knowsClosingLine(D, TIP), equalTo(true));
    // a same-day run launched in the morning, and one launched after the game started
    assertThat(AsOfTime.instant(Instant.parse("2024-01-10T14:00:00Z")).knowsClosingLine(D, TIP), equalTo(false));
    assertThat(AsOfTime.instant(Instant.parse("2024-01-11T01:00:00Z")).knowsClosingLine(D, TIP), equalTo(true));
    // without a line's tip-off, 19:00 US/Eastern is the tip-off
    assertThat(AsOfTime.instant(Instant.parse("2024-01-10T23:59:00Z")).knowsClosingLine(D, null), equalTo(false));
    assertThat(AsOfTime.instant(Instant.parse("2024-01-11T00:00:00Z")).knowsClosingLine(D, null), equalTo(true));
  }
}
