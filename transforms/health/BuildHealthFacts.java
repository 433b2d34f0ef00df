package transforms.health;

import transforms.daily.GroupByDate;

import transforms.features.FeatureContract;
import transforms.predictions.PredictionSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.DeadLetter;
import schemas.MlFeatureStoreV2;
import schemas.PlayerGameSummary;
import schemas.PlayerPropPrediction;
import schemas.PropLine;
import schemas.UpcomingPlayerGameContext;

/**
 * What the run's health report needs from the graph, as documents: one per date in scope ({@code <date>}: who
 * was expected, who got a feature row and a prediction, cache misses, quality, line coverage, who played), one
 * of the dead letters by source and reason ({@code _dead_letters}) and one of the inputs' freshness
 * ({@code _freshness}). Every line of a document is one JSON object: its values come from the inputs (a file
 * name, a reason quoting a row), so no character in them may be taken for a separator. The driver turns them into
 * health_report.json/html and checks the thresholds ({@code pipelines.reports.HealthReport}). Every input is optional:
 * a pipeline hands over what it builds.
 */
public final class BuildHealthFacts {
  private BuildHealthFacts() {}

  public static final String DEAD_LETTERS_DOCUMENT = "_dead_letters";
  /** A player "should have a line" when he averages more than this over his last 10 games. */
  public static final double STAR_POINTS = 20.0;

  /**
   * One player's fact on one date, small enough to group a season of them by date. Its coder ({@link FactCoder})
   * writes every field and the class has a value equality, so a runner can compare encoded facts (Beam's
   * SerializableCoder could not, and said so on every run).
   */
  static final class Fact {
    final char kind; // U universe, F feature row, P prediction, L line, G played, T incomplete team-game
    final String player;
    /** The market of a prediction or a line (P, L); empty for the other kinds. */
    String market = "";
    boolean cacheMiss;
    boolean qualityReady;
    /** At least FeatureContract.MIN_PRIOR_GAMES prior games this season: the history readiness needs. */
    boolean enoughHistory;
    double score;
    boolean hasLine;
    double pointsAvg10;
    List<String> requiredDefaults = List.of();
    List<String> missingFeeds = List.of();

