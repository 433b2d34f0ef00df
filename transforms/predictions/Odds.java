package transforms.predictions;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Sportsbook prices. The feeds quote American odds (the {@code over_odds}/{@code under_odds} of a props snapshot):
 * −110 risks 110 to win 100, +150 risks 100 to win 150. A price is valid when it is finite and |odds| ≥ 100
 * (+100 and −100 are both even money); a blank or invalid price is "no price", never a number.
 */
public final class Odds {
  private Odds() {}

  /** A de-vigged two-way market: fair probabilities of each side (summing to 1) and the book's overround. */
  public record Fair(double over, double under, double overround) {}

  /** Whether {@code american} is a usable price (present, finite, |odds| ≥ 100). */
  public static boolean isPrice(@Nullable Double american) {
    return american != null && Double.isFinite(american) && Math.abs(american) >= 100;
  }

  /** Decimal odds (the stake returned included): −110 → 1.9091, +150 → 2.5. */
  public static double decimal(double american) {
    requirePrice(american);
    return american > 0 ? 1 + american / 100 : 1 + 100 / -american;
  }

  /** American odds of decimal odds ({@code decimal} > 1): 2.5 → +150, 1.9091 → −110; 2.0 → +100. */
  public static double american(double decimal) {
    if (!(decimal > 1) || !Double.isFinite(decimal)) {
      throw new IllegalArgumentException("decimal odds " + decimal + " are not above 1");
    }
    return decimal >= 2 ? (decimal - 1) * 100 : -100 / (decimal - 1);
  }

  /** The probability the price implies, vig included: 1 / decimal (−110 → 0.5238, +150 → 0.4). */
  public static double impliedProbability(double american) {
    return 1 / decimal(american);
  }

  /** Profit of a one-unit stake that wins at {@code american}: decimal − 1 (−110 → 0.9091, +150 → 1.5). */
  public static double profitOnWin(double american) {
    return decimal(american) - 1;
  }

  /**
   * Profit of a one-unit stake settled as {@code outcome} (grading's words, {@link GradePredictions#outcome}):
   * WIN → {@link #profitOnWin}, LOSS → −1, and 0 for a bet that is refunded or never stood (PUSH, a void bet —
   * VOID or UNGRADEABLE, the player did not play — and NO_BET for a PASS).
   */
  public static double profit(String outcome, double american) {
    switch (outcome) {
      case "WIN":
        return profitOnWin(american);
      case "LOSS":
        return -1;
      case "PUSH":
      case "VOID":
      case "UNGRADEABLE":
      case "NO_BET":
        return 0;
      default:
        throw new IllegalArgumentException("unknown outcome '" + outcome + "'");
    }
  }

  /**
   * The fair probabilities of a two-way market by the multiplicative (proportional) method: each side's implied
   * probability divided by their sum, so the book's margin is taken from both sides in proportion to their implied
   * probabilities (−110/−110: 0.5238 each, overround 1.0476, fair 0.5/0.5). Null when either side has no price:
   * one side alone says nothing about how the margin is split.
   */
  public static @Nullable Fair devig(@Nullable Double overOdds, @Nullable Double underOdds) {
    if (!isPrice(overOdds) || !isPrice(underOdds)) {
      return null;
    }
    double over = impliedProbability(overOdds);
    double under = impliedProbability(underOdds);
    double sum = over + under;
    return new Fair(over / sum, under / sum, sum);
  }

  private static void requirePrice(double american) {
    if (!isPrice(american)) {
      throw new IllegalArgumentException("American odds " + american + " are not a price (|odds| >= 100)");
    }
  }
}
