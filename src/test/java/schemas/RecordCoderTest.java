package schemas;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** A record's coder is decided in one place, its {@code @DefaultCoder}, and Beam's inference finds it everywhere. */
public class RecordCoderTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static ZoneGame zone(String player) {
    return ZoneGame.builder()
        .setPlayerLookup(player).setTeamAbbr("BOS").setDefendingTeamAbbr(null).setGameDate("2024-01-18").setSeason("2023-24")
        .setPaintFga(4).setPaintFgm(3).setMidRangeFga(2).setMidRangeFgm(1).setThreeFga(5).setThreeFgm(2)
        .build();
  }

  @Test
  public void inferenceFindsTheRecordCoderForRecordsAndKeyedRecords() {
    // No coder given and nothing registered: Create infers from the elements' class (AutoValue's subclass).
    PCollection<ZoneGame> created = p.apply(Create.of(zone("annexample"), zone("bobexample")));
    PCollection<ZoneGame> mapped =
        created.apply(MapElements.into(TypeDescriptor.of(ZoneGame.class)).via((ZoneGame z) -> z.toBuilder().setTeamAbbr("NYK").build()));
    PCollection<KV<String, ZoneGame>> keyed =
        mapped.apply(WithKeys.of(ZoneGame::getPlayerLookup).withKeyType(TypeDescriptors.strings()));

    assertThat(created.getCoder(), equalTo((Coder<ZoneGame>) RecordCoder.of(ZoneGame.class)));
    assertThat(mapped.getCoder(), equalTo((Coder<ZoneGame>) RecordCoder.of(ZoneGame.class)));
    assertThat(keyed.getCoder(), equalTo(KvCoder.of(StringUtf8Coder.of(), RecordCoder.of(ZoneGame.class))));
    PAssert.that(keyed).containsInAnyOrder(
        KV.of("annexample", zone("annexample").toBuilder().setTeamAbbr("NYK").build()),
        KV.of("bobexample", zone("bobexample").toBuilder().setTeamAbbr("NYK").build()));
    p.run().waitUntilFinish();
  }

  @Test
  public void encodesAsTheSchemaRowAndSerializesAsJustTheClass() throws Exception {
    RecordCoder<ZoneGame> coder = RecordCoder.of(ZoneGame.class);
    ZoneGame z = zone("annexample");
    byte[] bytes = CoderUtils.encodeToByteArray(coder, z);
    assertThat(bytes, equalTo(CoderUtils.encodeToByteArray(coder.schemaCoder(), z)));
    assertThat(CoderUtils.decodeFromByteArray(coder, bytes), equalTo(z));
    // The reason the coder exists: the DirectRunner serializes coders per bundle; a SchemaCoder is tens of kB.
    assertThat(SerializableUtils.serializeToByteArray(coder).length, lessThan(1_000));
    Coder<ZoneGame> copy = SerializableUtils.clone(coder);
    assertThat(CoderUtils.decodeFromByteArray(copy, bytes), equalTo(z));
  }

  @Test
  public void everyRecordClassDeclaresTheRecordCoder() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("schemas"))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
        String code = Files.readString(f);
        if (code.contains("\n@AutoValue\n") != code.contains("\n@DefaultCoder(RecordCoder.class)\n")) {
          missing.add(f.toString());
        }
        if (code.contains("\n@DefaultSchema(")) {
          missing.add(f + " (a @DefaultSchema would make Beam infer a SchemaCoder first)");
        }
      }
    }
    assertThat(missing, empty());
  }
}
