package transforms.daily;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.junit.Test;

/** A key's values sorted and each once, however the runner splits and merges the partial lists. */
public class SortedDistinctTest {
  @Test
  public void sortsAndKeepsEachValueOnceWhateverTheSplit() {
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < 3000; i++) { // every date many times
      dates.add(String.format("2024-01-%02d", 31 - i % 31));
    }
    List<String> expected = new ArrayList<>();
    for (int d = 1; d <= 31; d++) {
      expected.add(String.format("2024-01-%02d", d));
    }
    CombineFnTester.testCombineFn(new SortedDistinct(), dates, expected);
  }

  @Test
  public void aKeyWithThousandsOfDistinctValuesComesOutSortedAndEachOnce() {
    // eight seasons of game dates (1,320), every tenth twice, shuffled: past the 1,024 values a list once held
    List<String> values = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1320; i++) {
      String v = java.time.LocalDate.of(2015, 10, 1).plusDays(i).toString();
      expected.add(v);
      values.add(v);
      if (i % 10 == 0) {
        values.add(v);
      }
    }
    java.util.Collections.shuffle(values, new java.util.Random(16));
    CombineFnTester.testCombineFn(new SortedDistinct(), values, expected);
  }
}
