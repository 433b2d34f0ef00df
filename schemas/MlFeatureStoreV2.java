package schemas;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldNumber;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.vocabulary.Markets;

/**
 * Table {@code ml_feature_store_v2}: one feature vector per (player_lookup, game_date), in the order of
 * {@link transforms.features.FeatureContract}, with its quality.
 */
@DefaultCoder(RecordCoder.class)
@AutoValue
public abstract class MlFeatureStoreV2 {
  @SchemaFieldNumber("0")
  @SchemaFieldName("player_lookup")
  public abstract String getPlayerLookup();

  /** The player's NBA.com id when the input has one; with it, the player's key ({@link schemas.vocabulary.PlayerKeys}). */
  @SchemaFieldNumber("1")
  @SchemaFieldName("player_id")
  public abstract @Nullable String getPlayerId();

  @SchemaFieldNumber("2")
  @SchemaFieldName("game_date")
  public abstract String getGameDate();

  @SchemaFieldNumber("3")
  @SchemaFieldName("season")
  public abstract String getSeason();

  @SchemaFieldNumber("4")
  @SchemaFieldName("team_abbr")
  public abstract String getTeamAbbr();

  @SchemaFieldNumber("5")
  @SchemaFieldName("opponent_team_abbr")
  public abstract String getOpponentTeamAbbr();

  @SchemaFieldNumber("6")
  @SchemaFieldName("feature_schema_version")
  public abstract String getFeatureSchemaVersion();

  @SchemaFieldNumber("7")
  @SchemaFieldName("feature_count")
  public abstract int getFeatureCount();

  @SchemaFieldNumber("8")
  @SchemaFieldName("feature_names")
  public abstract List<String> getFeatureNames();

  /** Never null inside: a missing value is replaced by the feature's default (see defaulted_features). */
  @SchemaFieldNumber("9")
  @SchemaFieldName("features")
  public abstract List<Double> getFeatures();

  /** Per feature: computed, fallback, default or missing_optional. */
  @SchemaFieldNumber("10")
  @SchemaFieldName("feature_sources")
  public abstract List<String> getFeatureSources();

  @SchemaFieldNumber("11")
  @SchemaFieldName("defaulted_features")
  public abstract List<String> getDefaultedFeatures();

  /** Every defaulted feature, optional ones included. */
  @SchemaFieldNumber("12")
  @SchemaFieldName("default_feature_count")
  public abstract int getDefaultFeatureCount();

  @SchemaFieldNumber("13")
  @SchemaFieldName("required_default_count")
  public abstract int getRequiredDefaultCount();

  /** Props features (the props feed: the three vegas values and has_vegas_line) not computed. */
  @SchemaFieldNumber("14")
  @SchemaFieldName("vegas_default_count")
  public abstract int getVegasDefaultCount();

  @SchemaFieldNumber("15")
  @SchemaFieldName("games_played_season")
  public abstract int getGamesPlayedSeason();

  /** No required default and at least 5 prior games. */
  @SchemaFieldNumber("16")
  @SchemaFieldName("is_quality_ready")
  public abstract boolean getIsQualityReady();

  /** 0–100: see FeatureContract. */
  @SchemaFieldNumber("17")
  @SchemaFieldName("feature_quality_score")
  public abstract double getFeatureQualityScore();

  @SchemaFieldNumber("18")
  @SchemaFieldName("cache_miss_fallback_used")
  public abstract boolean getCacheMissFallbackUsed();

  /** Why the row is not ready (empty when it is). */
  @SchemaFieldNumber("19")
  @SchemaFieldName("data_quality_issues")
  public abstract List<String> getDataQualityIssues();

  /** The props snapshot the vegas features came from. */
  @SchemaFieldNumber("20")
  @SchemaFieldName("line_snapshot_time")
  public abstract @Nullable String getLineSnapshotTime();

  /** Why the player was in the run's universe: played (backfill), schedule or props (same-day). */
  @SchemaFieldNumber("21")
  @SchemaFieldName("universe_source")
  public abstract String getUniverseSource();

  /** The instant the row was built for: only prop snapshots taken before it count (a run field). */
  @SchemaFieldNumber("22")
  @SchemaFieldName("as_of")
  public abstract @Nullable String getAsOf();

  /** Shot-zone features (the shot_zones feed) not computed: missing for the date's feed, or defaulted for the player. */
  @SchemaFieldNumber("23")
  @SchemaFieldName("shot_zone_missing_count")
  public abstract int getShotZoneMissingCount();

  /** Game-line features (the game_lines feed) not computed. */
  @SchemaFieldNumber("24")
  @SchemaFieldName("game_line_missing_count")
  public abstract int getGameLineMissingCount();

  /** Optional feeds with no data for the row's date (shot_zones, props, game_lines): their features are missing_feed. */
  @SchemaFieldNumber("25")
  @SchemaFieldName("missing_feeds")
  public abstract List<String> getMissingFeeds();

  /**
   * The row's consensus line per market known at {@code as_of} (its context's), with each side's price: what a
   * prediction of that market is priced against. The vector holds the same lines as features.
   */
  @SchemaFieldNumber("26")
  @SchemaFieldName("market_lines")
  public abstract List<MarketLine> getMarketLines();

  /** This row's line in {@code market}, or null when it has none. */
  public @Nullable MarketLine lineOf(Markets.Market market) {
    return MarketLine.find(getMarketLines(), market);
  }

  /**
   * The columns that describe the run that made a row rather than the player and date: the only ones on which
   * a same-day row and the backfill row for the same (player, date) may differ. {@code as_of} is one: a
   * same-day run is as of its launch, a backfill as of each game's tip-off, unless both are given the same
   * {@code --asOfTime}, and then it is equal too.
   */
  public static final List<String> RUN_FIELDS = List.of("universe_source", "as_of");

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_MlFeatureStoreV2.Builder().setMarketLines(List.of());
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMarketLines(List<MarketLine> v);

    public abstract Builder setPlayerLookup(String v);

    public abstract Builder setPlayerId(@Nullable String v);

    public abstract Builder setGameDate(String v);

    public abstract Builder setSeason(String v);

    public abstract Builder setTeamAbbr(String v);

    public abstract Builder setOpponentTeamAbbr(String v);

    public abstract Builder setFeatureSchemaVersion(String v);

    public abstract Builder setFeatureCount(int v);

    public abstract Builder setFeatureNames(List<String> v);

    public abstract Builder setFeatures(List<Double> v);

    public abstract Builder setFeatureSources(List<String> v);

    public abstract Builder setDefaultedFeatures(List<String> v);

    public abstract Builder setDefaultFeatureCount(int v);

    public abstract Builder setRequiredDefaultCount(int v);

    public abstract Builder setVegasDefaultCount(int v);

    public abstract Builder setShotZoneMissingCount(int v);

    public abstract Builder setGameLineMissingCount(int v);

    public abstract Builder setMissingFeeds(List<String> v);

    public abstract Builder setGamesPlayedSeason(int v);

    public abstract Builder setIsQualityReady(boolean v);

    public abstract Builder setFeatureQualityScore(double v);

    public abstract Builder setCacheMissFallbackUsed(boolean v);

    public abstract Builder setDataQualityIssues(List<String> v);

    public abstract Builder setLineSnapshotTime(@Nullable String v);

    public abstract Builder setUniverseSource(String v);

    public abstract Builder setAsOf(@Nullable String v);

    public abstract MlFeatureStoreV2 build();
  }
}
