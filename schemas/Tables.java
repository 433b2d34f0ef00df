package schemas;

import java.util.List;
import schemas.vocabulary.PlayerKeys;

/**
 * Every table the pipelines write: name, record class, partition column and key, in one place. A player's key is
 * {@link PlayerKeys} (his id, else his folded name); only {@code player_prop_lines}, which comes from sportsbooks
 * that name players and carry no id, is keyed by name (and market).
 */
public final class Tables {
  private Tables() {}

  public static final TableSpec<PlayerGameSummary> PLAYER_GAME_SUMMARY =
      TableSpec.dated(
          "player_game_summary", PlayerGameSummary.class, "game_date", PlayerGameSummary::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate());

  public static final TableSpec<TeamGameSummary> TEAM_GAME_SUMMARY =
      TableSpec.dated(
          "team_game_summary", TeamGameSummary.class, "game_date", TeamGameSummary::getGameDate,
          r -> r.getTeamAbbr() + "|" + r.getGameDate());

  public static final TableSpec<UpcomingPlayerGameContext> UPCOMING_PLAYER_GAME_CONTEXT =
      TableSpec.dated(
          "upcoming_player_game_context", UpcomingPlayerGameContext.class, "game_date",
          UpcomingPlayerGameContext::getGameDate, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate());

  public static final TableSpec<PropLine> PLAYER_PROP_LINES =
      TableSpec.dated(
          "player_prop_lines", PropLine.class, "game_date", PropLine::getGameDate,
          r -> r.getPlayerLookup() + "|" + r.getGameDate() + "|" + r.getMarket());

  public static final TableSpec<PlayerDailyCache> PLAYER_DAILY_CACHE =
      TableSpec.dated(
          "player_daily_cache", PlayerDailyCache.class, "cache_date", PlayerDailyCache::getCacheDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getCacheDate());

  public static final TableSpec<PlayerShotZoneAnalysis> PLAYER_SHOT_ZONE_ANALYSIS =
      TableSpec.dated(
          "player_shot_zone_analysis", PlayerShotZoneAnalysis.class, "analysis_date",
          PlayerShotZoneAnalysis::getAnalysisDate, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getAnalysisDate());

  public static final TableSpec<TeamDefenseZoneAnalysis> TEAM_DEFENSE_ZONE_ANALYSIS =
      TableSpec.dated(
          "team_defense_zone_analysis", TeamDefenseZoneAnalysis.class, "analysis_date",
          TeamDefenseZoneAnalysis::getAnalysisDate, r -> r.getTeamAbbr() + "|" + r.getAnalysisDate());

  public static final TableSpec<PlayerCompositeFactors> PLAYER_COMPOSITE_FACTORS =
      TableSpec.dated(
          "player_composite_factors", PlayerCompositeFactors.class, "game_date",
          PlayerCompositeFactors::getGameDate, r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate());

  public static final TableSpec<MlFeatureStoreV2> ML_FEATURE_STORE_V2 =
      TableSpec.dated(
          "ml_feature_store_v2", MlFeatureStoreV2.class, "game_date", MlFeatureStoreV2::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate());

  public static final TableSpec<FeatureStoreGap> FEATURE_STORE_GAPS =
      TableSpec.dated(
          "feature_store_gaps", FeatureStoreGap.class, "game_date", FeatureStoreGap::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate());

  /** Same-day watch mode: a feature row per player per line move, keyed by the line's snapshot time; latest wins. */
  public static final TableSpec<MlFeatureStoreV2> ML_FEATURE_STORE_V2_LINE_UPDATES =
      TableSpec.dated(
          "ml_feature_store_v2_line_updates", MlFeatureStoreV2.class, "game_date", MlFeatureStoreV2::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate() + "|" + r.getLineSnapshotTime());

  public static final TableSpec<FeatureStoreGap> FEATURE_STORE_GAPS_LINE_UPDATES =
      TableSpec.dated(
          "feature_store_gaps_line_updates", FeatureStoreGap.class, "game_date", FeatureStoreGap::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate() + "|" + r.getReason());

