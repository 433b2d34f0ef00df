package pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.util.RowJson;
import org.apache.beam.sdk.util.RowJsonUtils;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import schemas.RecordCoder;
import schemas.TableSpec;
import schemas.Tables;

/** The same backfill three times into the same folder: the same rows each time, and no key twice in any table. */
public class RerunTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  /** Every table file of the folder: table/partition → content. */
  private static Map<String, String> tables(Path out) throws Exception {
    Map<String, String> files = new TreeMap<>();
    for (TableSpec<?> t : Tables.ALL) {
      Path dir = out.resolve(t.name());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> parts = Files.list(dir)) {
        for (Path p : (Iterable<Path>) parts.sorted()::iterator) {
          files.put(t.name() + "/" + p.getFileName(), Files.readString(p));
        }
      }
    }
    return files;
  }

  private static <T> void assertUniqueKeys(TableSpec<T> table, String content) {
    SchemaCoder<T> coder = RecordCoder.of(table.recordClass()).schemaCoder();
    var mapper = RowJsonUtils.newObjectMapperWith(RowJson.RowJsonDeserializer.forSchema(coder.getSchema()));
    Set<String> keys = new HashSet<>();
    for (String line : content.split("\n")) {
      T row = coder.getFromRowFunction().apply(RowJsonUtils.jsonToRow(mapper, line));
      String key = table.keyOf(row);
      assertThat(table.name() + ": key " + key + " twice", keys.add(key), equalTo(true));
    }
  }

  @Test
  public void threeRunsWriteIdenticalRowsAndNoDuplicateKey() throws Exception {
    Path out = TMP.newFolder("out").toPath();
    Map<String, String> first = null;
    for (int run = 1; run <= 3; run++) {
      assertThat("run " + run, Main.run(new String[] {"backfill", "--outputDir=" + out, "--demo=false"}), equalTo(0));
      Map<String, String> now = tables(out);
      if (first == null) {
        first = now;
        assertThat(now.size(), greaterThan(100));
      } else {
        assertThat("run " + run + " wrote the same partitions", now.keySet(), equalTo(first.keySet()));
        for (String f : first.keySet()) {
          assertThat("run " + run + ": " + f, now.get(f), equalTo(first.get(f)));
        }
      }
    }
    for (TableSpec<?> t : Tables.ALL) {
      for (Map.Entry<String, String> f : first.entrySet()) {
        if (f.getKey().startsWith(t.name() + "/")) {
          assertUniqueKeys(t, f.getValue());
        }
      }
    }
  }
}
