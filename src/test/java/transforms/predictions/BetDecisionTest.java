package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import transforms.predictions.BetDecision.Decision;

public class BetDecisionTest {
  private static final double E = 1e-4;
  private static final double MIN_EV = BetDecision.DEFAULT_MIN_EV; // 0.03

  @Test
  public void expectedValuePerUnitStake() {
    // 0.55 · 100/110 − 0.45 = 0.5 − 0.45 = 0.05
    assertThat(BetDecision.expectedValue(0.55, 0, -110), closeTo(0.05, E));
    // a push returns the stake: 0.5 · 1.0 − (1 − 0.5 − 0.1) = 0.1
    assertThat(BetDecision.expectedValue(0.5, 0.1, 100), closeTo(0.1, E));
    // break-even at −110 is 110/210 = 0.5238
    assertThat(BetDecision.expectedValue(110.0 / 210, 0, -110), closeTo(0, E));
  }

  @Test
  public void overWhenItsEdgeClearsTheThreshold() {
    // OVER 0.55 · 0.9091 − 0.45 = 0.05 ≥ 0.03; UNDER 0.45 · 0.9091 − 0.55 = −0.1409
    Decision d = BetDecision.decide(0.55, 0.45, 0, -110.0, -110.0, MIN_EV);
    assertThat(d.recommendation(), equalTo("OVER"));
    assertThat(d.ev(), closeTo(0.05, E));
    assertThat(d.odds(), equalTo(-110.0));
    assertThat(d.underEv(), closeTo(-0.1409, E));
  }

  @Test
  public void underAtItsOwnPriceWithAPushMass() {
    // line with a push chance of 0.1: OVER 0.4 · 1.2 − 0.5 = −0.02; UNDER 0.5 · 1.0 − 0.4 = 0.1
    Decision d = BetDecision.decide(0.4, 0.5, 0.1, 120.0, 100.0, MIN_EV);
    assertThat(d.recommendation(), equalTo("UNDER"));
    assertThat(d.ev(), closeTo(0.1, E));
    assertThat(d.odds(), equalTo(100.0));
    assertThat(d.overEv(), closeTo(-0.02, E));
  }

  @Test
  public void passWhenNoSideClearsTheThresholdOrASideHasNoPrice() {
    // OVER 0.53 · 0.9091 − 0.47 = 0.0118: positive, but under 0.03
    Decision small = BetDecision.decide(0.53, 0.47, 0, -110.0, -110.0, MIN_EV);
    assertThat(small.recommendation(), equalTo("PASS"));
    assertThat(small.overEv(), closeTo(0.0118, E));
    assertThat(small.odds(), nullValue());
    assertThat(small.ev(), nullValue());
    // the same chances clear a threshold of 0.01
    assertThat(BetDecision.decide(0.53, 0.47, 0, -110.0, -110.0, 0.01).recommendation(), equalTo("OVER"));
    // 0.7 · 0.9091 − 0.3 = 0.336 would clear it, but the under has no price: a one-sided offer is not priced
    Decision oneSided = BetDecision.decide(0.7, 0.3, 0, -110.0, null, MIN_EV);
    assertThat(oneSided.recommendation(), equalTo("PASS"));
    assertThat(oneSided.overEv(), closeTo(0.3364, E));
    assertThat(oneSided.underEv(), nullValue());
  }
}
