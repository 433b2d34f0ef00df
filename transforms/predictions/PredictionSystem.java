package transforms.predictions;

import transforms.features.FeatureContract;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import schemas.MlFeatureStoreV2;

/** A way of predicting a player's points from his feature row. Each prediction row names its system. */
public abstract class PredictionSystem implements Serializable {
  public abstract String id();

  public abstract String version();

  /** The predicted points of a stored feature row. */
  public abstract double predict(MlFeatureStoreV2 row);

  public static double feature(List<Double> features, String name) {
    return features.get(FeatureContract.indexOf(name));
  }

  /** {@code baseline_avg_v1}: 0.5 × last-5 average + 0.3 × last-10 average + 0.2 × season average. */
  public static final PredictionSystem BASELINE = new PredictionSystem() {
    @Override
    public String id() {
      return "baseline_avg_v1";
    }

    @Override
    public String version() {
      return "baseline_avg_v1";
    }

    @Override
    public double predict(MlFeatureStoreV2 row) {
      List<Double> f = row.getFeatures();
      return 0.5 * feature(f, "pts_avg_last_5") + 0.3 * feature(f, "pts_avg_last_10")
          + 0.2 * feature(f, "pts_avg_season");
    }
  };

  /** {@code gbm_v1}: the trained model, given NaN for every value the row did not compute ({@link FeatureContract#modelInput}). */
  public static PredictionSystem gbm(GbmModel model) {
    return new PredictionSystem() {
      @Override
      public String id() {
        return GbmModel.SYSTEM_ID;
      }

      @Override
      public String version() {
        return model.modelId();
      }

      @Override
      public double predict(MlFeatureStoreV2 row) {
        return model.predict(FeatureContract.modelInput(row));
      }
    };
  }

  /** {@code ensemble_v1}: the mean of the baseline and the model, which errs less than either where they disagree. */
  public static PredictionSystem ensemble(PredictionSystem gbm) {
    return new PredictionSystem() {
      @Override
      public String id() {
        return "ensemble_v1";
      }

      @Override
      public String version() {
        return "ensemble_v1(" + gbm.version() + ")";
      }

      @Override
      public double predict(MlFeatureStoreV2 row) {
        return 0.5 * BASELINE.predict(row) + 0.5 * gbm.predict(row);
      }
    };
  }

  /** The systems of a run: the baseline always, and with a model, the model and the ensemble. */
  public static List<PredictionSystem> forModels(List<GbmModel> models) {
    List<PredictionSystem> all = new ArrayList<>(List.of(BASELINE));
    for (GbmModel m : models) {
      PredictionSystem gbm = gbm(m);
      all.add(gbm);
      all.add(ensemble(gbm));
    }
    return all;
  }
}
