package pipelines;

import io.inputs.SampleLeague;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;

/** {@code generate-sample}: writes the sample league (the embedded default, or a bigger one) as input files. */
public final class GenerateSample {
  private GenerateSample() {}

  public interface Options extends PipelineOptions {
    @Description("Folder to write the input files into.")
    @Validation.Required
    String getOutputDir();

    void setOutputDir(String value);

    @Description("Seasons to generate; more than 0 writes a full 30-team league (benchmarks), 0 the embedded sample.")
    @Default.Integer(0)
    int getSeasons();

    void setSeasons(int value);
  }

  static int main(String[] args) {
    PipelineOptionsFactory.register(Options.class);
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    SampleLeague.Config config =
        options.getSeasons() > 0 ? SampleLeague.Config.fullLeague(options.getSeasons()) : SampleLeague.Config.embedded();
    try {
      SampleLeague.Summary s = SampleLeague.write(Path.of(options.getOutputDir()), config);
      System.out.println("wrote " + s + " to " + options.getOutputDir());
      return 0;
    } catch (IOException e) {
      System.err.println("error: cannot write the sample to " + options.getOutputDir() + ": " + e.getMessage());
      return 1;
    }
  }
}
