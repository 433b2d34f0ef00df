package transforms.daily;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A key's strings, sorted and each once, as one list: a Distinct whose shuffle has one key per group (a feed, a
 * month) instead of one per value, for sets of a few hundred dates. Partial lists are compacted the same way, so
 * what a runner keeps or shuffles between the steps of the combine stays that small.
 */
public final class SortedDistinct extends Combine.CombineFn<String, List<String>, List<String>> {
  @Override
  public List<String> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public List<String> addInput(List<String> acc, String value) {
    acc.add(value);
    return acc.size() > 1024 ? compact(acc) : acc;
  }

  @Override
  public List<String> mergeAccumulators(Iterable<List<String>> accs) {
    List<String> all = new ArrayList<>();
    accs.forEach(all::addAll);
    return compact(all);
  }

  @Override
  public List<String> compact(List<String> acc) {
    return new ArrayList<>(new TreeSet<>(acc));
  }

  @Override
  public List<String> extractOutput(List<String> acc) {
    return compact(acc);
  }
}
