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
    for (int i = 0; i < 3000; i++) { // past the compaction threshold, with every date many times
      dates.add(String.format("2024-01-%02d", 31 - i % 31));
    }
    List<String> expected = new ArrayList<>();
    for (int d = 1; d <= 31; d++) {
      expected.add(String.format("2024-01-%02d", d));
    }
    CombineFnTester.testCombineFn(new SortedDistinct(), dates, expected);
  }
}
