package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.vocabulary.DateRange;
import schemas.vocabulary.Markets;
import transforms.predictions.ModelBundle;
import transforms.predictions.PredictionsTest;

/** What --model and --markets give a run: the bundle's systems for the markets asked, or a usage error saying why not. */
public class WritesTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static BackfillOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(BackfillOptions.class);
  }

  private static String refusal(BackfillOptions o) {
    try {
      Writes.predicting(o, DateRange.of("2024-02-01", "2024-02-10"));
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  public void aBundleServesTheMarketsItHasAndARunAskingForOthersIsRefused() throws Exception {
    String path = tmp.getRoot().toPath().resolve("gbm_v1").toString();
    ModelBundle.of("gbm_v1:test", "2024-01-01", "2024-01-31", Map.of(Markets.Market.POINTS,
            new ModelBundle.MarketFit(PredictionsTest.linearModel(1), 0.5, Map.of(), null)))
        .save(path, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());

    Writes.Predicting points = Writes.predicting(options("--model=" + path, "--markets=player_points"),
        DateRange.of("2024-02-01", "2024-02-10"));
    assertThat(points.markets, equalTo(List.of(Markets.Market.POINTS)));
    assertThat(points.systems.size(), equalTo(3));
    assertThat(Writes.predicting(options(), DateRange.of("2024-02-01", "2024-02-10")) == null, equalTo(true));

    assertThat(refusal(options("--model=" + path)), containsString(
        "model " + path + " has no model of player_rebounds, player_assists, player_threes"));
    assertThat(refusal(options("--model=" + path, "--markets=player_points,player_blocks")),
        containsString("--markets: unknown market 'player_blocks'"));
    assertThat(refusal(options("--model=" + path + "," + path, "--markets=player_points")),
        containsString("--model takes one model bundle"));
    try {
      Writes.predicting(options("--model=" + path, "--markets=player_points"), DateRange.of("2024-01-20", "2024-02-10"));
      throw new AssertionError("a bundle trained through 2024-01-31 predicting 2024-01-20 must be refused");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage(), containsString("which reaches 2024-01-20, a date this run predicts"));
    }
  }
}
