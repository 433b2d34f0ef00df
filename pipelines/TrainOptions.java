package pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** {@code train}: fit gbm_v1, one model per market, on the feature rows of a date range and their actual values. */
public interface TrainOptions extends FeatureOptions {
  /**
   * The default fewest rows a model is fit on: below it a boosted model of a hundred-odd features is mostly noise, and
   * a user is better told so than handed one.
   */
  int MIN_TRAINING_ROWS = 100;

  @Description("First game date of the training set, YYYY-MM-DD. Default: the first date of the input.")
  String getStartDate();

  void setStartDate(String value);

  @Description("Last game date of the training set, YYYY-MM-DD (inclusive). Default: the last date of the input.")
  String getEndDate();

  void setEndDate(String value);

  @Description("Where to write the model bundle (local path or gs://, e.g. models/gbm_v1): <modelOut>.meta.json (contract, "
      + "trained range, each market's blend weight and holdout residuals) and one <modelOut>.<market>.ubj per market. "
      + "The same path is --model for backfill and same-day.")
  @Validation.Required
  String getModelOut();

  void setModelOut(String value);

  @Description("Fewest training rows (quality-ready, enough minutes, a box score that day) each market's model is fit "
      + "on; with fewer, train writes no model and exits 2 saying why.")
  @Default.Integer(MIN_TRAINING_ROWS)
  int getMinTrainingRows();

  void setMinTrainingRows(int value);

  @Description("Boosting rounds.")
  @Default.Integer(300)
  int getRounds();

  void setRounds(int value);

  @Description("Maximum tree depth.")
  @Default.Integer(4)
  int getMaxDepth();

  void setMaxDepth(int value);

  @Description("Learning rate.")
  @Default.Double(0.05)
  double getEta();

  void setEta(double value);
}