  public static final TableSpec<PlayerPropPrediction> PLAYER_PROP_PREDICTIONS =
      TableSpec.dated(
          "player_prop_predictions", PlayerPropPrediction.class, "game_date", PlayerPropPrediction::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate() + "|" + r.getMarket() + "|" + r.getSystemId() + "|" + r.getLine());

  /** Same-day watch mode: predictions of the rows in ml_feature_store_v2_line_updates, one per line move. */
  public static final TableSpec<PlayerPropPrediction> PLAYER_PROP_PREDICTIONS_LINE_UPDATES =
      TableSpec.dated(
          "player_prop_predictions_line_updates", PlayerPropPrediction.class, "game_date", PlayerPropPrediction::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate() + "|" + r.getMarket() + "|" + r.getSystemId() + "|" + r.getLine() + "|" + r.getLineSnapshotTime());

  public static final TableSpec<PredictionGrade> PREDICTION_GRADES =
      TableSpec.dated(
          "prediction_grades", PredictionGrade.class, "game_date", PredictionGrade::getGameDate,
          r -> PlayerKeys.of(r.getPlayerId(), r.getPlayerLookup()) + "|" + r.getGameDate() + "|" + r.getMarket() + "|" + r.getSystemId() + "|" + r.getLine());

  public static final TableSpec<GradingSummary> GRADING_SUMMARY =
      TableSpec.dated(
          "grading_summary", GradingSummary.class, "game_date", GradingSummary::getGameDate,
          r -> r.getGameDate() + "|" + r.getMarket() + "|" + r.getSystemId());

  public static final TableSpec<DeadLetter> DEAD_LETTER =
      TableSpec.byColumn(
          "dead_letter", DeadLetter.class, "source_file", r -> deadLetterPartition(r.getSourceFile()),
          r -> r.getSourceFile() + "|" + r.getLineNumber());

  /**
   * The partition of a source file's dead letters: its name with '/' written %2F (and '%' %25), so a file named by
   * its path under several input folders ({@code 2022-23/player_game_logs.csv}) is one flat partition file.
   */
  public static String deadLetterPartition(String sourceFile) {
    return sourceFile.replace("%", "%25").replace("/", "%2F");
  }

  /** Phase 3 and the run's inputs (dataset nba_analytics). */
  public static final List<TableSpec<?>> ANALYTICS =
      List.of(PLAYER_GAME_SUMMARY, TEAM_GAME_SUMMARY, UPCOMING_PLAYER_GAME_CONTEXT, PLAYER_PROP_LINES, DEAD_LETTER);

  /** Phase 4 and the feature store (dataset nba_precompute). */
  public static final List<TableSpec<?>> PRECOMPUTE =
      List.of(
          PLAYER_DAILY_CACHE, PLAYER_SHOT_ZONE_ANALYSIS, TEAM_DEFENSE_ZONE_ANALYSIS, PLAYER_COMPOSITE_FACTORS,
          ML_FEATURE_STORE_V2, FEATURE_STORE_GAPS, ML_FEATURE_STORE_V2_LINE_UPDATES, FEATURE_STORE_GAPS_LINE_UPDATES);

  /** Phase 5 (dataset nba_predictions). */
  public static final List<TableSpec<?>> PREDICTIONS =
      List.of(PLAYER_PROP_PREDICTIONS, PLAYER_PROP_PREDICTIONS_LINE_UPDATES, PREDICTION_GRADES, GRADING_SUMMARY);

  public static final List<TableSpec<?>> ALL = concat(ANALYTICS, PRECOMPUTE, PREDICTIONS);

  @SafeVarargs
  private static List<TableSpec<?>> concat(List<TableSpec<?>>... lists) {
    java.util.List<TableSpec<?>> all = new java.util.ArrayList<>();
    for (List<TableSpec<?>> l : lists) {
      all.addAll(l);
    }
    return List.copyOf(all);
  }
}
