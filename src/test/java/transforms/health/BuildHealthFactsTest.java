package transforms.health;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import schemas.DeadLetter;
import schemas.MlFeatureStoreV2;
import schemas.PropLine;
import schemas.SchemaCoders;
import schemas.vocabulary.Markets.Market;
import transforms.TestRows;
import transforms.predictions.PredictionsTest;

/** The health documents from hand-made rows: every line one JSON object, whatever characters the inputs hold. */
public class BuildHealthFactsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PCollection<String> document(PCollection<KV<String, String>> docs, String name) {
    return docs.apply("Only" + name, Filter.by(kv -> kv.getKey().equals(name))).apply("Lines" + name, Values.create());
  }

  @Test
  public void deadLettersWithATabInTheFileNameAndReasonAreCountedAsJsonLines() {
    PCollection<DeadLetter> dead = p.apply("Dead", Create.of(
            DeadLetter.of("odd\tdir/player_game_logs.csv", 2, "a\tb", "unknown team 'B\tOS'"),
            DeadLetter.of("odd\tdir/player_game_logs.csv", 3, "a\tc", "unknown team 'B\tOS'"),
            DeadLetter.of("schedule.csv", 4, "x", "blank line"))
        .withCoder(SchemaCoders.of(DeadLetter.class)));
    PCollection<KV<String, String>> docs = BuildHealthFacts.of(new BuildHealthFacts.Inputs(dead), date -> true);
    PAssert.that(document(docs, BuildHealthFacts.DEAD_LETTERS_DOCUMENT)).containsInAnyOrder(
        "{\"source_file\":\"odd\\tdir/player_game_logs.csv\",\"reason\":\"unknown team 'B\\tOS'\",\"rows\":2}",
        "{\"source_file\":\"schedule.csv\",\"reason\":\"blank line\",\"rows\":1}");
    p.run().waitUntilFinish();
  }

  @Test
  public void aDateCountsItsFeatureRowsAndHowManyAreQualityReady() {
    PCollection<DeadLetter> none = p.apply("NoDead", Create.empty(SchemaCoders.of(DeadLetter.class)));
    PCollection<MlFeatureStoreV2> features = p.apply("Features", Create.of(
            PredictionsTest.row("ready", true, 30, 20.5), PredictionsTest.row("rookie", false, 30, null),
            PredictionsTest.row("out\tof\tscope", false, 30, null).toBuilder().setGameDate("2024-01-21").build())
        .withCoder(SchemaCoders.of(MlFeatureStoreV2.class)));
    PCollection<KV<String, String>> docs =
        BuildHealthFacts.of(new BuildHealthFacts.Inputs(none).features(features), date -> date.equals("2024-01-20"));
    PAssert.that(document(docs, "2024-01-20")).satisfies(lines -> {
      int n = 0;
      for (String line : lines) {
        JsonNode d;
        try {
          d = JSON.readTree(line);
        } catch (Exception e) {
          throw new AssertionError(line, e);
        }
        assertThat(d.get("feature_rows").asInt(), equalTo(2));
        assertThat(d.get("quality_ready_rows").asInt(), equalTo(1));
        n++;
      }
      assertThat("one document for the date", n, equalTo(1));
      return null;
    });
    PAssert.that(document(docs, "2024-01-21")).empty();
    p.run().waitUntilFinish();
  }

  /** Players predicted and with a line are counted per market of the run, 0 included; other markets' lines are not. */
  @Test
  public void aDateCountsPlayersPredictedAndWithALinePerMarketOfTheRun() {
    PCollection<DeadLetter> none = p.apply("NoDead", Create.empty(SchemaCoders.of(DeadLetter.class)));
    PCollection<schemas.PlayerPropPrediction> predictions = p.apply("Predictions", Create.of(
            schemas.Rows.prediction("ann", "2024-01-20", "gbm_v1", 20.5, 22, "OVER"),
            schemas.Rows.prediction("ann", "2024-01-20", "ensemble_v1", 20.5, 22, "OVER"),
            schemas.Rows.prediction("bob", "2024-01-20", "gbm_v1", null, 9, "PASS"))
        .withCoder(SchemaCoders.of(schemas.PlayerPropPrediction.class)));
    PCollection<schemas.PropLine> lines = p.apply("Lines", Create.of(
            transforms.TestRows.line("Ann", "2024-01-20", 20.5).toBuilder().setMarket("player_points").build(),
            transforms.TestRows.line("Ann", "2024-01-20", 6.5).toBuilder().setMarket("player_rebounds").build(),
            transforms.TestRows.line("Cat", "2024-01-20", 3.5).toBuilder().setMarket("player_rebounds").build(),
            transforms.TestRows.line("Cat", "2024-01-20", 1.5).toBuilder().setMarket("player_blocks").build())
        .withCoder(SchemaCoders.of(schemas.PropLine.class)));
    PCollection<KV<String, String>> docs = BuildHealthFacts.of(new BuildHealthFacts.Inputs(none).lines(lines)
        .predictions(predictions, java.util.List.of("player_points", "player_rebounds")), date -> true);
    PAssert.that(document(docs, "2024-01-20")).satisfies(docLines -> {
      for (String line : docLines) {
        JsonNode d;
        try {
          d = JSON.readTree(line);
        } catch (Exception e) {
          throw new AssertionError(line, e);
        }
        assertThat(d.get("players_predicted").asInt(), equalTo(2));
        assertThat(d.get("players_predicted_by_market").toString(), equalTo("{\"player_points\":2,\"player_rebounds\":0}"));
        assertThat(d.get("players_with_line_by_market").toString(), equalTo("{\"player_points\":1,\"player_rebounds\":2}"));
      }
      return null;
    });
    p.run().waitUntilFinish();
  }

  /**
   * Line coverage is of the points-line features: a player with lines in other markets only is not one "with a
   * line", and a player's several markets count him once.
   */
  @Test
  public void playersWithALineAreThoseWithAPointsLine() {
    PCollection<DeadLetter> none = p.apply("NoDead", Create.empty(SchemaCoders.of(DeadLetter.class)));
    PCollection<PropLine> lines = p.apply("Lines", Create.of(
            TestRows.line("Ann Example", "2024-01-20", Market.POINTS, 20.5),
            TestRows.line("Ann Example", "2024-01-20", Market.REBOUNDS, 7.5),
            TestRows.line("Bob Sample", "2024-01-20", Market.REBOUNDS, 5.5))
        .withCoder(SchemaCoders.of(PropLine.class)));
    PCollection<KV<String, String>> docs =
        BuildHealthFacts.of(new BuildHealthFacts.Inputs(none).lines(lines), date -> true);
    PAssert.that(document(docs, "2024-01-20")).satisfies(docsOfDate -> {
      int n = 0;
      for (String line : docsOfDate) {
        try {
          assertThat(JSON.readTree(line).get("players_with_line").asInt(), equalTo(1));
        } catch (java.io.IOException e) {
          throw new AssertionError(line, e);
        }
        n++;
      }
      assertThat("one document for the date", n, equalTo(1));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
