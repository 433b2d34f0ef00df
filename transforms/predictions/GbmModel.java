package transforms.predictions;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import transforms.features.FeatureContract;

/**
 * One XGBoost regressor of one market's stat on the {@link FeatureContract} vector: what {@code gbm_v1} is made of,
 * one per market, in a {@link ModelBundle} (which holds the files, the contract version and the calibration).
 */
public final class GbmModel implements Serializable {
  public static final String SYSTEM_ID = "gbm_v1";

  private final byte[] booster;
  private transient Booster loaded;

  private GbmModel(byte[] booster) {
    this.booster = booster;
  }

  /** Training parameters: squared error, shallow trees, a small learning rate, deterministic. */
  public static final class Params implements Serializable {
    public int rounds = 300;
    public int maxDepth = 4;
    public double eta = 0.05;
  }

  /**
   * Trains on rows of the contract's model inputs ({@link FeatureContract#modelInput}: NaN where a value is
   * unknown, which XGBoost treats as missing and learns a default branch for) and their actual values.
   */
  public static GbmModel train(List<double[]> features, List<Double> labels, Params params) {
    int n = features.size();
    int width = FeatureContract.FEATURES.size();
    float[] x = new float[n * width];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double[] row = features.get(i);
      for (int j = 0; j < width; j++) {
        x[i * width + j] = (float) row[j];
      }
      y[i] = labels.get(i).floatValue();
    }
    try {
      DMatrix train = new DMatrix(x, n, width, Float.NaN);
      train.setLabel(y);
      Map<String, Object> p = new HashMap<>();
      p.put("objective", "reg:squarederror");
      p.put("tree_method", "hist");
      p.put("max_depth", params.maxDepth);
      p.put("eta", params.eta);
      p.put("subsample", 1.0);
      p.put("seed", 0);
      p.put("nthread", 1); // one thread: the same rows give the same trees, bit for bit
      Booster b = XGBoost.train(train, p, params.rounds, new HashMap<>(), null, null);
      GbmModel model = new GbmModel(b.toByteArray());
      train.dispose();
      return model;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  /** A model from the bytes {@link #bytes} gave (XGBoost's own format, UBJSON). */
  static GbmModel fromBytes(byte[] bytes) {
    return new GbmModel(bytes);
  }

  byte[] bytes() {
    return booster;
  }

  /** The predicted value of one model input ({@link FeatureContract#modelInput}; NaN is missing). */
  public double predict(double[] features) {
    return predict(List.of(features))[0];
  }

  /** The predicted values of many model inputs at once (one matrix: what a holdout of thousands of rows wants). */
  public double[] predict(List<double[]> rows) {
    int n = rows.size();
    if (n == 0) {
      return new double[0];
    }
    int width = rows.get(0).length;
    float[] x = new float[n * width];
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      for (int j = 0; j < width; j++) {
        x[i * width + j] = (float) row[j];
      }
    }
    try {
      DMatrix m = new DMatrix(x, n, width, Float.NaN);
      float[][] out = booster().predict(m);
      m.dispose();
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = out[i][0];
      }
      return values;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  private synchronized Booster booster() throws XGBoostError {
    if (loaded == null) {
      try {
        Booster b = XGBoost.loadModel(booster);
        // A loaded booster predicts on every core by default: for the one row a prediction is, the threads' start and
        // join cost far more than the trees (the sample's predictions: 39 s of CPU, 4.3 s on one thread); the runner's workers are the
        // parallelism. A row's value does not depend on the thread count.
        b.setParam("nthread", 1);
        loaded = b;
      } catch (IOException e) {
        throw new IllegalStateException("cannot load an XGBoost model: " + e.getMessage(), e);
      }
    }
    return loaded;
  }
}
