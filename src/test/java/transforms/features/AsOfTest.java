package transforms.features;

import schemas.vocabulary.GameDates;
import io.inputs.PlayerGameLogParser;
import io.inputs.PlayerGameLogParserTest;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import schemas.PlayerDailyCache;
import schemas.PlayerGameSummary;
import schemas.UpcomingPlayerGameContext;
import transforms.context.CompleteContext;

/** The player_daily_cache contract, field by field, on hand-made histories with every edge the contract names. */
public class AsOfTest {
  private static final String HEADER =
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,"
          + "OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS";
  private static final PlayerGameLogParser PARSER = new PlayerGameLogParser(LocalDate.of(2030, 1, 1));

  /** A box score of Ann Example for BOS on a date: minutes and points (2·FGM + FTM = points). */
  public static PlayerGameSummary game(String date, int minutes, int points) throws Exception {
    int fgm = points / 2;
    int ftm = points % 2;
    String line =
        String.join(",", GameDates.inferSeason(date), "1", "Ann Example", "BOS", "002" + GameDates.inferSeason(date).substring(2, 4) + date.replace("-", "").substring(3),
            date, "BOS vs. NYK", "W", Integer.toString(minutes), Integer.toString(fgm), Integer.toString(fgm + 3), "0", "1",
            Integer.toString(ftm), Integer.toString(ftm), "0", "0", "0", "1", "1", "0", "0", "0", Integer.toString(points), "0");
    return PlayerGameLogParserTest.parse(PARSER, HEADER, line);
  }

  /** Ann Example's context row on a date against an opponent, in the season her 2023-24 box scores carry. */
  public static UpcomingPlayerGameContext context(String date, String opponent) {
    return CompleteContext.bare(
        "annexample", "1", "Ann Example", date, GameDates.inferSeason(date), null, "BOS", opponent, true, "played");
  }

  @Test
  public void usesOnlyThisSeasonsPlayedGamesBeforeTheDate() throws Exception {
    List<PlayerGameSummary> history =
        List.of(
            game("2023-04-01", 30, 40), // last season
            game("2024-01-01", 30, 10),
            game("2024-01-05", 0, 0), // did not play
            game("2024-01-10", 20, 20),
            game("2024-01-13", 25, 7), // exactly D−7: inside the 7-day window
            game("2024-01-19", 35, 31),
            game("2024-01-20", 40, 50), // D itself
            game("2024-01-22", 40, 99)); // later
    PlayerDailyCache c = AsOf.dailyCache(context("2024-01-20", "NYK"), history);
    assertThat(c.getCacheDate(), equalTo("2024-01-20"));
    assertThat(c.getSeason(), equalTo("2023-24"));
    assertThat(c.getGamesPlayedSeason(), equalTo(4));
    assertThat(c.getPointsAvgLast5(), closeTo(17.0, 1e-12));
    assertThat(c.getPointsAvgLast10(), closeTo(17.0, 1e-12));
    assertThat(c.getPointsAvgSeason(), closeTo(17.0, 1e-12));
    assertThat(c.getPointsStdLast10(), closeTo(Math.sqrt(354 / 4.0), 1e-12));
    assertThat(c.getMinutesAvgLast10(), closeTo(27.5, 1e-12));
    assertThat(c.getPointsPerMinuteLast10(), closeTo(68 / 110.0, 1e-12));
    assertThat(c.getGamesInLast7Days(), equalTo(2));
    assertThat(c.getDaysSinceLastGame(), equalTo(1));
    assertThat(c.getLastGameDate(), equalTo("2024-01-19"));
    assertThat(c.getPointsLast5(), equalTo(List.of(10, 20, 7, 31)));
    assertThat(c.getAppearancesLast10(), equalTo(5));
    assertThat(c.getZeroMinuteRateLast10(), closeTo(0.2, 1e-12));
  }

  @Test
  public void lastFiveAndLastTenAreTheMostRecentGames() throws Exception {
    List<PlayerGameSummary> history = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      history.add(game(String.format("2024-01-%02d", i), 10, i));
    }
    PlayerDailyCache c = AsOf.dailyCache(context("2024-01-20", "NYK"), history);
    assertThat(c.getGamesPlayedSeason(), equalTo(12));
    assertThat(c.getPointsAvgLast5(), closeTo(10.0, 1e-12)); // 8..12
    assertThat(c.getPointsAvgLast10(), closeTo(7.5, 1e-12)); // 3..12
    assertThat(c.getPointsAvgSeason(), closeTo(6.5, 1e-12));
    assertThat(c.getPointsPerMinuteLast10(), closeTo(75 / 100.0, 1e-12));
    assertThat(c.getGamesInLast7Days(), equalTo(0)); // the last game is Jan 12, D−8
    assertThat(c.getDaysSinceLastGame(), equalTo(8));
  }

  @Test
  public void withoutGamesEveryAverageIsNullAndOneGameHasNoSpread() throws Exception {
    PlayerDailyCache none = AsOf.dailyCache(context("2024-01-20", "NYK"), null);
    assertThat(none.getGamesPlayedSeason(), equalTo(0));
    assertThat(none.getPointsAvgLast5(), nullValue());
    assertThat(none.getPointsAvgLast10(), nullValue());
    assertThat(none.getPointsAvgSeason(), nullValue());
    assertThat(none.getPointsStdLast10(), nullValue());
    assertThat(none.getMinutesAvgLast10(), nullValue());
    assertThat(none.getPointsPerMinuteLast10(), nullValue());
    assertThat(none.getDaysSinceLastGame(), nullValue());
    assertThat(none.getGamesInLast7Days(), equalTo(0));

    PlayerDailyCache one = AsOf.dailyCache(context("2024-01-20", "NYK"), List.of(game("2024-01-18", 30, 12)));
    assertThat(one.getPointsStdLast10(), nullValue());
    assertThat(one.getPointsAvgLast10(), closeTo(12.0, 1e-12));
    assertThat(one.getDaysSinceLastGame(), equalTo(2));
  }
}
