package transforms.predictions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.DateRange;
import schemas.vocabulary.Markets;
import transforms.features.FeatureContract;

/**
 * What {@code train} writes and {@code --model} loads: one {@link GbmModel} per market, each market's ensemble
 * weight, and each system's out-of-sample residuals per market (the calibration of P(over), {@link Calibration}).
 *
 * <p>On disk a bundle is named by a path P (train's {@code --modelOut}, the runs' {@code --model}): {@code P.meta.json}
 * (the contract version and feature names, the trained range and rows, and per market its model file, blend weight,
 * holdout figures and residuals) and one XGBoost file per market, {@code P.<market key>.ubj}, named in the meta
 * relative to its folder, so a bundle's folder can be moved whole. Loading refuses a bundle of another contract: its
 * feature positions would mean other things.
 */
public final class ModelBundle implements Serializable {
  public static final String META_SUFFIX = ".meta.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Residuals are stored to 1e-4: far below the half-unit steps P(over) is counted in, and a tenth the file. */
  private static final double RESIDUAL_PRECISION = 1e4;

  /** One market's part of a bundle, as train fits it. */
  public static final class MarketFit implements Serializable {
    final GbmModel model;
    final double blendWeight;
    /** system id → holdout residuals (actual − predicted). */
    final Map<String, double[]> residuals;
    /** What the meta records of the fit beyond the above (holdout range, rows, MAEs...). */
    final transient @Nullable ObjectNode facts;

    public MarketFit(GbmModel model, double blendWeight, Map<String, double[]> residuals, @Nullable ObjectNode facts) {
      if (!(blendWeight >= 0 && blendWeight <= 1)) {
        throw new IllegalArgumentException("a blend weight is in [0, 1], not " + blendWeight);
      }
      this.model = model;
      this.blendWeight = blendWeight;
      this.residuals = new TreeMap<>(residuals);
      this.facts = facts;
    }

    public double blendWeight() {
      return blendWeight;
    }
  }

  private final String modelId;
  private final @Nullable String trainedFrom;
  private final @Nullable String trainedTo;
  private final EnumMap<Markets.Market, MarketFit> fits;

  private ModelBundle(String modelId, @Nullable String trainedFrom, @Nullable String trainedTo, Map<Markets.Market, MarketFit> fits) {
    this.modelId = modelId;
    this.trainedFrom = trainedFrom;
    this.trainedTo = trainedTo;
    this.fits = new EnumMap<>(Markets.Market.class);
    this.fits.putAll(fits);
  }

  public static ModelBundle of(String modelId, @Nullable String trainedFrom, @Nullable String trainedTo,
      Map<Markets.Market, MarketFit> fits) {
    return new ModelBundle(modelId, trainedFrom, trainedTo, fits);
  }

  public String modelId() {
    return modelId;
  }

  /** The markets it has a model of. */
  public Set<Markets.Market> markets() {
    return fits.keySet();
  }

  public GbmModel model(Markets.Market market) {
    return fit(market).model;
  }

  /** The ensemble's weight of gbm_v1 in {@code market} (the baseline's is 1 − w). */
  public double blendWeight(Markets.Market market) {
    return fit(market).blendWeight;
  }

  /** A system's holdout residuals in {@code market}; null when the bundle has none. */
  public double @Nullable [] residuals(String system, Markets.Market market) {
    return fit(market).residuals.get(system);
  }

  private MarketFit fit(Markets.Market market) {
    MarketFit f = fits.get(market);
    if (f == null) {
      throw new IllegalArgumentException("model " + modelId + " has no model of market " + market.key());
    }
    return f;
  }

  /** P(over) of each system and market from the holdout residuals. */
  public Calibration calibration() {
    Map<String, Map<Markets.Market, double[]>> bySystem = new TreeMap<>();
    fits.forEach((market, fit) -> fit.residuals.forEach((system, r) ->
        bySystem.computeIfAbsent(system, s -> new EnumMap<>(Markets.Market.class)).put(market, r)));
    return Calibration.of(bySystem);
  }

