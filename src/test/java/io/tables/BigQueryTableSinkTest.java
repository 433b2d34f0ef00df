package io.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.io.gcp.testing.PartitionAwareFakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.PartitionTruncatingFakeJobService;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import pipelines.Main;
import schemas.BigQuerySchemas;
import schemas.MlFeatureStoreV2;
import schemas.PlayerGameSummary;
import schemas.SchemaCoders;
import schemas.TableSpec;
import schemas.Tables;

/**
 * The BigQuery sink against Beam's own BigQuery fakes: rows of a real sample backfill are loaded, a day is
 * rewritten, overlapping ranges are written, and what BigQuery holds is read back.
 */
public class BigQueryTableSinkTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final String PROJECT = "nba-test";
  private static final String D1 = "2024-11-21";
  private static final String D2 = "2024-11-22";
  private static final String D3 = "2024-11-23";
  private static NdjsonTableSource files;

  private FakeDatasetService datasets;
  private FakeBigQueryServices services;
  private BigQueryTableSink sink;

  @BeforeClass
  public static void sampleBackfill() throws Exception {
    Path out = TMP.newFolder("files").toPath();
    assertThat(Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false", "--startDate=" + D1, "--endDate=" + D3}), equalTo(0));
    files = new NdjsonTableSource(out.toString());
  }

  @Before
  public void fakes() throws Exception {
    FakeDatasetService.setUp();
    datasets = new PartitionAwareFakeDatasetService();
    for (BigQuerySchemas.Dataset d : BigQuerySchemas.Dataset.values()) {
      datasets.createDataset(PROJECT, d.defaultName, "", "", null);
    }
    services = new FakeBigQueryServices().withDatasetService(datasets).withJobService(new PartitionTruncatingFakeJobService());
    sink = new BigQueryTableSink(BigQueryDatasets.withDefaultNames(PROJECT), new NdjsonTableSink(TMP.newFolder().toString()), services);
  }

  private Pipeline pipeline() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setTempLocation(TMP.newFolder().toString());
    options.as(org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions.class).setBigQueryProject(PROJECT);
    Pipeline p = Pipeline.create(options);
    return p;
  }

  private static void run(Pipeline p) {
    assertThat(p.run().waitUntilFinish(), equalTo(PipelineResult.State.DONE));
  }

  private List<TableRow> bigQueryRows(TableSpec<?> table) throws Exception {
    return datasets.getAllRows(PROJECT, BigQuerySchemas.datasetOf(table).defaultName, table.name());
  }

  private static Map<String, Integer> perDate(List<TableRow> rows, String column) {
    Map<String, Integer> n = new TreeMap<>();
    rows.forEach(r -> n.merge(String.valueOf(r.get(column)), 1, Integer::sum));
    return n;
  }

  private static int fileRows(TableSpec<?> table, String date) throws Exception {
    Path f = Path.of(new NdjsonTableSink(filesDir()).tableDir(table.name()), date + NdjsonTableSink.EXTENSION);
    return Files.readAllLines(f).size();
  }

  private static String filesDir() {
    return TMP.getRoot().toPath().resolve("files").toString();
  }

  @Test
  public void aRerunReplacesItsDatesAndOverlappingRangesLeaveNoDuplicate() throws Exception {
    Pipeline first = pipeline();
    sink.write(files.read(first, "ReadSummaries", Tables.PLAYER_GAME_SUMMARY, List.of(D1, D2)), Tables.PLAYER_GAME_SUMMARY);
    sink.write(files.read(first, "ReadFeatures", Tables.ML_FEATURE_STORE_V2, List.of(D1, D2)), Tables.ML_FEATURE_STORE_V2);
    run(first);
    Map<String, Integer> expected = new TreeMap<>(Map.of(D1, fileRows(Tables.PLAYER_GAME_SUMMARY, D1), D2, fileRows(Tables.PLAYER_GAME_SUMMARY, D2)));
    assertThat(perDate(bigQueryRows(Tables.PLAYER_GAME_SUMMARY), "game_date"), equalTo(expected));

    // The second range overlaps on D2, and D2 lost a player since: BigQuery must hold exactly the new D2.
    List<TableRow> before = bigQueryRows(Tables.PLAYER_GAME_SUMMARY);
    String dropped = String.valueOf(before.stream().filter(r -> D2.equals(r.get("game_date"))).findFirst().get().get("player_lookup"));
    Pipeline second = pipeline();
    PCollection<PlayerGameSummary> summaries = files.read(second, "ReadSummaries", Tables.PLAYER_GAME_SUMMARY, List.of(D2, D3))
        .apply("DropOnePlayer", Filter.by((PlayerGameSummary s) -> !s.getPlayerLookup().equals(dropped)));
    sink.write(summaries, Tables.PLAYER_GAME_SUMMARY);
    sink.write(files.read(second, "ReadFeatures", Tables.ML_FEATURE_STORE_V2, List.of(D2, D3)), Tables.ML_FEATURE_STORE_V2);
    run(second);

    List<TableRow> after = bigQueryRows(Tables.PLAYER_GAME_SUMMARY);
    expected.put(D2, fileRows(Tables.PLAYER_GAME_SUMMARY, D2) - 1);
    expected.put(D3, fileRows(Tables.PLAYER_GAME_SUMMARY, D3));
    assertThat(perDate(after, "game_date"), equalTo(expected));
    assertNoDuplicateKey(after, "game_date");
    assertThat(after.stream().anyMatch(r -> D2.equals(r.get("game_date")) && dropped.equals(r.get("player_lookup"))), equalTo(false));

    List<TableRow> features = bigQueryRows(Tables.ML_FEATURE_STORE_V2);
    assertThat(perDate(features, "game_date"), equalTo(Map.of(
        D1, fileRows(Tables.ML_FEATURE_STORE_V2, D1), D2, fileRows(Tables.ML_FEATURE_STORE_V2, D2),
        D3, fileRows(Tables.ML_FEATURE_STORE_V2, D3))));
    assertNoDuplicateKey(features, "game_date");
    // A repeated column arrives whole.
    assertThat((long) ((List<?>) features.get(0).get("features")).size(), equalTo(Long.parseLong(String.valueOf(features.get(0).get("feature_count")))));

    // What was asked of BigQuery: one WRITE_TRUNCATE load per date partition, into a day-partitioned table
    // clustered on player_lookup whose date column is a DATE.
    Set<String> destinations = new HashSet<>();
    for (Job job : new FakeJobService().getAllJobs()) {
      JobConfigurationLoad load = job.getConfiguration().getLoad();
      if (load == null) {
        continue;
      }
      destinations.add(load.getDestinationTable().getTableId());
      assertThat(load.getWriteDisposition(), equalTo("WRITE_TRUNCATE"));
    }
    assertThat(destinations, hasItem("player_game_summary$20241122"));
    assertThat(destinations, hasItem("ml_feature_store_v2$20241123"));
    Table table = datasets.getTable(new TableReference().setProjectId(PROJECT).setDatasetId("nba_analytics").setTableId("player_game_summary"));
    assertThat(table.getTimePartitioning().getField(), equalTo("game_date"));
    assertThat(table.getTimePartitioning().getType(), equalTo("DAY"));
    assertThat(table.getClustering().getFields(), equalTo(List.of("player_lookup")));
    assertThat(table.getSchema().getFields().stream().filter(f -> f.getName().equals("game_date")).findFirst().get().getType(),
        equalTo("DATE"));
  }

  private static void assertNoDuplicateKey(List<TableRow> rows, String dateColumn) {
    Set<String> keys = new HashSet<>();
    for (TableRow r : rows) {
      String key = r.get("player_lookup") + "|" + r.get(dateColumn);
      assertThat("duplicate " + key, keys.add(key), equalTo(true));
    }
  }

  @Test
  public void rowsBigQueryWouldRefuseGoToTheDeadLetterTableAndTheOthersLoad() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(new NdjsonTableSink(filesDir()).tableDir("ml_feature_store_v2"), D2 + ".json"));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    String nan = json.readTree(lines.get(0)).get("player_lookup").asText();
    String ancient = json.readTree(lines.get(1)).get("player_lookup").asText();
    Pipeline p = pipeline();
    PCollection<MlFeatureStoreV2> rows = files.read(p, "ReadFeatures", Tables.ML_FEATURE_STORE_V2, List.of(D2))
        .apply("SpoilTwoRows", org.apache.beam.sdk.transforms.MapElements.into(
                org.apache.beam.sdk.values.TypeDescriptor.of(MlFeatureStoreV2.class))
            .via((MlFeatureStoreV2 r) -> {
              if (r.getPlayerLookup().equals(nan)) {
                List<Double> f = new ArrayList<>(r.getFeatures());
                f.set(3, Double.NaN);
                return r.toBuilder().setFeatures(f).build();
              }
              return r.getPlayerLookup().equals(ancient) ? r.toBuilder().setGameDate("1900-01-02").build() : r;
            }))
        .setCoder(SchemaCoders.of(MlFeatureStoreV2.class));
    sink.write(rows, Tables.ML_FEATURE_STORE_V2);
    run(p);

    List<TableRow> dead0 = datasets.getAllRows(PROJECT, "nba_analytics", "dead_letter__bigquery_ml_feature_store_v2");
    assertThat(dead0.toString(), bigQueryRows(Tables.ML_FEATURE_STORE_V2).size(), equalTo(lines.size() - 2));
    List<TableRow> dead = datasets.getAllRows(PROJECT, "nba_analytics", "dead_letter__bigquery_ml_feature_store_v2");
    assertThat(dead.toString(), dead.size(), equalTo(2));
    Map<String, String> reasons = new HashMap<>();
    dead.forEach(r -> reasons.put(String.valueOf(r.get("reason")), String.valueOf(r.get("raw_text"))));
    assertThat(reasons.keySet(), hasItem("column features holds NaN: stored numbers are finite (a NaN poisons every aggregate over it)"));
    assertThat(reasons.keySet(), hasItem("game_date 1900-01-02 is outside BigQuery's partition range 1960-01-01..2159-12-31"));
    assertThat("the row itself is kept", reasons.get("column features holds NaN: stored numbers are finite (a NaN poisons every aggregate over it)"), containsString(nan));
  }

  @Test
  public void everyTableHasItsBqMkSchemaFileAndAPartitionAndClusteringBigQueryAccepts() throws Exception {
    for (TableSpec<?> table : Tables.ALL) {
      Path file = BigQuerySchemas.jsonFile(Path.of("schemas", "bigquery"), table);
      assertThat(table.name() + ": regenerate with schemas.BigQuerySchemas", Files.exists(file), equalTo(true));
      assertThat(table.name() + ": regenerate with schemas.BigQuerySchemas", Files.readString(file), equalTo(BigQuerySchemas.json(table)));
      assertThat(BigQuerySchemas.clustering(table).getFields().size(), equalTo(1));
      if (table.isDatePartitioned()) {
        String type = null;
        for (com.fasterxml.jackson.databind.JsonNode f : new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file))) {
          type = f.get("name").asText().equals(table.partitionColumn()) ? f.get("type").asText() : type;
        }
        assertThat(table.name(), type, equalTo("DATE"));
      } else {
        assertThat(BigQuerySchemas.timePartitioning(table), nullValue());
      }
    }
    assertThat(BigQueryTableSink.destinationOf("p:d.dead_letter", Tables.DEAD_LETTER, "player_props_snapshots_20241129.csv"),
        equalTo("p:d.dead_letter__player_props_snapshots_20241129_csv"));
    assertThat(Tables.ALL.size(), greaterThan(10));
    assertThat(BigQuerySchemas.datasetOf(Tables.GRADING_SUMMARY), not(equalTo(BigQuerySchemas.datasetOf(Tables.PLAYER_DAILY_CACHE))));
  }

  @Test
  public void aPersistedUpstreamIsReadBackFromBigQueryWithItsPartitionsWriteTimes() throws Exception {
    long before = System.currentTimeMillis();
    Pipeline write = pipeline();
    sink.write(files.read(write, "ReadCache", Tables.PLAYER_DAILY_CACHE, List.of(D1, D2)), Tables.PLAYER_DAILY_CACHE);
    run(write);

    Pipeline readBack = pipeline();
    BigQueryTableSource source = new BigQueryTableSource(BigQueryDatasets.withDefaultNames(PROJECT),
        readBack.getOptions().as(org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions.class), services);
    Map<String, Long> partitions = source.partitionsIn(Tables.PLAYER_DAILY_CACHE, D1, D3);
    assertThat("D3 was never written", partitions.keySet(), equalTo(Set.of(D1, D2)));
    for (long at : partitions.values()) {
      assertThat(at >= before, equalTo(true));
    }
    // Beam's fake cannot run the export itself (its extract job writes the loaded JSON's strings into Avro
    // longs), so the rows BigQuery holds are fed to the read's conversion directly.
    List<TableRow> stored = bigQueryRows(Tables.PLAYER_DAILY_CACHE);
    PCollection<String> keys = readBack
        .apply(org.apache.beam.sdk.transforms.Create.of(stored).withCoder(org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder.of()))
        .apply(ParDo.of(BigQueryTableSource.toRecords(Tables.PLAYER_DAILY_CACHE, List.of(D2))))
        .setCoder(SchemaCoders.of(schemas.PlayerDailyCache.class))
        .apply(org.apache.beam.sdk.transforms.MapElements.into(org.apache.beam.sdk.values.TypeDescriptors.strings())
            .via((schemas.PlayerDailyCache c) -> c.getPlayerLookup() + "|" + c.getCacheDate() + "|" + c.getGamesPlayedSeason()));
    List<String> expected = new ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : Files.readAllLines(Path.of(new NdjsonTableSink(filesDir()).tableDir("player_daily_cache"), D2 + ".json"))) {
      com.fasterxml.jackson.databind.JsonNode r = json.readTree(line);
      expected.add(r.get("player_lookup").asText() + "|" + r.get("cache_date").asText() + "|" + r.get("games_played_season").asText());
    }
    org.apache.beam.sdk.testing.PAssert.that(keys).containsInAnyOrder(expected);
    run(readBack);
  }
}
