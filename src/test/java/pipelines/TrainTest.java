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

  @Test
  public void aBundleTrainedWithoutDatesStillKnowsTheDatesItLearnedFrom() throws Exception {
    // 12 rows on 6 dates (targets: actual, baseline, line), no --startDate/--endDate: the bundle's range is its rows' first and last dates, so a run
    // predicting one of them is refused (an open range once left the bundle without one, and nothing was refused).
    List<org.apache.beam.sdk.values.KV<String, org.apache.beam.sdk.values.KV<List<Double>, List<Double>>>> rows =
        new java.util.ArrayList<>();
    for (int d = 3; d <= 8; d++) {
      for (int player = 0; player < 2; player++) {
        List<Double> x = new java.util.ArrayList<>();
        for (int f = 0; f < transforms.features.FeatureContract.FEATURES.size(); f++) {
          x.add((double) (d + player + f % 3));
        }
        rows.add(org.apache.beam.sdk.values.KV.of(String.format("2024-01-%02d|p%d", d, player),
            org.apache.beam.sdk.values.KV.of(x, List.of(10.0 + d + player, 12.0, 11.5))));
      }
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("train-test");
    String out = dir.resolve("gbm").toString();
    transforms.predictions.GbmModel.Params params = new transforms.predictions.GbmModel.Params();
    params.rounds = 3;
    new Train.FitFn(out, params, 4, List.of(schemas.vocabulary.Markets.Market.POINTS))
        .process(org.apache.beam.sdk.values.KV.of("all", rows));

    transforms.predictions.ModelBundle bundle = transforms.predictions.ModelBundle.load(out);
    assertThat(String.valueOf(bundle.trainedOn()), equalTo("2024-01-03 to 2024-01-08"));
    assertThat(String.valueOf(bundle.overlap(schemas.vocabulary.DateRange.of("2024-01-08", "2024-01-20"))),
        equalTo("2024-01-08 to 2024-01-08"));
  }
}
