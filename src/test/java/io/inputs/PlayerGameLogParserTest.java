package io.inputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import io.csv.Csv;
import io.csv.InvalidRowException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import schemas.PlayerGameSummary;

public class PlayerGameLogParserTest {
  static final String SHORT_HEADER =
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,"
          + "OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS";
  /** The 69 columns of a real nba_api PlayerGameLogs export. */
  static final String NBA_API_HEADER =
      "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,NICKNAME,TEAM_ID,TEAM_ABBREVIATION,TEAM_NAME,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,"
          + "FGM,FGA,FG_PCT,FG3M,FG3A,FG3_PCT,FTM,FTA,FT_PCT,OREB,DREB,REB,AST,TOV,STL,BLK,BLKA,PF,PFD,PTS,PLUS_MINUS,"
          + "NBA_FANTASY_PTS,DD2,TD3,WNBA_FANTASY_PTS,GP_RANK,W_RANK,L_RANK,W_PCT_RANK,MIN_RANK,FGM_RANK,FGA_RANK,"
          + "FG_PCT_RANK,FG3M_RANK,FG3A_RANK,FG3_PCT_RANK,FTM_RANK,FTA_RANK,FT_PCT_RANK,OREB_RANK,DREB_RANK,REB_RANK,"
          + "AST_RANK,TOV_RANK,STL_RANK,BLK_RANK,BLKA_RANK,PF_RANK,PFD_RANK,PTS_RANK,PLUS_MINUS_RANK,NBA_FANTASY_PTS_RANK,"
          + "DD2_RANK,TD3_RANK,WNBA_FANTASY_PTS_RANK,AVAILABLE_FLAG,MIN_SEC";
  static final String GOOD =
      "2023-24,203932,Aaron Gordon,DEN,0022300061,2023-10-24,DEN vs. LAL,W,35,7,11,1,2,0,0,2,5,7,5,2,1,0,0,15,6";

  private final PlayerGameLogParser parser = new PlayerGameLogParser(LocalDate.of(2026, 1, 1));

  public static PlayerGameSummary parse(PlayerGameLogParser parser, String header, String line) throws InvalidRowException {
    return parser.parse(new Csv.Header(Csv.split(header)).row(Csv.split(line)));
  }

  private PlayerGameSummary parse(String line) throws InvalidRowException {
    return parse(parser, SHORT_HEADER, line);
  }

  /** The GOOD row with one column replaced. */
  private static String with(String column, String value) {
    List<String> names = Arrays.asList(SHORT_HEADER.split(","));
    List<String> values = new ArrayList<>(Arrays.asList(GOOD.split(",", -1)));
    values.set(names.indexOf(column), value);
    return String.join(",", values);
  }

  private String reason(String line) {
    return assertThrows(InvalidRowException.class, () -> parse(line)).getMessage();
  }

  @Test
  public void parsesAHomeGameAndDerivedFigures() throws Exception {
    PlayerGameSummary s = parse(GOOD);
    assertThat(s.getPlayerLookup(), equalTo("aarongordon"));
    assertThat(s.getTeamAbbr(), equalTo("DEN"));
    assertThat(s.getOpponentTeamAbbr(), equalTo("LAL"));
    assertThat(s.getHomeGame(), equalTo(true));
    assertThat(s.getGameId(), equalTo("0022300061"));
    assertThat(s.getSeason(), equalTo("2023-24"));
    assertThat(s.getWin(), equalTo(true));
    assertThat(s.getPoints(), equalTo(15));
    assertThat(s.getFgPct(), closeTo(7 / 11.0, 1e-12));
    assertThat(s.getFtPct(), nullValue());
    assertThat(s.getPossessions(), closeTo(11 + 0 - 2 + 2, 1e-12));
    assertThat(s.getUsagePossessions(), closeTo(13, 1e-12));
    assertThat(s.getTsPct(), closeTo(15 / 22.0, 1e-12));
  }

  @Test
  public void parsesAnAwayMatchup() throws Exception {
    PlayerGameSummary s = parse(with("TEAM_ABBREVIATION", "LAL").replace("DEN vs. LAL", "LAL @ DEN"));
    assertThat(s.getTeamAbbr(), equalTo("LAL"));
    assertThat(s.getOpponentTeamAbbr(), equalTo("DEN"));
    assertThat(s.getHomeGame(), equalTo(false));
  }

  @Test
  public void acceptsDecimalMinutesIsoTimestampDatesAndBlankGameIds() throws Exception {
    PlayerGameSummary s = parse(with("MIN", "34.5").replace("2023-10-24,", "2023-10-24T00:00:00,").replace("0022300061", ""));
    assertThat(s.getMinutes(), closeTo(34.5, 1e-12));
    assertThat(s.getGameDate(), equalTo("2023-10-24"));
    assertThat(s.getGameId(), nullValue());
  }

