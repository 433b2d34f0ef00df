package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.api.services.dataflow.Dataflow;
import io.inputs.SampleLeague;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.dataflow.options.DataflowPipelineDebugOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Each pipeline under the Dataflow runner, offline: its options validate, its graph builds and translates into a
 * Dataflow job, files are staged (to a local folder), and the job is submitted to a Dataflow API endpoint that
 * answers like the service. What cannot be checked here: credentials, the GCS and BigQuery permissions of the
 * worker service account, and the job running on Dataflow's workers.
 */
public class DataflowSubmissionTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static Path input;

  @BeforeClass
  public static void sample() throws Exception {
    input = TMP.newFolder("input").toPath();
    SampleLeague.write(input, SampleLeague.Config.embedded());
  }

  /** The Dataflow API's side of a submission: each request's body is kept, every create returns a queued job. */
  static final class DataflowApi extends MockHttpTransport {
    final List<String> requests = new ArrayList<>();

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
      return new MockLowLevelHttpRequest(url) {
        @Override
        public LowLevelHttpResponse execute() throws java.io.IOException {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          if (getStreamingContent() != null) {
            getStreamingContent().writeTo(body);
          }
          byte[] bytes = body.toByteArray();
          if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
          }
          requests.add(method + " " + url + "\n" + new String(bytes, StandardCharsets.UTF_8));
          return new MockLowLevelHttpResponse()
              .setContentType("application/json")
              .setContent("{\"id\":\"2026-11-23_00_00_00-1\",\"projectId\":\"nba-test\",\"currentState\":\"JOB_STATE_PENDING\"}");
        }
      };
    }
  }

  private <T extends NbaOptions> T dataflowOptions(Class<T> type, String... more) throws Exception {
    Path staging = TMP.newFolder().toPath();
    Path stage = Files.writeString(staging.resolve("app.jar.txt"), "stand-in for the shaded jar");
    List<String> args = new ArrayList<>(List.of(
        "--runner=DataflowRunner", "--project=nba-test", "--region=us-east1",
        "--gcpTempLocation=gs://nba-test-temp/tmp", "--tempLocation=gs://nba-test-temp/tmp",
        "--stagingLocation=" + staging.resolve("staged"),
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--filesToStage=" + stage, "--inputDir=" + input, "--outputDir=" + TMP.newFolder(), "--waitForCompletion=false"));
    args.addAll(List.of(more));
    PipelineOptionsFactory.register(type);
    return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().as(type);
  }

  private static DataflowApi api(PipelineOptions options) {
    DataflowApi api = new DataflowApi();
    options.as(DataflowPipelineDebugOptions.class)
        .setDataflowClient(new Dataflow.Builder(api, GsonFactory.getDefaultInstance(), null).setApplicationName("test").build());
    return api;
  }

  /** The unique names of every transform of the pipeline the runner staged for Dataflow (Runner v2's job graph). */
  private static java.util.Set<String> stagedTransforms(PipelineOptions options) throws Exception {
    Path staged = Path.of(options.as(org.apache.beam.runners.dataflow.options.DataflowPipelineOptions.class).getStagingLocation());
    java.util.Set<String> names = new java.util.HashSet<>();
    try (java.util.stream.Stream<Path> files = Files.list(staged)) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("pipeline-"))::iterator) {
        org.apache.beam.model.pipeline.v1.RunnerApi.Pipeline proto =
            org.apache.beam.model.pipeline.v1.RunnerApi.Pipeline.parseFrom(Files.readAllBytes(f));
        proto.getComponents().getTransformsMap().values().forEach(t -> names.add(t.getUniqueName()));
      }
    }
    return names;
  }

  private static String createdJob(DataflowApi api) {
    String create = null;
    for (String r : api.requests) {
      if (r.startsWith("POST") && r.contains("/jobs")) {
        create = r;
      }
    }
    assertThat("a job was submitted: " + api.requests, create == null, equalTo(false));
    return create;
  }

  @Test
  public void backfillToBigQuerySubmitsOneJobWithPartitionLoads() throws Exception {
    BackfillOptions options = dataflowOptions(BackfillOptions.class,
        "--startDate=2024-11-21", "--endDate=2024-11-22", "--sink=bigquery");
    DataflowApi api = api(options);
    assertThat(Backfill.run(options), equalTo(0));
    String job = createdJob(api);
    assertThat(job, containsString("\"type\":\"JOB_TYPE_BATCH\""));
    java.util.Set<String> transforms = stagedTransforms(options);
    assertThat(transforms, hasItem("ml_feature_store_v2/LoadPartitions"));
    assertThat(transforms, hasItem("player_game_summary/LoadPartitions"));
    // The phases are named composites in the job graph, each step nested under its phase.
    for (String phase : List.of("ReadInputs", "BuildGameHistory", "BuildUpcomingPlayerGameContext", "BuildFeatureStore",
        "BuildFeatureStore/BuildPlayerDailyCache", "BuildFeatureStore/BuildFeatureVectors")) {
      assertThat(transforms, hasItem(phase));
    }
  }

  @Test
  public void sameDayTrainAndGradeBuildAndSubmitToo() throws Exception {
    SameDayOptions sameDay = dataflowOptions(SameDayOptions.class, "--date=2024-11-29");
    DataflowApi a = api(sameDay);
    assertThat(SameDay.run(sameDay), equalTo(0));
    createdJob(a);
    assertThat(stagedTransforms(sameDay), hasItem("BuildSameDayUniverse"));

    TrainOptions train = dataflowOptions(TrainOptions.class, "--modelOut=" + TMP.getRoot() + "/m.ubj",
        "--startDate=2024-11-01", "--endDate=2024-11-20");
    DataflowApi b = api(train);
    int trainExit = Train.run(train);
    assertThat(b.requests.toString(), trainExit, equalTo(0));
    createdJob(b);

    Path predictions = TMP.newFolder("predictions").toPath();
    Files.createDirectories(predictions.resolve("player_prop_predictions"));
    Files.writeString(predictions.resolve("player_prop_predictions").resolve("2024-11-22.json"), "");
    GradeOptions grade = dataflowOptions(GradeOptions.class, "--startDate=2024-11-22", "--predictionsDir=" + predictions);
    DataflowApi c = api(grade);
    assertThat(Grade.run(grade), equalTo(0));
    createdJob(c);
    assertThat(stagedTransforms(grade), hasItem("GradePredictions"));
  }

  @Test
  public void theFlexTemplateEntryNamesThePipelineAndDoesNotWait() {
    List<String> args = List.of(FlexTemplateMain.launchArgs("backfill", new String[] {"--startDate=2024-01-01"}));
    assertThat(args.get(0), equalTo("backfill"));
    assertThat(args, hasItem("--waitForCompletion=false"));
    assertThat(List.of(FlexTemplateMain.launchArgs("grade", new String[] {"--waitForCompletion=true"})),
        org.hamcrest.Matchers.not(hasItem("--waitForCompletion=false")));
  }
}
