package schemas;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table's BigQuery shape, derived from its record class (the one schema of the table): columns and modes
 * from the Beam schema, the partition column as DATE (records carry ISO date strings, which BigQuery loads
 * into DATE), day partitioning on it, clustering on the table's leading key column, and its dataset by phase.
 * {@code schemas/bigquery/<table>.json} is the same schema for {@code bq mk}; {@link #main} regenerates it and a
 * test fails when it drifts.
 */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  /** The three datasets, one per phase, and the option each one's name comes from. */
  public enum Dataset {
    ANALYTICS("nba_analytics"),
    PRECOMPUTE("nba_precompute"),
    PREDICTIONS("nba_predictions");

    public final String defaultName;

    Dataset(String defaultName) {
      this.defaultName = defaultName;
    }
  }

  /** Columns tried in order for clustering: the first one a table has is its leading key column. */
  private static final List<String> CLUSTER_CANDIDATES = List.of("player_lookup", "team_abbr", "system_id", "source_file");

  public static Dataset datasetOf(TableSpec<?> table) {
    if (Tables.ANALYTICS.contains(table)) {
      return Dataset.ANALYTICS;
    }
    if (Tables.PREDICTIONS.contains(table)) {
      return Dataset.PREDICTIONS;
    }
    return Dataset.PRECOMPUTE;
  }

  public static Schema beamSchema(TableSpec<?> table) {
    return RecordCoder.of(table.recordClass()).schemaCoder().getSchema();
  }

  public static TableSchema tableSchema(TableSpec<?> table) {
    TableSchema schema = BigQueryUtils.toTableSchema(beamSchema(table));
    if (table.isDatePartitioned()) {
      for (TableFieldSchema f : schema.getFields()) {
        if (f.getName().equals(table.partitionColumn())) {
          f.setType("DATE");
        }
      }
    }
    for (TableFieldSchema f : schema.getFields()) {
      if (f.getMode() == null) {
        f.setMode("NULLABLE");
      }
    }
    return schema;
  }

  /** Day partitioning on the table's date column; null for a table partitioned on another column. */
  public static @Nullable TimePartitioning timePartitioning(TableSpec<?> table) {
    return table.isDatePartitioned() ? new TimePartitioning().setType("DAY").setField(table.partitionColumn()) : null;
  }

  public static Clustering clustering(TableSpec<?> table) {
    List<String> names = beamSchema(table).getFieldNames();
    for (String c : CLUSTER_CANDIDATES) {
      if (names.contains(c)) {
        return new Clustering().setFields(List.of(c));
      }
    }
    throw new IllegalStateException(table.name() + " has none of the clustering columns " + CLUSTER_CANDIDATES);
  }

  /** The {@code bq mk --schema} file of a table: its columns as BigQuery's JSON list of fields. */
  public static String json(TableSpec<?> table) {
    List<Map<String, Object>> fields = fieldsJson(tableSchema(table).getFields());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A repeated record (a line per market) lists its own fields, as {@code bq mk} needs them. */
  private static List<Map<String, Object>> fieldsJson(List<TableFieldSchema> schema) {
    List<Map<String, Object>> fields = new ArrayList<>();
    for (TableFieldSchema f : schema) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", f.getName());
      field.put("type", f.getType());
      field.put("mode", f.getMode() == null ? "NULLABLE" : f.getMode());
      if (f.getFields() != null && !f.getFields().isEmpty()) {
        field.put("fields", fieldsJson(f.getFields()));
      }
      fields.add(field);
    }
    return fields;
  }

  public static Path jsonFile(Path dir, TableSpec<?> table) {
    return dir.resolve(table.name() + ".json");
  }

  /**
   * The {@code bq mk} commands creating every dataset and table with its partitioning and clustering (the sink
   * would create a missing table on its first load; creating them first gives them their schema before any row).
   */
  public static List<String> bqMk(String project, String schemaDir) {
    List<String> out = new ArrayList<>();
    for (Dataset d : Dataset.values()) {
      out.add("bq --project_id=" + project + " mk --dataset --force " + project + ":" + d.defaultName);
    }
    for (TableSpec<?> t : Tables.ALL) {
      if (!t.isDatePartitioned()) {
        continue; // written as one table per partition value (<table>__<value>), each created by its load
      }
      StringBuilder c = new StringBuilder("bq --project_id=" + project + " mk --table --force");
      c.append(" --time_partitioning_type=DAY --time_partitioning_field=").append(t.partitionColumn());
      c.append(" --clustering_fields=").append(clustering(t).getFields().get(0));
      c.append(' ').append(project).append(':').append(datasetOf(t).defaultName).append('.').append(t.name());
      c.append(' ').append(schemaDir).append('/').append(t.name()).append(".json");
      out.add(c.toString());
    }
    return out;
  }

  /**
   * Writes {@code <dir>/<table>.json} for every table (default dir: schemas/bigquery); with
   * {@code --bq-mk=PROJECT}, prints the commands creating the datasets and tables instead.
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].startsWith("--bq-mk=")) {
      bqMk(args[0].substring("--bq-mk=".length()), args.length > 1 ? args[1] : "schemas/bigquery").forEach(System.out::println);
      return;
    }
    Path dir = Path.of(args.length > 0 ? args[0] : "schemas/bigquery");
    Files.createDirectories(dir);
    for (TableSpec<?> table : Tables.ALL) {
      Files.writeString(jsonFile(dir, table), json(table));
    }
    System.out.println("wrote " + Tables.ALL.size() + " schema files to " + dir);
  }
}