  @Test
  public void readsARealNbaApiExportByHeaderName() throws Exception {
    List<String> names = Arrays.asList(NBA_API_HEADER.split(","));
    assertThat(names.size(), equalTo(69));
    String[] values = new String[69];
    Arrays.fill(values, "0");
    String[][] set = {
      {"SEASON_YEAR", "2024-25"}, {"PLAYER_ID", "1628983"}, {"PLAYER_NAME", "Shai Gilgeous-Alexander"},
      {"NICKNAME", "Shai"}, {"TEAM_ABBREVIATION", "OKC"}, {"TEAM_NAME", "Oklahoma City Thunder"},
      {"GAME_ID", "0022400300"}, {"GAME_DATE", "2024-12-05T00:00:00"}, {"MATCHUP", "OKC @ HOU"}, {"WL", "L"},
      {"MIN", "36.616667"}, {"FGM", "12"}, {"FGA", "22"}, {"FG3M", "2"}, {"FG3A", "6"}, {"FTM", "6"}, {"FTA", "7"},
      {"OREB", "1"}, {"DREB", "4"}, {"REB", "5"}, {"PTS", "32"}, {"PLUS_MINUS", "-8"}, {"MIN_SEC", "36:37"}
    };
    for (String[] kv : set) {
      values[names.indexOf(kv[0])] = kv[1];
    }
    PlayerGameSummary s = parse(parser, NBA_API_HEADER, String.join(",", values));
    assertThat(s.getPlayerLookup(), equalTo("shaigilgeousalexander"));
    assertThat(s.getGameDate(), equalTo("2024-12-05"));
    assertThat(s.getGameId(), equalTo("0022400300"));
    assertThat(s.getPoints(), equalTo(32));
    assertThat(s.getMinutes(), closeTo(36.616667, 1e-9));
    assertThat(s.getHomeGame(), equalTo(false));
    assertThat(s.getPlusMinus(), equalTo(-8));
  }

  @Test
  public void rejectsEachKindOfBadRowWithItsReason() {
    assertThat(reason(with("FGM", "seven")), containsString("FGM 'seven' is not a number"));
    assertThat(reason(with("MIN", "-3")), containsString("MIN -3 is negative"));
    assertThat(reason(with("MIN", "34:12")), containsString("MIN '34:12' is not whole or decimal minutes"));
    assertThat(reason(with("FGA", "5")), containsString("FGM 7 > FGA 5"));
    assertThat(reason(with("GAME_DATE", "10/24/2023")), containsString("GAME_DATE '10/24/2023' is not YYYY-MM-DD"));
    assertThat(reason(with("MATCHUP", "DEN vs LAL vs BOS")), containsString("MATCHUP 'DEN vs LAL vs BOS'"));
    assertThat(reason(with("MATCHUP", "BOS @ LAL")), containsString("not from TEAM_ABBREVIATION DEN's side"));
    assertThat(reason(with("TEAM_ABBREVIATION", "XYZ")), containsString("unknown team 'XYZ'"));
    assertThat(reason(with("PLAYER_NAME", "")), containsString("PLAYER_NAME is blank"));
    assertThat(reason(with("PTS", "16")), containsString("PTS 16 != 2·FGM + FG3M + FTM = 15"));
    assertThat(reason(with("REB", "8")), containsString("REB 8 != OREB 2 + DREB 5"));
    assertThat(reason(with("AST", "-1")), containsString("AST -1 is negative"));
    assertThat(reason(with("SEASON_YEAR", "2022-23")), containsString("SEASON_YEAR 2022-23 does not contain GAME_DATE"));
    assertThat(reason(with("GAME_DATE", "2027-01-01").replace("2023-24,", "2026-27,")), containsString("in the future"));
  }

  @Test
  public void matchupParsing() throws Exception {
    PlayerGameLogParser.Matchup home = PlayerGameLogParser.Matchup.parse("DEN vs. LAL");
    assertThat(home.team + ">" + home.opponent + ":" + home.home, equalTo("DEN>LAL:true"));
    PlayerGameLogParser.Matchup away = PlayerGameLogParser.Matchup.parse("LAL @ DEN");
    assertThat(away.team + ">" + away.opponent + ":" + away.home, equalTo("LAL>DEN:false"));
    assertThrows(InvalidRowException.class, () -> PlayerGameLogParser.Matchup.parse("DEN - LAL"));
    assertThrows(InvalidRowException.class, () -> PlayerGameLogParser.Matchup.parse("DEN vs. DEN"));
  }
}
