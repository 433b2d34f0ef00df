package transforms.daily;

import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * Inserted in place: an accumulator is always sorted and distinct (empty, merged, or built here), so a value is
   * a binary search and at most one array shift, whatever the key's size. (Compacting the list past a size made
   * every later value re-sort it once a key held more distinct values than that: a run of six seasons of dates.)
   */
  @Override
  public List<String> addInput(List<String> acc, String value) {
    int at = Collections.binarySearch(acc, value);
    if (at < 0) {
      acc.add(-at - 1, value);
    }
    return acc;
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
