package transforms.predictions;

import transforms.daily.GroupByDate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import schemas.PredictionGrade;

/**
 * Phase 6: one JSON document per game date for the web page, {@code export/<date>.json}: the day's
 * predictions by game and, once graded, their results. Field names are stable (README, "Export").
 */
public final class BuildExport extends PTransform<PCollection<PredictionGrade>, PCollection<KV<String, String>>> {
  public static final String FORMAT = "nba-props-export/v1";

  @Override
  public PCollection<KV<String, String>> expand(PCollection<PredictionGrade> rows) {
    return rows.apply("ExportDays", GroupByDate.of(PredictionGrade::getGameDate))
        .apply("ExportDocument", ParDo.of(new DocumentFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  static final class DocumentFn extends DoFn<KV<String, Iterable<PredictionGrade>>, KV<String, String>> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ProcessElement
    public void process(@Element KV<String, Iterable<PredictionGrade>> day, OutputReceiver<KV<String, String>> out)
        throws Exception {
      // game ("AAA-BBB", teams in alphabetical order) → player → that player's rows
      Map<String, Map<String, List<PredictionGrade>>> games = new TreeMap<>();
      boolean graded = false;
      for (PredictionGrade g : day.getValue()) {
        String a = g.getTeamAbbr();
        String b = g.getOpponentTeamAbbr();
        String game = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
        games.computeIfAbsent(game, k -> new TreeMap<>()).computeIfAbsent(g.getPlayerLookup(), k -> new ArrayList<>()).add(g);
        graded |= !g.getOutcome().equals("PENDING");
      }
      ObjectNode doc = JSON.createObjectNode();
      doc.put("format", FORMAT);
      doc.put("game_date", day.getKey());
      doc.put("graded", graded);
      ArrayNode gameList = doc.putArray("games");
      for (Map.Entry<String, Map<String, List<PredictionGrade>>> game : games.entrySet()) {
        ObjectNode gn = gameList.addObject();
        gn.put("game", game.getKey());
        ArrayNode players = gn.putArray("players");
        for (List<PredictionGrade> rows : game.getValue().values()) {
          rows.sort(Comparator.comparing(PredictionGrade::getSystemId));
          PredictionGrade first = rows.get(0);
          ObjectNode pn = players.addObject();
          pn.put("player_lookup", first.getPlayerLookup());
          pn.put("team_abbr", first.getTeamAbbr());
          pn.put("opponent_team_abbr", first.getOpponentTeamAbbr());
          if (first.getLine() == null) {
            pn.putNull("line");
          } else {
            pn.put("line", first.getLine());
          }
          if (first.getActualPoints() == null) {
            pn.putNull("actual_points");
          } else {
            pn.put("actual_points", first.getActualPoints());
          }
          ArrayNode preds = pn.putArray("predictions");
          for (PredictionGrade g : rows) {
            ObjectNode r = preds.addObject();
            r.put("system_id", g.getSystemId());
            r.put("predicted_points", Math.round(g.getPredictedPoints() * 10) / 10.0);
            r.put("recommendation", g.getRecommendation());
            r.put("confidence", Math.round(g.getConfidence() * 1000) / 1000.0);
            r.put("outcome", g.getOutcome());
          }
        }
      }
      out.output(KV.of(day.getKey(), JSON.writeValueAsString(doc)));
    }
  }
}
