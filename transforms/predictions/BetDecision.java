package transforms.predictions;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * OVER, UNDER or PASS on a two-way prop by expected value at the offered price: a side is bet only when its
 * expected profit per unit staked, from the model's chances ({@link OverProbability}), is at least {@code minEv}.
 */
public final class BetDecision {
  private BetDecision() {}

  /**
   * The default threshold: 3% of the stake. A −110 price needs P(win) ≥ 0.5395 to clear it (without pushes),
   * where break-even is 0.5238, so a pick must beat the vig by a margin a model error of a point or two cannot.
   */
  public static final double DEFAULT_MIN_EV = 0.03;

  /**
   * The call, the expected value of each side (null for a side without a price) and, for OVER/UNDER, the price
   * taken and its expected value.
   */
  public record Decision(String recommendation, @Nullable Double overEv, @Nullable Double underEv,
      @Nullable Double odds, @Nullable Double ev) {}

  /**
   * Expected profit of a one-unit stake on one side: P(win) × (decimal − 1) − P(loss), where a push (chance
   * {@code pPush}) returns the stake and P(loss) = 1 − P(win) − P(push).
   */
  public static double expectedValue(double pWin, double pPush, double american) {
    double pLoss = 1 - pWin - pPush;
    return pWin * Odds.profitOnWin(american) - pLoss;
  }

  /**
   * The side whose expected value is highest and at least {@code minEv}; PASS when neither clears it, or when
   * either side has no price: a one-sided offer cannot be de-vigged, so it is not a market the platform prices.
   * (Both sides clearing needs prices whose implied probabilities sum below 1; then the higher EV wins, and an
   * exact tie is a PASS.)
   */
  public static Decision decide(double pOver, double pUnder, double pPush,
      @Nullable Double overOdds, @Nullable Double underOdds, double minEv) {
    Double overEv = Odds.isPrice(overOdds) ? expectedValue(pOver, pPush, overOdds) : null;
    Double underEv = Odds.isPrice(underOdds) ? expectedValue(pUnder, pPush, underOdds) : null;
    if (overEv == null || underEv == null) {
      return new Decision("PASS", overEv, underEv, null, null);
    }
    boolean over = overEv >= minEv && overEv > underEv;
    boolean under = underEv >= minEv && underEv > overEv;
    if (over) {
      return new Decision("OVER", overEv, underEv, overOdds, overEv);
    }
    if (under) {
      return new Decision("UNDER", overEv, underEv, underOdds, underEv);
    }
    return new Decision("PASS", overEv, underEv, null, null);
  }
}
