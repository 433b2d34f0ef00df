package schemas.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import schemas.PlayerGameSummary;

/**
 * The player prop markets the platform carries, by their The Odds API key (the {@code market} column of the props
 * snapshots), each with the box-score stats whose sum settles it. Books offer more (blocks, steals, turnovers,
 * double-doubles...): {@link #of} gives null for those, so their offers are absent for the platform, not errors.
 */
public final class Markets {
  private Markets() {}

  /** A box-score stat a market is settled on, read from a {@code player_game_summary} row. */
  public enum Stat {
    PTS(PlayerGameSummary::getPoints),
    REB(PlayerGameSummary::getReb),
    AST(PlayerGameSummary::getAst),
    FG3M(PlayerGameSummary::getFg3m);

    private final Function<PlayerGameSummary, Integer> read;

    Stat(Function<PlayerGameSummary, Integer> read) {
      this.read = read;
    }

    public int of(PlayerGameSummary game) {
      return read.apply(game);
    }
  }

  public enum Market {
    POINTS("player_points", "PTS", Stat.PTS),
    REBOUNDS("player_rebounds", "REB", Stat.REB),
    ASSISTS("player_assists", "AST", Stat.AST),
    THREES("player_threes", "3PM", Stat.FG3M),
    POINTS_REBOUNDS_ASSISTS("player_points_rebounds_assists", "PRA", Stat.PTS, Stat.REB, Stat.AST),
    POINTS_REBOUNDS("player_points_rebounds", "PR", Stat.PTS, Stat.REB),
    POINTS_ASSISTS("player_points_assists", "PA", Stat.PTS, Stat.AST),
    REBOUNDS_ASSISTS("player_rebounds_assists", "RA", Stat.REB, Stat.AST);

    private final String key;
    private final String label;
    private final List<Stat> stats;

    Market(String key, String label, Stat... stats) {
      this.key = key;
      this.label = label;
      this.stats = List.of(stats);
    }

    /** The Odds API market key, as in the snapshots' {@code market} column. */
    public String key() {
      return key;
    }

    /** A short label for reports and tables. */
    public String label() {
      return label;
    }

    /** The box-score stats whose sum settles the market. */
    public List<Stat> stats() {
      return stats;
    }
  }

  private static final Map<String, Market> BY_KEY =
      Stream.of(Market.values()).collect(Collectors.toUnmodifiableMap(Market::key, m -> m));

  /** The market of an Odds API key, or null for one the platform does not carry (its offers are absent). */
  public static @Nullable Market of(String key) {
    return BY_KEY.get(key);
  }

  /**
   * The value that settles {@code market} for one box score: the sum of its stats. Whether the bet stands at all
   * (a player who did not play is void) is grading's rule, not this one's.
   */
  public static int actual(Market market, PlayerGameSummary game) {
    int sum = 0;
    for (Stat s : market.stats()) {
      sum += s.of(game);
    }
    return sum;
  }
}
