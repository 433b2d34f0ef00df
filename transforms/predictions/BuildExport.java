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
 * Phase 6: one JSON document per game date for the web page, {@code export/<date>.json}: the day's predictions by
 * game and player, one pick per market and system with its line, odds, predicted value, P(over), expected value and
 * call, and once graded the actual value and the result. Field names are stable (README, "Export"; docs/tables.md).
 */
public final class BuildExport extends PTransform<PCollection<PredictionGrade>, PCollection<KV<String, String>>> {
  public static final String FORMAT = "nba-props-export/v2";

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
          rows.sort(Comparator.comparing(PredictionGrade::getMarket).thenComparing(PredictionGrade::getSystemId));
          PredictionGrade first = rows.get(0);
          ObjectNode pn = players.addObject();
          pn.put("player_lookup", first.getPlayerLookup());
          pn.put("team_abbr", first.getTeamAbbr());
          pn.put("opponent_team_abbr", first.getOpponentTeamAbbr());
          ArrayNode picks = pn.putArray("picks");
          for (PredictionGrade g : rows) {
            ObjectNode r = picks.addObject();
            r.put("market", g.getMarket());
            r.put("system_id", g.getSystemId());
            put(r, "line", g.getLine(), 0);
            put(r, "odds", g.getOdds(), 0);
            r.put("predicted_value", round(g.getPredictedValue(), 10));
            put(r, "p_over", g.getPOver(), 1000);
            put(r, "market_p_over", g.getMarketPOver(), 1000);
            put(r, "expected_value", g.getExpectedValue(), 1000);
            r.put("recommendation", g.getRecommendation());
            put(r, "confidence", g.getConfidence(), 1000);
            if (g.getActualValue() == null) {
              r.putNull("actual");
            } else {
              r.put("actual", g.getActualValue());
            }
            r.put("outcome", g.getOutcome());
            put(r, "profit", g.getProfit(), 1000);
          }
        }
      }
      out.output(KV.of(day.getKey(), JSON.writeValueAsString(doc)));
    }

    /** A nullable figure, rounded to 1/{@code scale} (0: as is). */
    private static void put(ObjectNode o, String field, Double value, int scale) {
      if (value == null) {
        o.putNull(field);
      } else {
        o.put(field, scale == 0 ? value : round(value, scale));
      }
    }

    private static double round(double v, int scale) {
      return Math.round(v * scale) / (double) scale;
    }
  }
}