    Fact(char kind, String player) {
      this.kind = kind;
      this.player = player;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof Fact)) {
        return false;
      }
      Fact f = (Fact) o;
      return kind == f.kind && player.equals(f.player) && market.equals(f.market) && cacheMiss == f.cacheMiss && qualityReady == f.qualityReady
          && enoughHistory == f.enoughHistory && Double.compare(score, f.score) == 0 && hasLine == f.hasLine
          && Double.compare(pointsAvg10, f.pointsAvg10) == 0 && requiredDefaults.equals(f.requiredDefaults)
          && missingFeeds.equals(f.missingFeeds);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, player, market, cacheMiss, qualityReady, enoughHistory, score, hasLine, pointsAvg10,
          requiredDefaults, missingFeeds);
    }
  }

  /** Every field of a {@link Fact}, in a fixed order: deterministic, so equal facts encode to equal bytes. */
  static final class FactCoder extends AtomicCoder<Fact> {
    private static final FactCoder INSTANCE = new FactCoder();
    private static final Coder<String> TEXT = StringUtf8Coder.of();
    private static final Coder<List<String>> NAMES = ListCoder.of(StringUtf8Coder.of());

    static FactCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Fact f, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeChar(f.kind);
      data.writeByte((f.cacheMiss ? 1 : 0) | (f.qualityReady ? 2 : 0) | (f.enoughHistory ? 4 : 0) | (f.hasLine ? 8 : 0));
      data.writeDouble(f.score);
      data.writeDouble(f.pointsAvg10);
      data.flush();
      TEXT.encode(f.player, out);
      TEXT.encode(f.market, out);
      NAMES.encode(f.requiredDefaults, out);
      NAMES.encode(f.missingFeeds, out);
    }

    @Override
    public Fact decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      char kind = data.readChar();
      int flags = data.readByte();
      double score = data.readDouble();
      double pointsAvg10 = data.readDouble();
      Fact f = new Fact(kind, TEXT.decode(in));
      f.market = TEXT.decode(in);
      f.cacheMiss = (flags & 1) != 0;
      f.qualityReady = (flags & 2) != 0;
      f.enoughHistory = (flags & 4) != 0;
      f.hasLine = (flags & 8) != 0;
      f.score = score;
      f.pointsAvg10 = pointsAvg10;
      f.requiredDefaults = NAMES.decode(in);
      f.missingFeeds = NAMES.decode(in);
      return f;
    }

    @Override
    public void verifyDeterministic() {}
  }

  public static final class Inputs {
    @Nullable PCollection<UpcomingPlayerGameContext> universe;
    @Nullable PCollection<MlFeatureStoreV2> features;
    @Nullable PCollection<PlayerPropPrediction> predictions;
    List<String> markets = List.of();
    @Nullable PCollection<PropLine> lines;
    @Nullable PCollection<PlayerGameSummary> played;
    @Nullable PCollection<schemas.PropSnapshotOffer> offers;
    @Nullable PCollection<schemas.ScheduledGame> schedule;
    @Nullable PCollection<schemas.ShotZoneAttempts> shotZones;
    @Nullable PCollection<schemas.TeamGameSummary> teamGames;
    PCollection<DeadLetter> deadLetters;

    public Inputs(PCollection<DeadLetter> deadLetters) {
      this.deadLetters = deadLetters;
    }

    public Inputs universe(PCollection<UpcomingPlayerGameContext> v) {
      universe = v;
      return this;
    }

    public Inputs features(PCollection<MlFeatureStoreV2> v) {
      features = v;
      return this;
    }

    /**
     * The run's predictions (null without a model) and the markets it predicts: a date's players predicted and with a
     * line are counted per market too, so the report can tell a market nobody was predicted in.
     */
    public Inputs predictions(@Nullable PCollection<PlayerPropPrediction> v, List<String> marketKeys) {
      predictions = v;
      markets = List.copyOf(marketKeys);
      return this;
    }

    public Inputs lines(PCollection<PropLine> v) {
      lines = v;
      return this;
    }

    /** Box scores: who played (reconciliation) and the newest game date read (freshness). */
    public Inputs played(PCollection<PlayerGameSummary> v) {
      played = v;
      return this;
    }

    /** The schedule: its newest game date (freshness). */
    public Inputs schedule(PCollection<schemas.ScheduledGame> v) {
      schedule = v;
      return this;
    }

    /** Shot zones: their newest game date (freshness). */
    public Inputs shotZones(PCollection<schemas.ShotZoneAttempts> v) {
      shotZones = v;
      return this;
    }

    /** Team games: those whose box scores are incomplete are counted per date. */
    public Inputs teamGames(PCollection<schemas.TeamGameSummary> v) {
      teamGames = v;
      return this;
    }

    /** Prop snapshot offers: the newest snapshot read (freshness). */
    public Inputs offers(PCollection<schemas.PropSnapshotOffer> v) {
      offers = v;
      return this;
    }
  }

  /** The documents (name → JSON) of the health facts of dates accepted by {@code inScope}. */
  public static PCollection<KV<String, String>> of(Inputs in, SerializableFunction<String, Boolean> inScope) {
    List<PCollection<KV<String, Fact>>> facts = new ArrayList<>();
    if (in.universe != null) {
      facts.add(facts(in.universe, "Universe", r -> KV.of(r.getGameDate(), new Fact('U', r.getPlayerLookup()))));
    }
    if (in.features != null) {
      facts.add(facts(in.features, "Features", BuildHealthFacts::featureFact));
    }
    if (in.predictions != null) {
      facts.add(facts(in.predictions, "Predictions", r -> KV.of(r.getGameDate(), marketFact('P', r.getPlayerLookup(), r.getMarket()))));
    }
    if (in.lines != null) {
      // Every market's line, with its market: line coverage (of the points features, pts_has_line) counts the points
      // lines, the per-market counts the others.
      facts.add(facts(in.lines, "Lines", r -> KV.of(r.getGameDate(), marketFact('L', r.getPlayerLookup(), r.getMarket()))));
    }
    if (in.played != null) {
      facts.add(facts(in.played, "Played", r -> r.getMinutes() > 0 ? KV.of(r.getGameDate(), new Fact('G', r.getPlayerLookup())) : null));
    }
    if (in.teamGames != null) {
      facts.add(facts(in.teamGames, "IncompleteTeamGames",
          r -> r.getBoxScoreComplete() ? null : KV.of(r.getGameDate(), new Fact('T', r.getTeamAbbr()))));
    }
    List<PCollection<KV<String, String>>> documents = new ArrayList<>();
    if (!facts.isEmpty()) {
      documents.add(
          PCollectionList.of(facts)
              .apply("Health/AllFacts", Flatten.pCollections())
              .apply("Health/InScope", org.apache.beam.sdk.transforms.Filter.by(kv -> inScope.apply(kv.getKey())))
              // grouped by the date's month, each date then apart: one key per date made a bundle per date of every step
              .apply("Health/ByMonth", MapElements
                  .into(new TypeDescriptor<KV<String, KV<String, Fact>>>() {})
                  .via(kv -> KV.of(GroupByDate.shardOf(kv.getKey()), kv)))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), FactCoder.of())))
              .apply("Health/ByDate", GroupByKey.create())
              .apply("Health/Day", ParDo.of(new DayFn(in.markets)))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    }
    documents.add(deadLetters(in.deadLetters));
    if (in.played != null) {
      documents.add(newest(in.played, "BoxScores", "player_game_logs", PlayerGameSummary::getGameDate));
    }
    if (in.schedule != null) {
      documents.add(newest(in.schedule, "Schedule", "schedule", schemas.ScheduledGame::getGameDate));
    }
    if (in.shotZones != null) {
      documents.add(newest(in.shotZones, "ShotZones", "shot_zones", schemas.ShotZoneAttempts::getGameDate));
    }
    if (in.offers != null) {
      documents.add(newest(in.offers, "Snapshots", "player_props_snapshots", schemas.PropSnapshotOffer::getSnapshotTime));
    }
    return PCollectionList.of(documents).apply("Health/Documents", Flatten.pCollections());
  }

  private static <T> PCollection<KV<String, Fact>> facts(
      PCollection<T> rows, String name, SerializableFunction<T, @Nullable KV<String, Fact>> fact) {
    // The tables are windowed by game day where they are built; the report looks at the whole run at once.
    return rows.apply("Health/" + name + "Global", Window.<T>into(new GlobalWindows()))
        .apply("Health/" + name, ParDo.of(new DoFn<T, KV<String, Fact>>() {
          @ProcessElement
          public void process(@Element T row, OutputReceiver<KV<String, Fact>> out) {
            KV<String, Fact> f = fact.apply(row);
            if (f != null) {
              out.output(f);
            }
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), FactCoder.of()));
  }

  private static Fact marketFact(char kind, String player, String market) {
    Fact f = new Fact(kind, player);
    f.market = market;
    return f;
  }

  static KV<String, Fact> featureFact(MlFeatureStoreV2 r) {
    Fact f = new Fact('F', r.getPlayerLookup());
    f.cacheMiss = r.getCacheMissFallbackUsed();
    f.qualityReady = r.getIsQualityReady();
    f.enoughHistory = r.getGamesPlayedSeason() >= FeatureContract.MIN_PRIOR_GAMES;
    f.missingFeeds = r.getMissingFeeds();
    f.score = r.getFeatureQualityScore();
    f.hasLine = PredictionSystem.feature(r.getFeatures(), "pts_has_line") > 0;
    f.pointsAvg10 = PredictionSystem.feature(r.getFeatures(), "pts_avg_last_10");
    List<String> required = new ArrayList<>();
    for (int i = 0; i < r.getFeatureSources().size(); i++) {
      if (FeatureContract.DEFAULT.equals(r.getFeatureSources().get(i))) {
        required.add(r.getFeatureNames().get(i));
      }
    }
    f.requiredDefaults = required;
    return KV.of(r.getGameDate(), f);
  }

  /** One date's figures. Player lists are sorted, so a rerun writes the same document. */
  static final class DayFn extends DoFn<KV<String, Iterable<KV<String, Fact>>>, KV<String, String>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The markets the run predicts: each gets its counts, 0 included. */
    private final List<String> markets;

    DayFn(List<String> markets) {
      this.markets = markets;
    }

    /** A month's facts ({@link GroupByDate#shardOf}), one document per date. */
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Fact>>> month, OutputReceiver<KV<String, String>> out) {
      Map<String, List<Fact>> byDate = new TreeMap<>();
      for (KV<String, Fact> f : month.getValue()) {
        byDate.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue());
      }
      byDate.forEach((date, facts) -> out.output(document(KV.of(date, facts))));
    }

    KV<String, String> document(KV<String, ? extends Iterable<Fact>> day) {
      Set<String> universe = new TreeSet<>();
      Set<String> featured = new TreeSet<>();
      Set<String> predicted = new TreeSet<>();
      Set<String> withLine = new TreeSet<>();
      Set<String> played = new TreeSet<>();
      Set<String> incompleteTeams = new TreeSet<>();
      Map<String, Fact> features = new TreeMap<>();
      Map<String, Set<String>> predictedIn = new TreeMap<>();
      Map<String, Set<String>> withLineIn = new TreeMap<>();
      for (String m : markets) {
        predictedIn.put(m, new TreeSet<>());
        withLineIn.put(m, new TreeSet<>());
      }
      for (Fact f : day.getValue()) {
        switch (f.kind) {
          case 'U': universe.add(f.player); break;
          case 'F': featured.add(f.player); features.put(f.player, f); break;
          case 'P':
            predicted.add(f.player);
            predictedIn.computeIfAbsent(f.market, k -> new TreeSet<>()).add(f.player);
            break;
          case 'L':
            if (f.market.equals(schemas.vocabulary.Markets.Market.POINTS.key())) {
              withLine.add(f.player);
            }
            if (withLineIn.containsKey(f.market)) {
              withLineIn.get(f.market).add(f.player);
            }
            break;
          case 'T': incompleteTeams.add(f.player); break;
          default: played.add(f.player);
        }
      }
      ObjectNode d = JSON.createObjectNode();
      d.put("date", day.getKey());
      d.put("universe", universe.size());
      d.put("feature_rows", featured.size());
      d.put("players_predicted", predicted.size());
      d.set("missing_feature_rows", array(minus(universe, featured)));
      d.put("players_with_line", withLine.size());
      ObjectNode predictedByMarket = d.putObject("players_predicted_by_market");
      predictedIn.forEach((m, players) -> predictedByMarket.put(m, players.size()));
      ObjectNode withLineByMarket = d.putObject("players_with_line_by_market");
      withLineIn.forEach((m, players) -> withLineByMarket.put(m, players.size()));
      int cacheMiss = 0;
      int ready = 0;
      int withHistory = 0;
      Map<String, Integer> missingFeeds = new TreeMap<>();
      double score = 0;
      Map<String, Integer> requiredDefaults = new TreeMap<>();
      int bettable = 0;
      int bettableWithVegas = 0;
      Set<String> bettableWithout = new TreeSet<>();
      Set<String> starsWithoutLine = new TreeSet<>();
      for (Fact f : features.values()) {
        cacheMiss += f.cacheMiss ? 1 : 0;
        ready += f.qualityReady ? 1 : 0;
        withHistory += f.enoughHistory ? 1 : 0;
        f.missingFeeds.forEach(feed -> missingFeeds.merge(feed, 1, Integer::sum));
        score += f.score;
        f.requiredDefaults.forEach(name -> requiredDefaults.merge(name, 1, Integer::sum));
        if (withLine.contains(f.player)) {
          bettable++;
          if (f.hasLine) {
            bettableWithVegas++;
          } else {
            bettableWithout.add(f.player);
          }
        } else if (f.pointsAvg10 > STAR_POINTS) {
          starsWithoutLine.add(f.player);
        }
      }
      d.put("cache_miss_rows", cacheMiss);
      d.put("quality_ready_rows", ready);
      d.put("rows_with_history", withHistory);
      ObjectNode feeds = d.putObject("missing_feed_rows");
      missingFeeds.forEach(feeds::put);
      d.put("feature_quality_score_sum", score);
      ObjectNode defaults = d.putObject("required_defaults");
      requiredDefaults.forEach(defaults::put);
      d.put("bettable_players", bettable);
      d.put("bettable_with_vegas_features", bettableWithVegas);
      d.set("bettable_without_vegas_features", array(bettableWithout));
      d.set("high_scorers_without_line", array(starsWithoutLine));
      d.put("played", played.size());
      d.set("played_not_in_universe", array(minus(played, universe)));
      d.put("universe_not_played", played.isEmpty() ? 0 : minus(universe, played).size());
      d.put("incomplete_team_games", incompleteTeams.size());
      return KV.of(day.getKey(), d.toString());
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
      Set<String> out = new TreeSet<>(a);
      out.removeAll(b);
      return out;
    }

    private static ArrayNode array(Set<String> values) {
      ArrayNode a = JSON.createArrayNode();
      values.forEach(a::add);
      return a;
    }
  }

  public static final String FRESHNESS_DOCUMENT = "_freshness";

  /** The newest timestamp (ISO, so the greatest string) of an input, as a line of the freshness document. */
  private static <T> PCollection<KV<String, String>> newest(
      PCollection<T> rows, String name, String input, SerializableFunction<T, String> timestamp) {
    return rows
        .apply("Health/" + name + "TimesGlobal", Window.<T>into(new GlobalWindows()))
        .apply("Health/" + name + "Times", MapElements.into(TypeDescriptors.strings()).via(timestamp))
        .apply("Health/Newest" + name, org.apache.beam.sdk.transforms.Max.globally(
            (java.util.Comparator<String> & Serializable) String::compareTo).withoutDefaults())
        .apply("Health/" + name + "Freshness", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((String newest) -> KV.of(FRESHNESS_DOCUMENT, freshnessLine(input, newest))));
  }

  /** Dead letters counted by source and reason, as one document. */
  private static PCollection<KV<String, String>> deadLetters(PCollection<DeadLetter> deadLetters) {
    return deadLetters
        .apply("Health/DeadLettersGlobal", Window.<DeadLetter>into(new GlobalWindows()))
        .apply("Health/DeadLetterReasons", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((DeadLetter d) -> KV.of(d.getSourceFile(), d.getReason())))
        .apply("Health/CountReasons", Count.perElement())
        .apply("Health/ReasonLines", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((KV<KV<String, String>, Long> c) ->
                KV.of(DEAD_LETTERS_DOCUMENT, deadLetterLine(c.getKey().getKey(), c.getKey().getValue(), c.getValue()))));
  }

  /** A line of {@code _dead_letters}: {@code {"source_file", "reason", "rows"}}. */
  public static String deadLetterLine(String sourceFile, String reason, long rows) {
    ObjectNode o = DayFn.JSON.createObjectNode();
    o.put("source_file", sourceFile).put("reason", reason).put("rows", rows);
    return o.toString();
  }

  /** A line of {@code _freshness}: {@code {"input", "newest"}} (the input's file stem, its newest date or time). */
  public static String freshnessLine(String input, String newest) {
    ObjectNode o = DayFn.JSON.createObjectNode();
    o.put("input", input).put("newest", newest);
    return o.toString();
  }
}
