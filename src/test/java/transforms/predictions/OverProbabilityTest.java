package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class OverProbabilityTest {
  private static final double E = 1e-4;
  /** Unsorted on purpose. Predicted 20, they simulate actuals 22, 17, 20.5, 20, 24, 18.5, 21, 19.5. */
  private static final double[] RESIDUALS = {2, -3, 0.5, 0, 4, -1.5, 1, -0.5};

  @Test
  public void aHalfLineIsTheShareOfResidualsEitherSideWithNoPush() {
    OverProbability market = OverProbability.of(RESIDUALS, 5);
    assertThat(market.isEmpirical(), is(true));
    // line 20.5: over when predicted + r ≥ 20.5: 20.5, 21, 22, 24 → 4/8; under: 17, 18.5, 19.5, 20 → 4/8
    assertThat(market.at(20, 20.5), equalTo(new OverProbability.Chances(0.5, 0.5, 0)));
  }

  @Test
  public void anIntegerLinePushesOnTheSimulatedActualsThatRoundToIt() {
    OverProbability market = OverProbability.of(RESIDUALS, 5);
    // line 20: over from 20.5 (rounds to 21): 20.5, 21, 22, 24 → 0.5; under below 19.5: 17, 18.5 → 0.25;
    // push in [19.5, 20.5): 19.5 (a half rounds up to 20), 20 → 0.25
    assertThat(market.at(20, 20), equalTo(new OverProbability.Chances(0.5, 0.25, 0.25)));
    // line 21: over from 21.5: 22, 24 → 0.25; under below 20.5: 17, 18.5, 19.5, 20 → 0.5; push 20.5, 21 → 0.25
    assertThat(market.at(20, 21), equalTo(new OverProbability.Chances(0.25, 0.5, 0.25)));
    // predicted 25.5 with the line at 20: every simulated actual is ≥ 22.5
    assertThat(market.at(25.5, 20), equalTo(new OverProbability.Chances(1, 0, 0)));
  }

  @Test
  public void tooFewResidualsFallBackToANormalWithTheirMeanAndSd() {
    // residuals −2, 0, 2: mean 0, sample sd √((4 + 0 + 4) / 2) = 2; fewer than the default 30
    OverProbability market = OverProbability.of(new double[] {-2, 0, 2});
    assertThat(market.isEmpirical(), is(false));
    // line 20.5, predicted 20: P(over) = 1 − Φ((20.5 − 20) / 2) = 1 − Φ(0.25) = 1 − 0.59871 = 0.40129
    OverProbability.Chances half = market.at(20, 20.5);
    assertThat(half.over(), closeTo(0.4013, E));
    assertThat(half.under(), closeTo(0.5987, E));
    assertThat(half.push(), equalTo(0.0));
    // line 20: over from 20.5 → 0.40129; under below 19.5 → Φ(−0.25) = 0.40129; push 1 − 2 · 0.40129 = 0.19742
    OverProbability.Chances whole = market.at(20, 20);
    assertThat(whole.over(), closeTo(0.4013, E));
    assertThat(whole.under(), closeTo(0.4013, E));
    assertThat(whole.push(), closeTo(0.1974, E));
    // a bias shifts the normal: residuals 0, 2, 4 (mean 2, sd 2) with predicted 18 is the case above
    OverProbability.Chances biased = OverProbability.of(new double[] {0, 2, 4}).at(18, 20);
    assertThat(biased.over(), closeTo(0.4013, E));
    assertThat(biased.push(), closeTo(0.1974, E));
  }

  @Test
  public void noEstimateFromOneResidualOrResidualsThatDoNotVary() {
    assertThat(OverProbability.of(new double[] {1.5}).at(20, 20.5), nullValue());
    assertThat(OverProbability.of(new double[] {}).at(20, 20.5), nullValue());
    assertThat(OverProbability.of(new double[] {2, 2, 2}).at(20, 20.5), nullValue());
  }

  @Test
  public void aPredictionThatIsNotANumberIsAnErrorNotACertainUnder() {
    assertThrows(IllegalArgumentException.class, () -> OverProbability.of(RESIDUALS, 5).at(Double.NaN, 20.5));
  }
}
