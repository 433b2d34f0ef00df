package transforms.predictions;

import java.io.Serializable;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * P(over), P(under) and P(push) of a prop line from a predicted value and one market's residuals (actual −
 * predicted, learnt on training rows): the actual is modelled as predicted + r, r drawn from those residuals.
 *
 * <p>Actuals are whole numbers, so a simulated actual counts as its nearest whole number (a half rounds up): for
 * line L it is over when predicted + r ≥ ⌊L⌋ + 0.5 and under when predicted + r &lt; ⌈L⌉ − 0.5. A half line (20.5)
 * has no push; an integer line (20) pushes when predicted + r lies in [19.5, 20.5). The three always sum to 1.
 *
 * <p>With at least {@code minResiduals} residuals (default {@value #DEFAULT_MIN_RESIDUALS}) the probabilities
 * are the empirical shares. With fewer, a sample's shares move in steps too coarse to price a bet, so they come
 * from a normal with the residuals' mean and sample standard deviation instead (same whole-number rule). With
 * fewer than two residuals, or residuals that do not vary, there is no estimate ({@link #at} gives null).
 * Deterministic: the residuals are kept sorted, and nothing is sampled.
 */
public final class OverProbability implements Serializable {
  public static final int DEFAULT_MIN_RESIDUALS = 30;

  /** The chances of each settlement of one line; they sum to 1. */
  public record Chances(double over, double under, double push) {}

  private final double[] sorted;
  private final int minResiduals;
  private final double mean;
  private final double sd;

  private OverProbability(double[] residuals, int minResiduals) {
    for (double r : residuals) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("a residual is " + r);
      }
    }
    this.sorted = residuals.clone();
    Arrays.sort(sorted);
    this.minResiduals = minResiduals;
    int n = sorted.length;
    double sum = 0;
    for (double r : sorted) {
      sum += r;
    }
    this.mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (double r : sorted) {
      squares += (r - mean) * (r - mean);
    }
    this.sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
  }

  /** A market's residual distribution, empirical from {@value #DEFAULT_MIN_RESIDUALS} residuals up. */
  public static OverProbability of(double[] residuals) {
    return of(residuals, DEFAULT_MIN_RESIDUALS);
  }

  public static OverProbability of(double[] residuals, int minResiduals) {
    return new OverProbability(residuals, minResiduals);
  }

  /** Whether {@link #at} gives the residuals' empirical shares (else the normal fallback, or nothing). */
  public boolean isEmpirical() {
    return sorted.length >= minResiduals;
  }

  /** The chances of {@code line} given {@code predicted}; null when the residuals cannot say (see the class). */
  public @Nullable Chances at(double predicted, double line) {
    if (!Double.isFinite(predicted) || !Double.isFinite(line)) {
      // a NaN fails every comparison below and would read as a certain under
      throw new IllegalArgumentException("predicted " + predicted + ", line " + line);
    }
    double overFrom = Math.floor(line) + 0.5;
    double underBelow = Math.ceil(line) - 0.5;
    int n = sorted.length;
    if (isEmpirical()) {
      int over = n - firstReaching(predicted, overFrom);
      int under = firstReaching(predicted, underBelow);
      return new Chances((double) over / n, (double) under / n, (double) (n - over - under) / n);
    }
    if (n < 2 || sd == 0) {
      return null;
    }
    double over = 1 - BuildPredictions.normalCdf((overFrom - predicted - mean) / sd);
    if (overFrom == underBelow) {
      return new Chances(over, 1 - over, 0);
    }
    double under = BuildPredictions.normalCdf((underBelow - predicted - mean) / sd);
    return new Chances(over, under, 1 - over - under);
  }

  /**
   * The index of the first residual r with predicted + r ≥ threshold. Comparing the sum itself (floating-point
   * addition is monotone in r) rather than r against threshold − predicted keeps a residual that lands exactly
   * on a boundary on the side the definition puts it.
   */
  private int firstReaching(double predicted, double threshold) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (predicted + sorted[mid] >= threshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
