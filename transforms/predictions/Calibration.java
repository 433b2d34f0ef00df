package transforms.predictions;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.Markets;

/**
 * Where a prediction's P(over) comes from: per system and market, the residuals (actual − predicted) of that
 * system on rows it was not fitted on ({@link ModelBundle}'s holdout), as an {@link OverProbability}. A system and
 * market without residuals has no probability: its rows are PASS with a null {@code p_over}, never priced from an
 * in-sample or assumed spread.
 */
public final class Calibration implements Serializable {
  private final Map<String, OverProbability> byKey;

  private Calibration(Map<String, OverProbability> byKey) {
    this.byKey = byKey;
  }

  /** No residuals at all: every row is PASS. */
  public static Calibration none() {
    return new Calibration(Map.of());
  }

  /** From residuals by system id, then market. */
  public static Calibration of(Map<String, Map<Markets.Market, double[]>> residuals) {
    Map<String, OverProbability> byKey = new TreeMap<>();
    residuals.forEach((system, markets) ->
        markets.forEach((market, r) -> byKey.put(key(system, market), OverProbability.of(r))));
    return new Calibration(byKey);
  }

  /** The chances of {@code line} for a prediction of {@code system} in {@code market}; null when it cannot say. */
  public OverProbability.@Nullable Chances chances(String system, Markets.Market market, double predicted, double line) {
    OverProbability p = byKey.get(key(system, market));
    return p == null ? null : p.at(predicted, line);
  }

  private static String key(String system, Markets.Market market) {
    return system + "|" + market.key();
  }
}
