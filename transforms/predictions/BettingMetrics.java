package transforms.predictions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a list of prop picks did against the market: return on stake with a bootstrap interval, Brier scores, a
 * reliability table, and closing-line value. The hit rate's interval is {@link GradePredictions#wilson}; a pick's
 * outcome is {@link GradePredictions#outcome} and its profit {@link Odds#profit}.
 */
public final class BettingMetrics {
  private BettingMetrics() {}

  public static final int BOOTSTRAP_RESAMPLES = 2_000;
  public static final long BOOTSTRAP_SEED = 20_261_125L;
  public static final int RELIABILITY_BINS = 10;

  /** One settled pick: its outcome (grading's words) and the American odds it was taken at. */
  public record Pick(String outcome, double odds) {}

  public record Interval(double low, double high) {}

  /** One bin [from, to) of a reliability table (the last one includes 1); the means are null for an empty bin. */
  public record Bin(double from, double to, int count, @Nullable Double meanPredicted, @Nullable Double observed) {}

  /** A pick's side (OVER/UNDER) with the line it was taken at and the later (closing) line, null when none. */
  public record LineMove(String side, double pickLine, @Nullable Double closingLine) {}

  /**
   * Profit per unit staked. A WIN, LOSS or PUSH staked one unit (a push's is returned: it counts in the
   * denominator with profit 0); a void (did not play) or NO_BET pick staked nothing. Null when nothing was staked.
   */
  public static @Nullable Double roi(List<Pick> picks) {
    double profit = 0;
    int staked = 0;
    for (Pick p : picks) {
      profit += Odds.profit(p.outcome(), p.odds());
      if (staked(p.outcome())) {
        staked++;
      }
    }
    return staked == 0 ? null : profit / staked;
  }

  /** The 95% bootstrap interval of {@link #roi}, {@value #BOOTSTRAP_RESAMPLES} resamples from a fixed seed. */
  public static @Nullable Interval roiInterval(List<Pick> picks) {
    return roiInterval(picks, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
  }

  /**
   * The percentile interval (2.5% and 97.5%, interpolated between order statistics) of the ROI of
   * {@code resamples} resamples with replacement of the staked picks. The same picks in the same order and seed
   * give the same interval on any JVM ({@link Random} is specified to). Null when nothing was staked.
   */
  public static @Nullable Interval roiInterval(List<Pick> picks, int resamples, long seed) {
    List<Double> profits = new ArrayList<>();
    for (Pick p : picks) {
      if (staked(p.outcome())) {
        profits.add(Odds.profit(p.outcome(), p.odds()));
      }
    }
    int n = profits.size();
    if (n == 0) {
      return null;
    }
    Random random = new Random(seed);
    double[] rois = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += profits.get(random.nextInt(n));
      }
      rois[b] = sum / n;
    }
    Arrays.sort(rois);
    return new Interval(quantile(rois, 0.025), quantile(rois, 0.975));
  }

  /**
   * The mean squared difference between predicted probabilities and what they are scored against: outcomes
   * (1 happened, 0 did not) for the Brier score proper, or another probability (the market's de-vigged P(over))
   * for how far the model's probabilities sit from the market's. Null for no rows.
   */
  public static @Nullable Double brier(double[] predicted, double[] observed) {
    requireSameLength(predicted, observed);
    if (predicted.length == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - observed[i];
      sum += d * d;
    }
    return sum / predicted.length;
  }

  /**
   * The reliability table: {@value #RELIABILITY_BINS} equal-width bins of predicted probability, each with its
   * count, mean predicted probability and observed frequency of the outcome (observed: 1 or 0).
   */
  public static List<Bin> reliability(double[] predicted, double[] observed) {
    requireSameLength(predicted, observed);
    int[] count = new int[RELIABILITY_BINS];
    double[] predictedSum = new double[RELIABILITY_BINS];
    double[] observedSum = new double[RELIABILITY_BINS];
    for (int i = 0; i < predicted.length; i++) {
      double p = predicted[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probability " + p + " is outside 0–1");
      }
      int bin = Math.min(RELIABILITY_BINS - 1, (int) Math.floor(p * RELIABILITY_BINS));
      count[bin]++;
      predictedSum[bin] += p;
      observedSum[bin] += observed[i];
    }
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < RELIABILITY_BINS; b++) {
      bins.add(new Bin((double) b / RELIABILITY_BINS, (double) (b + 1) / RELIABILITY_BINS, count[b],
          count[b] == 0 ? null : predictedSum[b] / count[b], count[b] == 0 ? null : observedSum[b] / count[b]));
    }
    return bins;
  }

  /**
   * Whether the line moved toward the pick after it was taken: up for an OVER, down for an UNDER (the market
   * came to agree). An unmoved line did not. Null when there is no later line.
   */
  public static @Nullable Boolean movedToward(String side, double pickLine, @Nullable Double closingLine) {
    if (closingLine == null) {
      return null;
    }
    switch (side) {
      case "OVER":
        return closingLine > pickLine;
      case "UNDER":
        return closingLine < pickLine;
      default:
        throw new IllegalArgumentException("a pick's side is OVER or UNDER, not '" + side + "'");
    }
  }

  /** The share of the picks with a later line whose line moved toward them; null when none has one. */
  public static @Nullable Double closingLineValue(List<LineMove> moves) {
    int known = 0;
    int toward = 0;
    for (LineMove m : moves) {
      Boolean t = movedToward(m.side(), m.pickLine(), m.closingLine());
      if (t != null) {
        known++;
        toward += t ? 1 : 0;
      }
    }
    return known == 0 ? null : (double) toward / known;
  }

  private static boolean staked(String outcome) {
    return outcome.equals("WIN") || outcome.equals("LOSS") || outcome.equals("PUSH");
  }

  /** Linear interpolation between the order statistics of a sorted sample (R's type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " predictions against " + b.length + " observations");
    }
  }
}
