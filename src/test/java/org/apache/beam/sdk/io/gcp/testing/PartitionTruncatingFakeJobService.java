package org.apache.beam.sdk.io.gcp.testing;

import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.util.Map;

/**
 * Beam's {@link FakeJobService}, plus the one BigQuery behaviour it lacks: a load job into a partition decorator
 * ({@code table$YYYYMMDD}) with WRITE_TRUNCATE replaces that partition's rows (the fake appends them). Everything
 * else — job lifecycle, load files, table creation, rows — is Beam's fake unchanged. It lives in the fake's
 * package because the fake keeps its tables in package-private state.
 */
public class PartitionTruncatingFakeJobService extends FakeJobService {
  /** When each partition ({@code project:dataset.table$YYYYMMDD}) was last loaded: BigQuery's partition metadata. */
  static final Map<String, Long> LOADED_AT = new java.util.concurrent.ConcurrentHashMap<>();

  static String partitionKey(TableReference ref) {
    return ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId();
  }

  @Override
  public void startLoadJob(JobReference jobRef, JobConfigurationLoad load) throws IOException {
    TableReference dest = load.getDestinationTable();
    String id = dest.getTableId();
    int dollar = id.indexOf('$');
    if (dollar > 0) {
      LOADED_AT.put(partitionKey(dest), System.currentTimeMillis());
    }
    if ("WRITE_TRUNCATE".equals(load.getWriteDisposition()) && dollar > 0) {
      String day = id.substring(dollar + 1);
      String date = day.substring(0, 4) + "-" + day.substring(4, 6) + "-" + day.substring(6, 8);
      synchronized (FakeDatasetService.class) {
        Map<String, TableContainer> dataset = FakeDatasetService.tables.get(dest.getProjectId(), dest.getDatasetId());
        TableContainer table = dataset == null ? null : dataset.get(id.substring(0, dollar));
        if (table != null && table.getTable().getTimePartitioning() != null) {
          String field = table.getTable().getTimePartitioning().getField();
          table.rows.removeIf((TableRow r) -> date.equals(String.valueOf(r.get(field))));
        }
      }
    }
    super.startLoadJob(jobRef, load);
  }
}
