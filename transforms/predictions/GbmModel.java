package transforms.predictions;

import transforms.features.FeatureContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.DateRange;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * {@code gbm_v1}: an XGBoost regressor of points on the {@link FeatureContract} vector, with the contract
 * version it was trained on. The model file is XGBoost's own format; beside it, {@code <file>.meta.json}
 * holds the contract version, the feature names, the training range and size. Loading refuses a model whose
 * contract differs from this build's: its feature positions would mean other things.
 */
public final class GbmModel implements Serializable {
  public static final String SYSTEM_ID = "gbm_v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] booster;
  private final String modelId;
  private final @Nullable String trainedFrom;
  private final @Nullable String trainedTo;
  private transient Booster loaded;

  private GbmModel(byte[] booster, String modelId, @Nullable String trainedFrom, @Nullable String trainedTo) {
    this.booster = booster;
    this.modelId = modelId;
    this.trainedFrom = trainedFrom;
    this.trainedTo = trainedTo;
  }

  public String modelId() {
    return modelId;
  }

  /** The game dates it was trained on (its meta's trained_from..trained_to); null when the meta does not say. */
  public @Nullable DateRange trainedOn() {
    return trainedFrom == null && trainedTo == null ? null : DateRange.of(trainedFrom, trainedTo);
  }

  /**
   * The dates of {@code predicted} that this model was trained on (their actual points were its labels), or null
   * when none: predicting them would score the model on what it has seen.
   */
  public @Nullable DateRange overlap(DateRange predicted) {
    DateRange trained = trainedOn();
    return trained == null ? null : trained.intersection(predicted);
  }

  /** Training parameters: squared error, shallow trees, a small learning rate, deterministic. */
  public static final class Params implements Serializable {
    public int rounds = 300;
    public int maxDepth = 4;
    public double eta = 0.05;
  }

  /**
   * Trains on rows of the contract's model inputs ({@link FeatureContract#modelInput}: NaN where a value is
   * unknown, which XGBoost treats as missing and learns a default branch for) and their actual points.
   */
  public static GbmModel train(List<double[]> features, List<Double> points, Params params, String modelId) {
    int n = features.size();
    int width = FeatureContract.FEATURES.size();
    float[] x = new float[n * width];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double[] row = features.get(i);
      for (int j = 0; j < width; j++) {
        x[i * width + j] = (float) row[j];
      }
      y[i] = points.get(i).floatValue();
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
      GbmModel model = new GbmModel(b.toByteArray(), modelId, null, null);
      train.dispose();
      return model;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  /** The predicted points of one model input ({@link FeatureContract#modelInput}; NaN is missing). */
  public double predict(double[] features) {
    int width = features.length;
    float[] x = new float[width];
    for (int j = 0; j < width; j++) {
      x[j] = (float) features[j];
    }
    try {
      DMatrix m = new DMatrix(x, 1, width, Float.NaN);
      float[][] out = booster().predict(m);
      m.dispose();
      return out[0][0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  private synchronized Booster booster() throws XGBoostError {
    if (loaded == null) {
      try {
        loaded = XGBoost.loadModel(booster);
      } catch (IOException e) {
        throw new IllegalStateException("cannot load model " + modelId + ": " + e.getMessage(), e);
      }
    }
    return loaded;
  }

  /** Writes the model and its metadata (any Beam file system). */
  public void save(String path, ObjectNode facts) throws IOException {
    write(path, booster);
    ObjectNode meta = JSON.createObjectNode();
    meta.put("system_id", SYSTEM_ID);
    meta.put("model_id", modelId);
    meta.put("feature_schema_version", FeatureContract.VERSION);
    meta.putPOJO("feature_names", FeatureContract.names());
    meta.setAll(facts);
    write(path + ".meta.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
  }

  /**
   * Reads a model written by {@link #save}; throws {@link IllegalArgumentException} (a usage error) when it
   * is missing, has no metadata, or was trained on another feature contract.
   */
  public static GbmModel load(String path) {
    JsonNode meta;
    byte[] bytes;
    try {
      meta = JSON.readTree(read(path + ".meta.json"));
      bytes = read(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model " + path + " (and its .meta.json): " + e.getMessage(), e);
    }
    String version = meta.path("feature_schema_version").asText("");
    if (!version.equals(FeatureContract.VERSION)) {
      throw new IllegalArgumentException(
          "model " + path + " was trained on feature contract '" + version + "', this build computes '"
              + FeatureContract.VERSION + "': retrain it with `train`");
    }
    if (!meta.path("feature_names").toString().equals(JSON.valueToTree(FeatureContract.names()).toString())) {
      throw new IllegalArgumentException("model " + path + " lists other features than contract " + version + ": retrain it");
    }
    return new GbmModel(bytes, meta.path("model_id").asText(SYSTEM_ID), text(meta, "trained_from"), text(meta, "trained_to"));
  }

  private static @Nullable String text(JsonNode meta, String field) {
    JsonNode v = meta.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static void write(String path, byte[] bytes) throws IOException {
    ResourceId target = FileSystems.matchNewResource(path, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(target, "application/octet-stream"))) {
      out.write(bytes);
    }
  }

  private static byte[] read(String path) throws IOException {
    ResourceId source = FileSystems.matchSingleFileSpec(path).resourceId();
    try (InputStream in = Channels.newInputStream(FileSystems.open(source))) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    }
  }
}
