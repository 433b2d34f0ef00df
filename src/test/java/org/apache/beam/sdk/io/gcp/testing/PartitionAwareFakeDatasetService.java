package org.apache.beam.sdk.io.gcp.testing;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Beam's {@link FakeDatasetService}, plus BigQuery's answer to {@code tables.get} on a partition decorator
 * ({@code table$YYYYMMDD}): the partition's row count and last-modified time (the fake answers "no such table").
 * Load times come from {@link PartitionTruncatingFakeJobService}.
 */
public class PartitionAwareFakeDatasetService extends FakeDatasetService {
  @Override
  public Table getTable(TableReference ref, @Nullable List<String> selectedFields, @Nullable TableMetadataView view)
      throws InterruptedException, IOException {
    String id = ref.getTableId();
    int dollar = id.indexOf('$');
    if (dollar < 0) {
      return super.getTable(ref, selectedFields, view);
    }
    String day = id.substring(dollar + 1);
    String date = day.substring(0, 4) + "-" + day.substring(4, 6) + "-" + day.substring(6, 8);
    synchronized (FakeDatasetService.class) {
      Map<String, TableContainer> dataset = tables.get(ref.getProjectId(), ref.getDatasetId());
      TableContainer table = dataset == null ? null : dataset.get(id.substring(0, dollar));
      if (table == null || table.getTable().getTimePartitioning() == null) {
        return null;
      }
      String field = table.getTable().getTimePartitioning().getField();
      long rows = table.getRows().stream().filter((TableRow r) -> date.equals(String.valueOf(r.get(field)))).count();
      Long loaded = PartitionTruncatingFakeJobService.LOADED_AT.get(PartitionTruncatingFakeJobService.partitionKey(ref));
      return new Table().setTableReference(ref).setNumRows(BigInteger.valueOf(rows))
          .setLastModifiedTime(loaded == null ? null : BigInteger.valueOf(loaded));
    }
  }
}
