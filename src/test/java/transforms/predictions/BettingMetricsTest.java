package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;
import transforms.predictions.BettingMetrics.Bin;
import transforms.predictions.BettingMetrics.Interval;
import transforms.predictions.BettingMetrics.LineMove;
import transforms.predictions.BettingMetrics.Pick;

public class BettingMetricsTest {
  private static final double E = 1e-4;

  @Test
  public void roiIsProfitPerUnitStakedWithPushesStakedAndVoidsNot() {
    List<Pick> picks = List.of(
        new Pick("WIN", -110), // +0.9091
        new Pick("WIN", 150), // +1.5
        new Pick("LOSS", -120), // −1
        new Pick("PUSH", -110), // 0, one unit staked
        new Pick("UNGRADEABLE", -110)); // did not play: void, nothing staked
    // (0.9091 + 1.5 − 1 + 0) / 4 = 1.4091 / 4 = 0.3523
    assertThat(BettingMetrics.roi(picks), closeTo(0.3523, E));
    assertThat(BettingMetrics.roi(List.of(new Pick("UNGRADEABLE", -110))), nullValue());
  }

  @Test
  public void theBootstrapIntervalHoldsThePointEstimateAndIsReproducible() {
    // 11 wins and 9 losses at −110: (11 · 0.9091 − 9) / 20 = (10 − 9) / 20 = 0.05
    List<Pick> picks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      picks.add(new Pick(i % 2 == 0 || i == 19 ? "WIN" : "LOSS", -110));
    }
    assertThat(BettingMetrics.roi(picks), closeTo(0.05, E));
    Interval ci = BettingMetrics.roiInterval(picks);
    assertThat(ci.low(), lessThan(0.05));
    assertThat(ci.high(), greaterThan(0.05));
    // twenty bets at −110 cannot tell a 5% edge from none
    assertThat(ci.low(), lessThan(0.0));
    // reproducible: prices that differ pick by pick make each resample's ROI all but unique, so another seed
    // (or an unseeded generator) would move the interval
    List<Pick> priced = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      priced.add(new Pick(i % 3 == 0 ? "LOSS" : "WIN", i % 2 == 0 ? -105 - 5 * i : 100 + 7 * i));
    }
    Interval once = BettingMetrics.roiInterval(priced);
    assertThat(BettingMetrics.roiInterval(priced), equalTo(once));
    assertThat(BettingMetrics.roiInterval(priced, 2_000, 7), not(equalTo(once)));
    // all wins at −110: every resample returns 0.9091, so does the interval
    Interval sure = BettingMetrics.roiInterval(Collections.nCopies(5, new Pick("WIN", -110)));
    assertThat(sure.low(), closeTo(0.9091, E));
    assertThat(sure.high(), closeTo(0.9091, E));
    assertThat(BettingMetrics.roiInterval(List.of()), nullValue());
  }

  @Test
  public void quantilesInterpolateBetweenOrderStatistics() {
    // 5 values: h = 4 · 0.025 = 0.1 → 1 + 0.1 · (2 − 1) = 1.1; h = 4 · 0.975 = 3.9 → 4 + 0.9 · (5 − 4) = 4.9
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(BettingMetrics.quantile(sorted, 0.025), closeTo(1.1, E));
    assertThat(BettingMetrics.quantile(sorted, 0.975), closeTo(4.9, E));
  }

  @Test
  public void brierAgainstOutcomesAndAgainstTheMarket() {
    // certain and right: 0
    assertThat(BettingMetrics.brier(new double[] {1, 0}, new double[] {1, 0}), closeTo(0, E));
    // (0.8 − 1)² + (0.3 − 0)² + (0.5 − 1)² = 0.04 + 0.09 + 0.25 = 0.38; / 3 = 0.1267
    assertThat(BettingMetrics.brier(new double[] {0.8, 0.3, 0.5}, new double[] {1, 0, 1}), closeTo(0.1267, E));
    // against the de-vigged market 0.6, 0.4, 0.5: 0.04 + 0.01 + 0 = 0.05; / 3 = 0.0167
    assertThat(BettingMetrics.brier(new double[] {0.8, 0.3, 0.5}, new double[] {0.6, 0.4, 0.5}), closeTo(0.0167, E));
    assertThat(BettingMetrics.brier(new double[] {}, new double[] {}), nullValue());
  }

  @Test
  public void reliabilityBinsCountMeanAndObservedFrequency() {
    double[] predicted = {0.05, 0.15, 0.12, 0.55, 0.95, 1.0};
    double[] observed = {0, 1, 0, 0, 1, 1};
    List<Bin> bins = BettingMetrics.reliability(predicted, observed);
    assertThat(bins, hasSize(10));
    assertThat(bins.get(0), equalTo(new Bin(0.0, 0.1, 1, 0.05, 0.0)));
    // 0.15 and 0.12: mean 0.135, one of two happened
    assertThat(bins.get(1).count(), equalTo(2));
    assertThat(bins.get(1).meanPredicted(), closeTo(0.135, E));
    assertThat(bins.get(1).observed(), closeTo(0.5, E));
    assertThat(bins.get(5), equalTo(new Bin(0.5, 0.6, 1, 0.55, 0.0)));
    // 1.0 belongs to the last bin with 0.95: mean 0.975, both happened
    assertThat(bins.get(9).count(), equalTo(2));
    assertThat(bins.get(9).meanPredicted(), closeTo(0.975, E));
    assertThat(bins.get(9).observed(), closeTo(1.0, E));
    assertThat(bins.get(3), equalTo(new Bin(0.3, 0.4, 0, null, null)));
  }

  @Test
  public void closingLineValueIsTheShareOfPicksTheLineMovedToward() {
    List<LineMove> moves = List.of(
        new LineMove("OVER", 20.5, 21.5), // rose: toward the over
        new LineMove("UNDER", 20.5, 19.5), // fell: toward the under
        new LineMove("OVER", 20.5, 20.5), // unmoved: not toward
        new LineMove("UNDER", 20.5, 21.5), // rose: away from the under
        new LineMove("OVER", 20.5, null)); // no later line: left out
    assertThat(BettingMetrics.movedToward("OVER", 20.5, 21.5), equalTo(true));
    assertThat(BettingMetrics.movedToward("UNDER", 20.5, 21.5), equalTo(false));
    assertThat(BettingMetrics.movedToward("OVER", 20.5, null), nullValue());
    // 2 of the 4 with a later line
    assertThat(BettingMetrics.closingLineValue(moves), closeTo(0.5, E));
    assertThat(BettingMetrics.closingLineValue(List.of(new LineMove("OVER", 20.5, null))), nullValue());
  }
}