  /** The game dates it was trained on (its meta's trained_from..trained_to); null when the meta does not say. */
  public @Nullable DateRange trainedOn() {
    return trainedFrom == null && trainedTo == null ? null : DateRange.of(trainedFrom, trainedTo);
  }

  /**
   * The dates of {@code predicted} that this bundle was trained on (their actual values were its labels), or null
   * when none: predicting them would score the models on what they have seen.
   */
  public @Nullable DateRange overlap(DateRange predicted) {
    DateRange trained = trainedOn();
    return trained == null ? null : trained.intersection(predicted);
  }

  public static String metaFile(String path) {
    return path + META_SUFFIX;
  }

  /** Where a market's model of the bundle {@code path} is written. */
  public static String modelFile(String path, Markets.Market market) {
    return path + "." + market.key() + ".ubj";
  }

  /** Writes each market's model and the meta (any Beam file system); {@code facts} join the meta's top level. */
  public void save(String path, ObjectNode facts) throws IOException {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("system_id", GbmModel.SYSTEM_ID);
    meta.put("model_id", modelId);
    meta.put("feature_schema_version", FeatureContract.VERSION);
    meta.putPOJO("feature_names", FeatureContract.names());
    if (trainedFrom != null) {
      meta.put("trained_from", trainedFrom);
    }
    if (trainedTo != null) {
      meta.put("trained_to", trainedTo);
    }
    meta.setAll(facts);
    ObjectNode markets = meta.putObject("markets");
    for (Map.Entry<Markets.Market, MarketFit> e : fits.entrySet()) {
      String file = modelFile(path, e.getKey());
      write(file, e.getValue().model.bytes());
      ObjectNode m = markets.putObject(e.getKey().key());
      m.put("model_file", FileSystems.matchNewResource(file, false).getFilename());
      m.put("blend_weight", e.getValue().blendWeight);
      if (e.getValue().facts != null) {
        m.setAll(e.getValue().facts);
      }
      ObjectNode residuals = m.putObject("holdout_residuals");
      e.getValue().residuals.forEach((system, r) -> {
        ArrayNode a = residuals.putArray(system);
        for (double v : r) {
          a.add(Math.round(v * RESIDUAL_PRECISION) / RESIDUAL_PRECISION);
        }
      });
    }
    write(metaFile(path), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
  }

  /**
   * Reads a bundle written by {@link #save}; throws {@link IllegalArgumentException} (a usage error) when it is
   * missing, has no metadata or no market, or was trained on another feature contract.
   */
  public static ModelBundle load(String path) {
    JsonNode meta;
    try {
      meta = JSON.readTree(read(metaFile(path)));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read model " + path + " (" + metaFile(path) + " and its market files): " + e.getMessage(), e);
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
    ResourceId folder = FileSystems.matchNewResource(metaFile(path), false).getCurrentDirectory();
    Map<Markets.Market, MarketFit> fits = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("markets").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Markets.Market market = Markets.of(e.getKey());
      if (market == null) {
        throw new IllegalArgumentException("model " + path + " has a model of market '" + e.getKey() + "', which this build does not carry");
      }
      String file = folder.resolve(e.getValue().path("model_file").asText(), ResolveOptions.StandardResolveOptions.RESOLVE_FILE).toString();
      byte[] bytes;
      try {
        bytes = read(file);
      } catch (IOException ex) {
        throw new IllegalArgumentException("cannot read " + file + " (market " + market.key() + " of model " + path + "): " + ex.getMessage(), ex);
      }
      Map<String, double[]> residuals = new TreeMap<>();
      e.getValue().path("holdout_residuals").fields().forEachRemaining(r -> {
        double[] values = new double[r.getValue().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = r.getValue().get(i).asDouble();
        }
        residuals.put(r.getKey(), values);
      });
      fits.put(market, new MarketFit(GbmModel.fromBytes(bytes), e.getValue().path("blend_weight").asDouble(), residuals, null));
    }
    if (fits.isEmpty()) {
      throw new IllegalArgumentException("model " + path + " has no market: retrain it with `train`");
    }
    return new ModelBundle(meta.path("model_id").asText(GbmModel.SYSTEM_ID), text(meta, "trained_from"), text(meta, "trained_to"), fits);
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
