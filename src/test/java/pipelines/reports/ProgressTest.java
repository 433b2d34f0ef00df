package pipelines.reports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.Test;

/** The shape of a progress line, and its estimate of what is left from the share of dates built. */
public class ProgressTest {
  /** elapsed · dates · box scores · rows · left: what a person watching a long run reads. */
  public static final String SHAPE = "progress: \\d+:\\d\\d(:\\d\\d)? elapsed · \\d+( of \\d+)? dates built · [\\d,]+ box scores read"
      + " · [\\d,]+ rows written · (about \\d+:\\d\\d(:\\d\\d)? left|finishing|time left not known yet)";

  @Test
  public void aLineSaysWhatIsDoneAndEstimatesWhatIsLeft() {
    String line = Progress.line(new Progress.Figures(35, 140, 25_143, 120_345), 40_000);
    assertThat(line, matchesPattern(SHAPE));
    // 35 of 140 dates in 40 s: 105 more at the same pace, 120 s.
    assertThat(line, equalTo(
        "progress: 0:40 elapsed · 35 of 140 dates built · 25,143 box scores read · 120,345 rows written · about 2:00 left"));
  }

  @Test
  public void beforeAnyDateIsBuiltThereIsNoEstimate() {
    assertThat(Progress.line(new Progress.Figures(0, 0, 1_200, 0), 3_723_000), equalTo(
        "progress: 1:02:03 elapsed · 0 dates built · 1,200 box scores read · 0 rows written · time left not known yet"));
    assertThat(Progress.line(new Progress.Figures(0, 0, 0, 0), 0), matchesPattern(SHAPE));
  }
}
