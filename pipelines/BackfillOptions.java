package pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@code backfill}: build every table for every game date in a range. */
public interface BackfillOptions extends FeatureOptions {
  @Description("First game date to build, YYYY-MM-DD. Default: the first date of the input.")
  String getStartDate();

  void setStartDate(String value);

  @Description("Last game date to build, YYYY-MM-DD (inclusive). Default: the last date of the input.")
  String getEndDate();

  void setEndDate(String value);

  @Description("Build Phase 4 and the feature store after Phase 3. false: Phase 3 tables only.")
  @Default.Boolean(true)
  boolean getBuildFeatures();

  void setBuildFeatures(boolean value);

  @Description(
      "On the embedded sample (no --inputDir), without --model, with the file sink: run the product's demo: train a model on a "
          + "generated previous season of the sample league, backfill the sample with it, and grade its played "
          + "dates. false: the backfill alone.")
  @Default.Boolean(true)
  boolean getDemo();

  void setDemo(boolean value);
}
