package pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemas.MlFeatureStoreV2;

/**
 * The same-day ↔ backfill comparison of one date's feature rows: for every player in both universes, every
 * column but {@link MlFeatureStoreV2#RUN_FIELDS} must be equal.
 */
final class Parity {
  final int sameDayRows;
  final int backfillRows;
  final Set<String> common = new TreeSet<>();
  final Set<String> onlyBackfill = new TreeSet<>();
  /**
   * Players both runs have but for different games: the morning placed them on their latest team and they
   * played for another (a trade the box scores did not show yet). Not the same (player, game): not compared,
   * but reported.
   */
  final Set<String> otherGame = new TreeSet<>();
  /** "player column: same-day value vs backfill value", one per differing column. */
  final List<String> mismatches = new ArrayList<>();

  private Parity(Map<String, JsonNode> sameDay, Map<String, JsonNode> backfill) {
    sameDayRows = sameDay.size();
    backfillRows = backfill.size();
    for (Map.Entry<String, JsonNode> b : backfill.entrySet()) {
      JsonNode s = sameDay.get(b.getKey());
      if (s == null) {
        onlyBackfill.add(b.getKey());
        continue;
      }
      if (!s.get("team_abbr").equals(b.getValue().get("team_abbr"))
          || !s.get("opponent_team_abbr").equals(b.getValue().get("opponent_team_abbr"))) {
        otherGame.add(b.getKey() + " (" + s.get("team_abbr").asText() + " vs " + b.getValue().get("team_abbr").asText() + ")");
        continue;
      }
      common.add(b.getKey());
      for (Iterator<String> names = b.getValue().fieldNames(); names.hasNext(); ) {
        String column = names.next();
        if (!MlFeatureStoreV2.RUN_FIELDS.contains(column) && !b.getValue().get(column).equals(s.get(column))) {
          mismatches.add(b.getKey() + " " + column + ": " + s.get(column) + " vs " + b.getValue().get(column));
        }
      }
    }
  }

  static Parity of(Path sameDayPartition, Path backfillPartition) throws Exception {
    return new Parity(FeaturesTest.byPlayer(sameDayPartition), FeaturesTest.byPlayer(backfillPartition));
  }

  /** Share of the players who played that the morning's universe expected. */
  double coverage() {
    return backfillRows == 0 ? 1 : (double) common.size() / backfillRows;
  }

  @Override
  public String toString() {
    return String.format(
        "same-day %d rows, backfill %d, same player and game in both %d (coverage %.1f%%), placed on another team %d, "
            + "mismatched columns %d",
        sameDayRows, backfillRows, common.size(), 100 * coverage(), otherGame.size(), mismatches.size());
  }
}
