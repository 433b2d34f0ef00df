package transforms.predictions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import schemas.MlFeatureStoreV2;
import schemas.vocabulary.Markets;
import transforms.features.FeatureContract;

/**
 * A way of predicting a player's stat in one prop market from his feature row. Each prediction row names its
 * system and market.
 */
public abstract class PredictionSystem implements Serializable {
  public static final String BASELINE_ID = "baseline_avg_v1";
  public static final String ENSEMBLE_ID = "ensemble_v1";

  public abstract String id();

  public abstract String version();

  /** The predicted value of {@code market}'s stat for a stored feature row. */
  public abstract double predict(MlFeatureStoreV2 row, Markets.Market market);

  public static double feature(List<Double> features, String name) {
    return features.get(FeatureContract.indexOf(name));
  }

  /** One of a market's own features ({@link FeatureContract#marketFeature}), e.g. {@code (REBOUNDS, "avg_last_5")}. */
  public static double feature(MlFeatureStoreV2 row, Markets.Market market, String suffix) {
    return feature(row.getFeatures(), FeatureContract.marketFeature(market, suffix));
  }

  /**
   * {@code baseline_avg_v1}: 0.5 × last-5 average + 0.3 × last-10 average + 0.2 × season average of the market's
   * stat, from the market's block of the row.
   */
  public static double baseline(MlFeatureStoreV2 row, Markets.Market market) {
    return 0.5 * feature(row, market, "avg_last_5") + 0.3 * feature(row, market, "avg_last_10")
        + 0.2 * feature(row, market, "avg_season");
  }

  /** {@code baseline_avg_v1} ({@link #baseline}). */
  public static final PredictionSystem BASELINE = new PredictionSystem() {
    @Override
    public String id() {
      return BASELINE_ID;
    }

    @Override
    public String version() {
      return BASELINE_ID;
    }

    @Override
    public double predict(MlFeatureStoreV2 row, Markets.Market market) {
      return baseline(row, market);
    }
  };

  /**
   * {@code gbm_v1}: the bundle's model of the market, given the whole vector with NaN for every value the row did not
   * compute ({@link FeatureContract#modelInput}).
   */
  public static PredictionSystem gbm(ModelBundle bundle) {
    return new PredictionSystem() {
      @Override
      public String id() {
        return GbmModel.SYSTEM_ID;
      }

      @Override
      public String version() {
        return bundle.modelId();
      }

      @Override
      public double predict(MlFeatureStoreV2 row, Markets.Market market) {
        return bundle.model(market).predict(FeatureContract.modelInput(row));
      }
    };
  }

  /**
   * {@code ensemble_v1}, the production pick: w × gbm + (1 − w) × baseline, with the market's w in [0, 1] fitted on
   * the bundle's time-ordered holdout ({@link ModelBundle#blendWeight}).
   */
  public static PredictionSystem ensemble(ModelBundle bundle) {
    PredictionSystem gbm = gbm(bundle);
    return new PredictionSystem() {
      @Override
      public String id() {
        return ENSEMBLE_ID;
      }

      @Override
      public String version() {
        return ENSEMBLE_ID + "(" + bundle.modelId() + ")";
      }

      @Override
      public double predict(MlFeatureStoreV2 row, Markets.Market market) {
        return blend(bundle.blendWeight(market), gbm.predict(row, market), baseline(row, market));
      }
    };
  }

  /** w × gbm + (1 − w) × baseline: the ensemble's one formula, for training's holdout and for predictions. */
  public static double blend(double w, double gbm, double baseline) {
    return w * gbm + (1 - w) * baseline;
  }

  /** The systems of a run: the baseline always, and with a model bundle, its gbm_v1 and ensemble_v1. */
  public static List<PredictionSystem> of(ModelBundle bundle) {
    List<PredictionSystem> all = new ArrayList<>(List.of(BASELINE));
    if (bundle != null) {
      all.add(gbm(bundle));
      all.add(ensemble(bundle));
    }
    return all;
  }
}
