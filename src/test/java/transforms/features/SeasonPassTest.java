package transforms.features;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.Test;

/** What a per-season pass hands each as-of call: the rows before the call's date, as AsOf.prior would keep them. */
public class SeasonPassTest {
  private static List<String> before(List<String> oldestFirst, String date) {
    return SeasonPass.before(oldestFirst, date, r -> r.substring(0, 10));
  }

  @Test
  public void beforeKeepsTheRowsOfEarlierDatesOnlyInTheirOrder() {
    List<String> rows = List.of("2024-01-10 a", "2024-01-12 b", "2024-01-12 c", "2024-01-20 d", "2024-01-25 e");
    assertThat(before(rows, "2024-01-20"), contains("2024-01-10 a", "2024-01-12 b", "2024-01-12 c"));
    assertThat(before(rows, "2024-01-12"), contains("2024-01-10 a")); // the date itself is never before
    assertThat(before(rows, "2024-01-01"), empty());
    assertThat(before(rows, "2024-02-01"), contains(rows.toArray(new String[0])));
    // the same as AsOf.prior of the whole list, whatever the date
    for (String d : List.of("2024-01-01", "2024-01-11", "2024-01-12", "2024-01-13", "2024-01-25", "2024-03-01")) {
      assertThat(before(rows, d), equalTo(AsOf.prior(rows, d, "s", r -> r.substring(0, 10), r -> "s")));
    }
    assertThat(SeasonPass.before(null, "2024-01-20", (String r) -> r), nullValue());
  }
}
