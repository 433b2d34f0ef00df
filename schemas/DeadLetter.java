package schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Table {@code dead_letter}: an input row that could not be parsed or failed validation, with where it
 * came from and why. {@code line_number} is the physical line in the file (the header is line 1).
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class DeadLetter {
  @SchemaFieldNumber("0")
  @SchemaFieldName("source_file")
  public abstract String getSourceFile();

  @SchemaFieldNumber("1")
  @SchemaFieldName("line_number")
  public abstract long getLineNumber();

  @SchemaFieldNumber("2")
  @SchemaFieldName("raw_text")
  public abstract String getRawText();

  @SchemaFieldNumber("3")
  @SchemaFieldName("reason")
  public abstract String getReason();

  public static DeadLetter of(String sourceFile, long lineNumber, String rawText, String reason) {
    return builder().setSourceFile(sourceFile).setLineNumber(lineNumber).setRawText(rawText).setReason(reason).build();
  }

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_DeadLetter.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSourceFile(String v);

    public abstract Builder setLineNumber(long v);

    public abstract Builder setRawText(String v);

    public abstract Builder setReason(String v);

    public abstract DeadLetter build();
  }
}
