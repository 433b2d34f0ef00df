package io.inputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import io.csv.Csv;
import io.csv.InvalidRowException;
import org.junit.Test;
import schemas.GameLine;

/** A game_lines.csv row: the favourite's margin becomes the home team's handicap; each bad field its reason. */
public class GameLineParserTest {
  static final String HEADER =
      "GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION,FAVORED,SPREAD,TOTAL,MONEYLINE_HOME,MONEYLINE_AWAY";

  private static GameLine parse(String line) throws InvalidRowException {
    return new GameLineParser().parse(new Csv.Header(Csv.split(HEADER)).row(Csv.split(line)));
  }

  private static String reason(String line) {
    return assertThrows(InvalidRowException.class, () -> parse(line)).getMessage();
  }

  @Test
  public void aHomeFavouriteGivesTheHomeTeamANegativeHandicap() throws Exception {
    GameLine g = parse("2023-10-24,DEN,LAL,HOME,4.5,228.5,,");
    assertThat(g.getGameDate(), equalTo("2023-10-24"));
    assertThat(g.getSeason(), equalTo("2023-24"));
    assertThat(g.getHomeTeamAbbr(), equalTo("DEN"));
    assertThat(g.getAwayTeamAbbr(), equalTo("LAL"));
    assertThat(g.getHomeSpread(), equalTo(-4.5));
    assertThat(g.spreadOf("LAL"), equalTo(4.5));
    assertThat(g.getTotal(), equalTo(228.5));
    assertThat(g.getMoneylineHome(), nullValue());
    assertThat(g.getMoneylineAway(), nullValue());
  }

  @Test
  public void anAwayFavouriteGivesTheHomeTeamAPositiveHandicapAndMoneylinesAreRead() throws Exception {
    GameLine g = parse("2024-01-10T00:00:00,DET,BOS,AWAY,12.5,222,+550,-800");
    assertThat(g.getGameDate(), equalTo("2024-01-10"));
    assertThat(g.getHomeSpread(), equalTo(12.5));
    assertThat(g.spreadOf("BOS"), equalTo(-12.5));
    assertThat(g.getMoneylineHome(), equalTo(550.0));
    assertThat(g.getMoneylineAway(), equalTo(-800.0));
    assertThat(parse("2024-01-10,DET,BOS,AWAY,0,222,,").getHomeSpread(), equalTo(0.0)); // pick'em, not -0.0
  }

  @Test
  public void eachBadFieldIsRejectedWithItsReason() {
    assertThat(reason("2023-10-24,DEN,LAL,HOME,four,228.5,,"), equalTo("SPREAD 'four' is not a number"));
    assertThat(reason("2023-10-24,DEN,LAL,HOME,4.5,high,,"), equalTo("TOTAL 'high' is not a number"));
    assertThat(reason("2023-10-24,DEN,LAL,HOME,-4.5,228.5,,"),
        equalTo("SPREAD -4.5 is negative (the favourite's margin, FAVORED says whose)"));
    assertThat(reason("2023-10-24,DEN,LAL,HOME,4.5,45.5,,"), equalTo("TOTAL 45.5 is outside 150–300"));
    assertThat(reason("2023-10-24,DEN,LAL,HOME,4.5,328.5,,"), equalTo("TOTAL 328.5 is outside 150–300"));
    assertThat(reason("2023-10-24,DEN,LAL,DEN,4.5,228.5,,"), equalTo("FAVORED 'DEN' is neither HOME nor AWAY"));
    assertThat(reason("2023-10-24,DEN,XYZ,HOME,4.5,228.5,,"), equalTo("unknown team 'XYZ' in AWAY_TEAM_ABBREVIATION"));
    assertThat(reason("2023-10-24,DEN,DEN,HOME,4.5,228.5,,"), equalTo("home and away are both DEN"));
    assertThat(reason("10/24/2023,DEN,LAL,HOME,4.5,228.5,,"), equalTo("GAME_DATE '10/24/2023' is not YYYY-MM-DD"));
    assertThat(reason("2023-10-24,DEN,LAL,HOME,4.5,228.5,even,"), equalTo("MONEYLINE_HOME 'even' is not a number"));
  }
}
