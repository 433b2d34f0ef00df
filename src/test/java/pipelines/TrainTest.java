package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.Test;

/** Train's holdout: the latest fifth of the dates, and the ensemble weight with the least MAE there. */
public class TrainTest {
  @Test
  public void theHoldoutIsTheLatestFifthOfTheDatesNeverAllOrNone() {
    // ten dates, two rows each: the holdout starts at the 9th date, row 16
    List<String> dates = new java.util.ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      dates.add(String.format("2024-01-%02d", d));
      dates.add(String.format("2024-01-%02d", d));
    }
    assertThat(Train.holdoutStart(dates), equalTo(16));
    // two dates: the second is the holdout; a fifth of two would round to none
    assertThat(Train.holdoutStart(List.of("2024-01-01", "2024-01-01", "2024-01-02")), equalTo(2));
  }

  @Test
  public void theBlendWeightIsTheGridPointWithTheLeastHoldoutError() {
    double[] actual = {10, 20, 30};
    // gbm is exact, the baseline is off by 6: all weight on gbm
    assertThat(Train.bestBlendWeight(actual, new double[] {10, 20, 30}, new double[] {16, 26, 36}), equalTo(1.0));
    // the baseline is exact: none
    assertThat(Train.bestBlendWeight(actual, new double[] {16, 26, 36}, new double[] {10, 20, 30}), equalTo(0.0));
    // gbm 4 too high, baseline 6 too low, on every row: the blend is exact at w = 0.6
    assertThat(Train.bestBlendWeight(actual, new double[] {14, 24, 34}, new double[] {4, 14, 24}), equalTo(0.6));
    // gbm and baseline agree: every weight errs the same, and the smallest is taken
    assertThat(Train.bestBlendWeight(actual, new double[] {12, 22, 32}, new double[] {12, 22, 32}), equalTo(0.0));
    // gbm 1 too high, baseline 99 too low: the exact blend is w = 0.99, a step of the grid
    assertThat(Train.bestBlendWeight(actual, new double[] {11, 21, 31}, new double[] {-89, -79, -69}), equalTo(0.99));
  }
}
