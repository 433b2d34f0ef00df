package transforms.predictions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class OddsTest {
  private static final double E = 1e-4;

  @Test
  public void americanDecimalAndImpliedProbability() {
    assertThat(Odds.decimal(-110), closeTo(1.9091, E)); // 1 + 100/110
    assertThat(Odds.decimal(150), closeTo(2.5, E)); // 1 + 150/100
    assertThat(Odds.decimal(100), closeTo(2.0, E));
    assertThat(Odds.decimal(-100), closeTo(2.0, E)); // both even money
    assertThat(Odds.american(2.5), closeTo(150, E)); // (2.5 − 1) · 100
    assertThat(Odds.american(1 + 100.0 / 110), closeTo(-110, E)); // −100 / (1.9091 − 1)
    assertThat(Odds.american(1.5), closeTo(-200, E)); // −100 / 0.5
    assertThat(Odds.american(2.0), closeTo(100, E));
    assertThat(Odds.impliedProbability(-110), closeTo(0.5238, E)); // 110 / 210
    assertThat(Odds.impliedProbability(150), closeTo(0.4, E)); // 100 / 250
  }

  @Test
  public void aBlankOrImpossiblePriceIsNoPrice() {
    assertThat(Odds.isPrice(null), is(false));
    assertThat(Odds.isPrice(Double.NaN), is(false));
    assertThat(Odds.isPrice(50.0), is(false)); // American odds are never inside (−100, +100)
    assertThat(Odds.isPrice(-100.0), is(true));
    assertThrows(IllegalArgumentException.class, () -> Odds.decimal(0));
    assertThrows(IllegalArgumentException.class, () -> Odds.american(1.0));
  }

  @Test
  public void devigSplitsTheMarginInProportion() {
    // −110/−110: 0.5238 + 0.5238 = 1.0476, so each side is 0.5238 / 1.0476 = 0.5
    Odds.Fair even = Odds.devig(-110.0, -110.0);
    assertThat(even.over(), closeTo(0.5, E));
    assertThat(even.under(), closeTo(0.5, E));
    assertThat(even.overround(), closeTo(1.0476, E)); // 22/21
    // −150/+130: 150/250 = 0.6 and 100/230 = 0.4348, sum 1.0348 (119/115); over 0.6 / 1.0348 = 69/119 = 0.5798,
    // under 0.4348 / 1.0348 = 50/119 = 0.4202
    Odds.Fair skewed = Odds.devig(-150.0, 130.0);
    assertThat(skewed.over(), closeTo(0.5798, E));
    assertThat(skewed.under(), closeTo(0.4202, E));
    assertThat(skewed.overround(), closeTo(1.0348, E));
  }

  @Test
  public void aOneSidedOrBlankMarketHasNoFairProbability() {
    assertThat(Odds.devig(-110.0, null), nullValue());
    assertThat(Odds.devig(null, -110.0), nullValue());
    assertThat(Odds.devig(-110.0, 20.0), nullValue());
  }

  @Test
  public void profitOfAOneUnitStake() {
    assertThat(Odds.profit("WIN", -110), closeTo(0.9091, E)); // 100/110
    assertThat(Odds.profit("WIN", 150), closeTo(1.5, E));
    assertThat(Odds.profit("LOSS", -110), equalTo(-1.0));
    assertThat(Odds.profit("LOSS", 150), equalTo(-1.0));
    assertThat(Odds.profit("PUSH", -110), equalTo(0.0)); // the stake comes back
    assertThat(Odds.profit("UNGRADEABLE", -110), equalTo(0.0)); // did not play: void
    assertThat(Odds.profit("VOID", 150), equalTo(0.0));
    assertThat(Odds.profit("NO_BET", 150), equalTo(0.0));
    assertThrows(IllegalArgumentException.class, () -> Odds.profit("WON", -110));
  }
}
