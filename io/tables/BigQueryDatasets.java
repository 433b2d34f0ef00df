package io.tables;

import com.google.api.services.bigquery.model.TableReference;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.BigQuerySchemas;
import schemas.TableSpec;

/** Where the tables live in BigQuery: a project and one dataset per phase. Sink and source both address tables here. */
public final class BigQueryDatasets implements Serializable {
  private final String project;
  private final EnumMap<BigQuerySchemas.Dataset, String> names;

  public BigQueryDatasets(String project, Map<BigQuerySchemas.Dataset, String> names) {
    this.project = project;
    this.names = new EnumMap<>(names);
  }

  /** The default dataset names (nba_analytics, nba_precompute, nba_predictions). */
  public static BigQueryDatasets withDefaultNames(String project) {
    Map<BigQuerySchemas.Dataset, String> m = new EnumMap<>(BigQuerySchemas.Dataset.class);
    for (BigQuerySchemas.Dataset d : BigQuerySchemas.Dataset.values()) {
      m.put(d, d.defaultName);
    }
    return new BigQueryDatasets(project, m);
  }

  /** The table, or with a date its partition ({@code table$YYYYMMDD}). */
  public TableReference reference(TableSpec<?> table, @Nullable String date) {
    String id = table.name() + (date == null ? "" : "$" + date.replace("-", ""));
    return new TableReference().setProjectId(project).setDatasetId(names.get(BigQuerySchemas.datasetOf(table))).setTableId(id);
  }

  /** {@code project:dataset.table}. */
  public String spec(TableSpec<?> table) {
    return BigQueryHelpers.toTableSpec(reference(table, null));
  }
}
