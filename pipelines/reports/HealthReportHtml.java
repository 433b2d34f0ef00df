package pipelines.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * health_report.html: one self-contained page (no network: styles, charts and script are inline). The charts
 * are SVG drawn here, one bar per date; a few lines of script sort the date table and mark the page ready.
 */
public final class HealthReportHtml {
  private HealthReportHtml() {}

  public static String render(JsonNode r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Health report: ").append(esc(r.get("pipeline").asText())).append("</title>\n<style>")
        .append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
        .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
        .append("th{background:#f3f3f3;cursor:pointer}td.l,th.l{text-align:left}.error{color:#b00020;font-weight:600}")
        .append(".warning{color:#a15c00}.ok{color:#1b7a2f;font-weight:600}.tiles{display:flex;gap:12px;flex-wrap:wrap}")
        .append(".tile{border:1px solid #ddd;border-radius:6px;padding:8px 12px}.tile b{display:block;font-size:18px}")
        .append("svg.chart{display:block;margin:6px 0 18px}</style></head>\n<body data-ready=\"0\" data-errors=\"0\">\n");
    h.append("<h1>Health report: <code>").append(esc(r.get("pipeline").asText())).append("</code></h1>\n<p>Generated ")
        .append(esc(r.get("generated_at").asText())).append(".</p>\n");

    JsonNode t = r.get("totals");
    h.append("<div class=\"tiles\">");
    tile(h, "dates", t.get("dates").asText());
    tile(h, "expected players (universe)", t.get("universe").asText());
    tile(h, "feature rows", t.get("feature_rows").asText());
    tile(h, "players predicted", t.get("players_predicted").asText());
    tile(h, "data loss", pct(t.get("data_loss_rate").asDouble()));
    tile(h, "cache-miss fallback", pct(t.get("cache_miss_rate").asDouble()));
    tile(h, "quality-ready", pct(t.get("quality_ready_share").asDouble()));
    tile(h, "avg quality score", String.format(Locale.ROOT, "%.1f", t.get("feature_quality_score_avg").asDouble()));
    tile(h, "line coverage", pct(t.get("line_coverage")));
    h.append("</div>\n");

    h.append("<h2>Thresholds crossed</h2>\n");
    if (r.get("breaches").isEmpty()) {
      h.append("<p class=\"ok\">None.</p>\n");
    } else {
      h.append("<table><tr><th class=\"l\">level</th><th class=\"l\">where</th><th class=\"l\">check</th><th>value</th>")
          .append("<th>threshold</th><th class=\"l\">what</th></tr>\n");
      for (JsonNode b : r.get("breaches")) {
        h.append("<tr><td class=\"l ").append(esc(b.get("level").asText())).append("\">").append(esc(b.get("level").asText()))
            .append("</td><td class=\"l\">").append(esc(b.get("scope").asText())).append("</td><td class=\"l\">")
            .append(esc(b.get("check").asText())).append("</td><td>").append(esc(b.get("value").asText())).append("</td><td>")
            .append(esc(b.get("threshold").asText())).append("</td><td class=\"l\">").append(esc(b.get("message").asText()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    List<JsonNode> dates = new ArrayList<>();
    r.get("dates").forEach(dates::add);
    h.append("<h2>By date</h2>\n");
    chart(h, "Feature rows per expected player", dates, d -> d.get("universe").asInt() == 0 ? 0
        : d.get("feature_rows").asDouble() / d.get("universe").asInt());
    chart(h, "Quality-ready share", dates, d -> d.get("quality_ready_share").asDouble());
    chart(h, "Cache-miss fallback rate", dates, d -> d.get("cache_miss_rate").asDouble());
    chart(h, "Line coverage of bettable players", dates, d -> d.get("line_coverage").isNull() ? Double.NaN : d.get("line_coverage").asDouble());

    h.append("<table id=\"dates\"><thead><tr><th class=\"l\">date</th><th>universe</th><th>feature rows</th><th>predicted</th>")
        .append("<th>data loss</th><th>cache miss</th><th>quality-ready</th><th>avg score</th><th>bettable</th>")
        .append("<th>line coverage</th><th>played</th><th>played, not expected</th><th>expected, did not play</th></tr></thead><tbody>\n");
    for (JsonNode d : dates) {
      h.append("<tr><td class=\"l\">").append(esc(d.get("date").asText())).append("</td>");
      for (String c : List.of("universe", "feature_rows", "players_predicted")) {
        h.append("<td>").append(d.get(c).asText()).append("</td>");
      }
      h.append("<td>").append(pct(d.get("data_loss_rate").asDouble())).append("</td><td>").append(pct(d.get("cache_miss_rate").asDouble()))
          .append("</td><td>").append(pct(d.get("quality_ready_share").asDouble())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", d.get("feature_quality_score_avg").asDouble())).append("</td><td>")
          .append(d.get("bettable_players").asText()).append("</td><td>").append(pct(d.get("line_coverage")))
          .append("</td><td>").append(d.get("played").asText()).append("</td><td>").append(d.get("played_not_in_universe").size())
          .append("</td><td>").append(d.get("universe_not_played").asText()).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Required features that fell back to defaults</h2>\n");
    JsonNode defaults = t.get("required_defaults_by_feature");
    if (defaults.isEmpty()) {
      h.append("<p class=\"ok\">None.</p>\n");
    } else {
      hbars(h, defaults);
    }

    h.append("<h2>Dead letters by reason</h2>\n");
    if (r.get("dead_letters").isEmpty()) {
      h.append("<p class=\"ok\">None.</p>\n");
    } else {
      h.append("<table><tr><th class=\"l\">source</th><th class=\"l\">reason</th><th>rows</th></tr>\n");
      for (Iterator<Map.Entry<String, JsonNode>> s = r.get("dead_letters").fields(); s.hasNext(); ) {
        Map.Entry<String, JsonNode> source = s.next();
        for (Iterator<Map.Entry<String, JsonNode>> it = source.getValue().fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> reason = it.next();
          h.append("<tr><td class=\"l\">").append(esc(source.getKey())).append("</td><td class=\"l\">").append(esc(reason.getKey()))
              .append("</td><td>").append(reason.getValue().asText()).append("</td></tr>\n");
        }
      }
      h.append("</table>\n");
    }

    h.append("<h2>Inputs</h2>\n<table><tr><th class=\"l\">input</th><th>rows read</th><th>dead-lettered</th><th>rate</th>")
        .append("<th class=\"l\">newest data</th><th class=\"l\">file modified</th></tr>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = r.get("inputs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> in = it.next();
      JsonNode v = in.getValue();
      h.append("<tr><td class=\"l\">").append(esc(in.getKey())).append("</td><td>").append(v.get("rows_read").asText())
          .append("</td><td>").append(v.get("rows_dead_lettered").asText()).append("</td><td>")
          .append(pct(v.get("dead_letter_rate").asDouble())).append("</td><td class=\"l\">").append(esc(v.path("newest_data").asText("")))
          .append("</td><td class=\"l\">").append(esc(v.path("file_modified").asText(""))).append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<script>\n")
        .append("window.addEventListener('error',function(){var b=document.body;b.dataset.errors=String(Number(b.dataset.errors)+1);});\n")
        .append("document.querySelectorAll('#dates th').forEach(function(th,i){th.addEventListener('click',function(){\n")
        .append("  var body=document.querySelector('#dates tbody');var rows=Array.prototype.slice.call(body.rows);\n")
        .append("  var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';\n")
        .append("  rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;\n")
        .append("    var nx=parseFloat(x),ny=parseFloat(y);var c=isNaN(nx)||isNaN(ny)?x.localeCompare(y):nx-ny;return asc?c:-c;});\n")
        .append("  rows.forEach(function(r){body.appendChild(r);});});});\n")
        .append("document.body.dataset.charts=String(document.querySelectorAll('svg.chart').length);\n")
        .append("document.body.dataset.ready='1';\n</script>\n</body></html>\n");
    return h.toString();
  }

  private interface Value {
    double of(JsonNode date);
  }

  /** One bar per date, 0–100%, each bar titled with its date and value. */
  private static void chart(StringBuilder h, String title, List<JsonNode> dates, Value value) {
    int width = 760, height = 150, left = 40, top = 18, plot = height - top - 22;
    double bar = dates.isEmpty() ? 0 : (width - left - 10) / (double) dates.size();
    h.append("<svg class=\"chart\" role=\"img\" aria-label=\"").append(esc(title)).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">")
        .append("<text x=\"0\" y=\"12\" font-size=\"12\" font-weight=\"600\">").append(esc(title)).append("</text>");
    for (int pctLine : new int[] {0, 50, 100}) {
      double y = top + plot - plot * pctLine / 100.0;
      h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, width - 10, y, y))
          .append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%.1f\" font-size=\"10\">%d%%</text>", y + 3, pctLine));
    }
    for (int i = 0; i < dates.size(); i++) {
      double raw = value.of(dates.get(i));
      if (Double.isNaN(raw)) {
        continue; // nothing to measure that date
      }
      double v = Math.max(0, Math.min(1, raw));
      double barHeight = plot * v;
      h.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
          left + i * bar, top + plot - barHeight, Math.max(0.8, bar - 1), barHeight, "#3b6fb6",
          esc(dates.get(i).get("date").asText()), pct(v)));
    }
    if (!dates.isEmpty()) {
      h.append("<text x=\"").append(left).append("\" y=\"").append(height - 4).append("\" font-size=\"10\">")
          .append(esc(dates.get(0).get("date").asText())).append("</text><text x=\"").append(width - 10)
          .append("\" y=\"").append(height - 4).append("\" font-size=\"10\" text-anchor=\"end\">")
          .append(esc(dates.get(dates.size() - 1).get("date").asText())).append("</text>");
    }
    h.append("</svg>\n");
  }

  /** Horizontal bars of counts by name. */
  private static void hbars(StringBuilder h, JsonNode counts) {
    long max = 1;
    for (JsonNode v : counts) {
      max = Math.max(max, v.asLong());
    }
    int rowHeight = 18, width = 760, label = 220;
    h.append("<svg class=\"chart\" role=\"img\" aria-label=\"required defaults by feature\" width=\"").append(width)
        .append("\" height=\"").append(counts.size() * rowHeight + 6).append("\">");
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); i++) {
      Map.Entry<String, JsonNode> e = it.next();
      double w = (width - label - 60) * e.getValue().asLong() / (double) max;
      int y = i * rowHeight;
      h.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"11\">").append(esc(e.getKey())).append("</text>")
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#b86b00\"/>", label, y + 2, w))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%d</text>", label + w + 4, y + 13, e.getValue().asLong()));
    }
    h.append("</svg>\n");
  }

  private static void tile(StringBuilder h, String label, String value) {
    h.append("<div class=\"tile\"><b>").append(esc(value)).append("</b>").append(esc(label)).append("</div>");
  }

  private static String pct(JsonNode v) {
    return v == null || v.isNull() ? "n/a" : pct(v.asDouble());
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
