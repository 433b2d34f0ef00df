package schemas;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;

/** The schema coder of a record class, for where Beam cannot infer one (empty, generic or multi-output collections). */
public final class SchemaCoders {
  private SchemaCoders() {}

  public static <T> Coder<T> of(Pipeline p, Class<T> type) {
    try {
      return p.getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(type + " has no schema", e);
    }
  }
}
