package schemas.vocabulary;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;

/** Season labels: YYYY-YY with the second year's two digits, zero-padded, across centuries. */
public class GameDatesTest {
  @Test
  public void seasonLabelsArePaddedAndCrossTheCentury() {
    assertThat(GameDates.inferSeason("2024-01-10"), equalTo("2023-24"));
    assertThat(GameDates.inferSeason("2008-11-01"), equalTo("2008-09"));
    assertThat(GameDates.inferSeason("2009-11-01"), equalTo("2009-10"));
    assertThat(GameDates.inferSeason("2000-03-01"), equalTo("1999-00"));
    assertThat(GameDates.seasonOfGameId("0020800001"), equalTo("2008-09"));
    assertThat(GameDates.seasonOfGameId("0029900001"), equalTo("1999-00"));
    assertThat(GameDates.seasonOfGameId("002230052"), nullValue());
    assertThat(GameDates.startYearOf("2023-24"), equalTo(2023));
    assertThat(GameDates.startYearOf("2023-25"), nullValue());
    assertThat(GameDates.startYearOf("23-24"), nullValue());
  }
}
