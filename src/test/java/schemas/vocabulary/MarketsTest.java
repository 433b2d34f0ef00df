package schemas.vocabulary;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;
import schemas.PlayerGameSummary;
import schemas.Rows;
import schemas.vocabulary.Markets.Market;
import schemas.vocabulary.Markets.Stat;

public class MarketsTest {
  /** 27 points, 11 rebounds, 8 assists, 3 threes (and 2 blocks, 1 steal that no carried market uses). */
  private static final PlayerGameSummary GAME = Rows.playerGame("ann", "BOS", "NYK", "2024-01-20", 36, 27).toBuilder()
      .setReb(11).setOreb(3).setDreb(8).setAst(8).setFg3m(3).setFg3a(7).setBlk(2).setStl(1).build();

  @Test
  public void eachMarketIsSettledOnItsBoxScoreSum() {
    assertThat(Markets.actual(Market.POINTS, GAME), equalTo(27));
    assertThat(Markets.actual(Market.REBOUNDS, GAME), equalTo(11));
    assertThat(Markets.actual(Market.ASSISTS, GAME), equalTo(8));
    assertThat(Markets.actual(Market.THREES, GAME), equalTo(3));
    assertThat(Markets.actual(Market.POINTS_REBOUNDS_ASSISTS, GAME), equalTo(46)); // 27 + 11 + 8
    assertThat(Markets.actual(Market.POINTS_REBOUNDS, GAME), equalTo(38)); // 27 + 11
    assertThat(Markets.actual(Market.POINTS_ASSISTS, GAME), equalTo(35)); // 27 + 8
    assertThat(Markets.actual(Market.REBOUNDS_ASSISTS, GAME), equalTo(19)); // 11 + 8
    assertThat(Market.POINTS_REBOUNDS_ASSISTS.stats(), contains(Stat.PTS, Stat.REB, Stat.AST));
  }

  @Test
  public void theOddsApiKeysNameTheEightMarkets() {
    assertThat(Markets.of("player_points"), equalTo(Market.POINTS));
    assertThat(Markets.of("player_rebounds"), equalTo(Market.REBOUNDS));
    assertThat(Markets.of("player_assists"), equalTo(Market.ASSISTS));
    assertThat(Markets.of("player_threes"), equalTo(Market.THREES));
    assertThat(Markets.of("player_points_rebounds_assists"), equalTo(Market.POINTS_REBOUNDS_ASSISTS));
    assertThat(Markets.of("player_points_rebounds"), equalTo(Market.POINTS_REBOUNDS));
    assertThat(Markets.of("player_points_assists"), equalTo(Market.POINTS_ASSISTS));
    assertThat(Markets.of("player_rebounds_assists"), equalTo(Market.REBOUNDS_ASSISTS));
    assertThat(Market.THREES.label(), equalTo("3PM"));
  }

  @Test
  public void aMarketThePlatformDoesNotCarryIsAbsent() {
    // markets found in the real snapshot files that no box-score sum here settles
    for (String key : new String[] {"player_blocks", "player_steals", "player_turnovers", "player_blocks_steals",
        "player_double_double", "player_triple_double", "PLAYER_POINTS", ""}) {
      assertThat(key, Markets.of(key), nullValue());
    }
  }
}
