package io.inputs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A made-up league, written in the same file shapes as real exports (nba_api game logs, schedule, game lines,
 * NBA.com shot zones, The Odds API prop snapshots). It is the project's embedded default input and, at larger
 * sizes, its benchmark league. Deterministic for a given {@link Config}: the same seed writes the same bytes.
 *
 * <p>What it exercises on purpose: an accented name, a "Jr." player whose sportsbook name drops the suffix,
 * back-to-backs, a few 0-minute rows, late tip-offs that roll past midnight UTC, alternate lines, and the
 * schedule's last days without box scores (games still to be played, for same-day runs).
 */
public final class SampleLeague {

  /** How big a league to write. */
  public static final class Config {
    public int teams = 8;
    public int playersPerTeam = 10;
    public int seasons = 1;
    public int daysPerSeason = 28;
    /** Scheduled days after the last box score, with no box scores: the "upcoming" games. */
    public int upcomingDays = 3;
    public LocalDate firstDay = LocalDate.of(2024, 11, 1);
    public long seed = 20241101L;
    /**
     * Seeds the games apart from the roster: the same players in other games. Null: one stream for both (the
     * embedded sample's bytes, which tests pin down).
     */
    public Long gamesSeed = null;

    public static Config embedded() {
      return new Config();
    }

    /**
     * The same league's previous season, wholly before this one's first day: its players (the roster's seed) in
     * other games (another games seed), every day played. A model trained on it has seen none of this league's
     * games, so it can predict all of them.
     */
    public Config previousSeason() {
      Config c = new Config();
      c.teams = teams;
      c.playersPerTeam = playersPerTeam;
      c.seasons = 1;
      c.daysPerSeason = daysPerSeason;
      c.upcomingDays = 0;
      c.firstDay = firstDay.minusYears(seasons);
      c.seed = seed;
      c.gamesSeed = seed - 1;
      return c;
    }

    /** A full-size league for benchmarks: 30 teams, about 82 games each per season. */
    public static Config fullLeague(int seasons) {
      Config c = new Config();
      c.teams = 30;
      c.playersPerTeam = 13;
      c.seasons = seasons;
      c.daysPerSeason = 165;
      c.firstDay = LocalDate.of(2019, 10, 22);
      return c;
    }
  }

  private static final String[] FIRST =
      {"Marcus", "Devin", "Tyrese", "Jalen", "Andre", "Caleb", "Isaiah", "Malik", "Jordan", "Darius", "Keon",
       "Trey", "Cole", "Elijah", "Xavier", "Miles", "Dante", "Julian", "Rafael", "Owen", "Tomas", "Noah"};
  private static final String[] LAST =
      {"Hale", "Porter", "Whitaker", "Reyes", "Langford", "Okafor", "Brennan", "Castillo", "Sutton", "Vance",
       "Mercer", "Holloway", "Abernathy", "Quinn", "Ellison", "Drummond", "Fairley", "Kingsley", "Navarro",
       "Pryor", "Stokes", "Tillman", "Underwood", "Wexler", "Yates", "Zeller", "Bishop", "Calloway"};
  private static final String[] BOOKS = {"draftkings", "fanduel", "betmgm"};
  private static final String[] TEAMS =
      {"BOS", "DEN", "LAL", "MIA", "NYK", "PHX", "GSW", "MIL", "DAL", "OKC", "CLE", "MIN", "SAC", "IND", "NOP",
       "ORL", "PHI", "LAC", "HOU", "ATL", "CHI", "TOR", "BKN", "MEM", "UTA", "SAS", "POR", "CHA", "DET", "WAS"};

  private final Config config;
  private Random random;
  /**
   * The prop markets' own stream (all but points' moves, which have always come from {@link #random}): drawing
   * them there would shift every later draw, and with it every other file's bytes.
   */
  private final Random propsRandom;

  private SampleLeague(Config config) {
    this.config = config;
    this.random = new Random(config.seed);
    this.propsRandom = new Random((config.gamesSeed != null ? config.gamesSeed : config.seed) ^ 0x9E3779B97F4A7C15L);
  }

  /** Writes the league's input files into {@code dir} (created if needed); returns what it wrote. */
  public static Summary write(Path dir, Config config) throws IOException {
    Files.createDirectories(dir);
    return new SampleLeague(config).writeAll(dir);
  }

  /** What a generated league holds, for logs and benchmarks. */
  public static final class Summary {
    public LocalDate firstGameDay;
    public LocalDate lastPlayedDay;
    public LocalDate lastScheduledDay;
    public int boxScoreRows;
    public int games;
    /** Per played day, the most games a team playing that day had played before it in the season. */
    public final java.util.TreeMap<LocalDate, Integer> mostPriorGames = new java.util.TreeMap<>();

    /** The first played day on which a team that plays has {@code games} games of the season behind it, or null. */
    public LocalDate firstDayWithPriorGames(int games) {
      return mostPriorGames.entrySet().stream().filter(e -> e.getValue() >= games).map(java.util.Map.Entry::getKey)
          .findFirst().orElse(null);
    }

    @Override
    public String toString() {
      return boxScoreRows + " box scores in " + games + " games, " + firstGameDay + " to " + lastPlayedDay
          + " (scheduled to " + lastScheduledDay + ")";
    }
  }

  private static final class Player {
    String name;
    String id;
    String team;
    double minutes;
    double pointsPer36;
    double threeShare;
    double ftRate;
    double reboundsPer36;
    double assistsPer36;
    double form;
  }

  private Summary writeAll(Path dir) throws IOException {
    List<String> teams = new ArrayList<>(List.of(TEAMS).subList(0, config.teams));
    List<Player> players = roster(teams);
    if (config.gamesSeed != null) {
      random = new Random(config.gamesSeed);
    }
    StringBuilder logs = new StringBuilder(
        "SEASON_YEAR,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,FGM,FGA,FG3M,FG3A,"
            + "FTM,FTA,OREB,DREB,REB,AST,TOV,STL,BLK,PF,PTS,PLUS_MINUS\n");
    StringBuilder schedule = new StringBuilder("SEASON_YEAR,GAME_ID,GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION\n");
    StringBuilder lines = new StringBuilder(
        "GAME_DATE,HOME_TEAM_ABBREVIATION,AWAY_TEAM_ABBREVIATION,FAVORED,SPREAD,TOTAL,MONEYLINE_HOME,MONEYLINE_AWAY\n");
    StringBuilder zones = new StringBuilder("GAME_ID,GAME_DATE,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,BASIC_ZONE,FGA,FGM\n");
    StringBuilder props = new StringBuilder(
        "snapshot_file,event_id,player,market,line,bookmaker,game,game_time,over_odds,under_odds\n");
    // The offers are most of a league's bytes (about 1.9M rows a season at full size): written out day by day, not
    // held until the end, so five seasons generate in a default heap. The same bytes, in more writes.
    try (Writer propsOut = writer(dir.resolve("player_props_snapshots.csv.gz"), true)) {
      return writeAll(dir, teams, players, logs, schedule, lines, zones, props, propsOut);
    }
  }

  private Summary writeAll(
      Path dir, List<String> teams, List<Player> players, StringBuilder logs, StringBuilder schedule,
      StringBuilder lines, StringBuilder zones, StringBuilder props, Writer propsOut) throws IOException {
    Summary summary = new Summary();
    int gameNumber = 0;
    for (int s = 0; s < config.seasons; s++) {
      LocalDate start = config.firstDay.plusYears(s);
      String season = seasonLabel(start);
      int seasonPrefix = start.getYear() % 100;
      for (Player p : players) {
        p.form = 0;
      }
      java.util.Map<String, Integer> teamGames = new java.util.HashMap<>();
      int days = config.daysPerSeason + (s == config.seasons - 1 ? config.upcomingDays : 0);
      for (int d = 0; d < days; d++) {
        LocalDate date = start.plusDays(d);
        boolean played = d < config.daysPerSeason;
        List<String> available = new ArrayList<>(teams);
        Collections.shuffle(available, random);
        int playing = (int) Math.round(available.size() * (0.5 + 0.25 * random.nextDouble()));
        playing -= playing % 2;
        for (int g = 0; g + 1 < playing; g += 2) {
          String home = available.get(g);
          String away = available.get(g + 1);
          gameNumber++;
          String gameId = String.format("002%02d%05d", seasonPrefix, gameNumber);
          schedule.append(season).append(',').append(gameId).append(',').append(date).append(',')
              .append(home).append(',').append(away).append('\n');
          lines.append(gameLine(players, teams, date, home, away));
          String tip = lateOrEarlyTip(date);
          writeProps(props, players, home, away, date, tip, gameId);
          if (!played) {
            continue;
          }
          summary.games++;
          summary.mostPriorGames.merge(
              date, Math.max(teamGames.getOrDefault(home, 0), teamGames.getOrDefault(away, 0)), Math::max);
          teamGames.merge(home, 1, Integer::sum);
          teamGames.merge(away, 1, Integer::sum);
          List<int[]> homeLines = new ArrayList<>();
          List<int[]> awayLines = new ArrayList<>();
          List<Player> homePlayers = team(players, home);
          List<Player> awayPlayers = team(players, away);
          int homePts = boxScores(homePlayers, homeLines);
          int awayPts = boxScores(awayPlayers, awayLines);
          if (homePts == awayPts) {
            homePts += bumpWinner(homeLines);
          }
          summary.boxScoreRows += homeLines.size() + awayLines.size();
          appendLogs(logs, zones, season, gameId, date, home, away, true, homePlayers, homeLines, homePts - awayPts);
          appendLogs(logs, zones, season, gameId, date, away, home, false, awayPlayers, awayLines, awayPts - homePts);
          if (summary.firstGameDay == null) {
            summary.firstGameDay = date;
          }
          summary.lastPlayedDay = date;
        }
        summary.lastScheduledDay = date;
        propsOut.append(props);
        props.setLength(0);
      }
    }
    write(dir.resolve("player_game_logs.csv"), logs, false);
    write(dir.resolve("schedule.csv"), schedule, false);
    write(dir.resolve("game_lines.csv"), lines, false);
    write(dir.resolve("shot_zones.csv.gz"), zones, true);
    propsOut.append(props);
    return summary;
  }

  /** Points per team-game in the NBA of recent seasons (2023-24: 114.2): the unit the sample's lines are quoted in. */
  private static final double NBA_TEAM_POINTS = 114;

  /**
   * The game's closing line as a {@code game_lines.csv} row, from the strengths the box scores are drawn from: each
   * team's expected points (its players' scoring rates, minutes and current form), the stronger team favoured by
   * the difference and the total their sum, each with a book's noise, rounded to the half point. The made-up league
   * scores more than the NBA (its average team's expected points, {@code leagueTeamPoints}, is higher), so its
   * lines are quoted in NBA units, scaled so an average team scores {@link #NBA_TEAM_POINTS}: a real file's range
   * (game_lines.csv's TOTAL is checked against 150–300), the same order of games. Two draws, in the order the
   * sample has always made them, so every other file keeps its bytes.
   */
  private String gameLine(List<Player> players, List<String> teams, LocalDate date, String home, String away) {
    double spreadNoise = random.nextGaussian();
    double totalNoise = random.nextGaussian();
    double leagueTeamPoints = 0;
    for (String t : teams) {
      leagueTeamPoints += expectedPoints(team(players, t)) / teams.size();
    }
    double scale = NBA_TEAM_POINTS / leagueTeamPoints;
    double homePoints = expectedPoints(team(players, home)) * scale;
    double awayPoints = expectedPoints(team(players, away)) * scale;
    double homeSpread = halfPoint(awayPoints - homePoints + spreadNoise * 1.5);
    double total = halfPoint(homePoints + awayPoints + totalNoise * 3);
    return date + "," + home + "," + away + "," + (homeSpread <= 0 ? "HOME" : "AWAY") + "," + Math.abs(homeSpread)
        + "," + total + ",,\n";
  }

  /** The mean of the points {@link #boxScores} draws for the team (its draws score about what they aim at). */
  private static double expectedPoints(List<Player> team) {
    double points = 0;
    for (Player p : team) {
      points += Math.max(0, p.pointsPer36 * p.minutes / 36.0 * (1 + 0.15 * p.form));
    }
    return points;
  }

  private static double halfPoint(double v) {
    return Math.round(v * 2) / 2.0;
  }

  private List<Player> roster(List<String> teams) {
    List<Player> players = new ArrayList<>();
    int id = 1_700_000;
    for (String team : teams) {
      for (int i = 0; i < config.playersPerTeam; i++) {
        Player p = new Player();
        p.team = team;
        p.id = Integer.toString(id++);
        p.name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        if (players.size() == 3) {
          p.name = "Tomáš Kovač"; // accents fold to tomaskovac
        } else if (players.size() == 5) {
          p.name = p.name + " Jr."; // sportsbooks drop the suffix: joined by PlayerNames.joinKey
        }
        for (Player other : players) {
          if (other.name.equals(p.name)) {
            p.name = p.name + " " + (char) ('A' + i);
          }
        }
        double rank = i / (double) config.playersPerTeam;
        p.minutes = Math.max(8, 36 - rank * 30 + random.nextGaussian() * 2);
        p.pointsPer36 = Math.max(8, 26 - rank * 12 + random.nextGaussian() * 4);
        p.threeShare = 0.15 + 0.35 * random.nextDouble();
        p.ftRate = 0.15 + 0.2 * random.nextDouble();
        p.reboundsPer36 = 4 + 8 * random.nextDouble();
        p.assistsPer36 = 1 + 7 * random.nextDouble();
        players.add(p);
      }
    }
    return players;
  }

  private static List<Player> team(List<Player> players, String team) {
    List<Player> out = new ArrayList<>();
    for (Player p : players) {
      if (p.team.equals(team)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Fills one line per player: {MIN, FGM, FGA, FG3M, FG3A, FTM, FTA, OREB, DREB, AST, TOV, STL, BLK, PF, PTS}. */
  private int boxScores(List<Player> players, List<int[]> out) {
    int total = 0;
    for (Player p : players) {
      p.form = 0.8 * p.form + 0.2 * random.nextGaussian();
      int minutes = random.nextDouble() < 0.02 ? 0 : (int) Math.round(clamp(p.minutes + random.nextGaussian() * 4, 1, 44));
      double scale = minutes / 36.0;
      double expectedPoints = Math.max(0, p.pointsPer36 * scale * (1 + 0.15 * p.form));
      int fta = poisson(expectedPoints * p.ftRate / 0.8 / 1.0 * 0.5);
      int ftm = binomial(fta, 0.78);
      double fieldPoints = Math.max(0, expectedPoints - ftm);
      int fga = poisson(fieldPoints / 1.05);
      int fg3a = binomial(fga, p.threeShare);
      int fg3m = binomial(fg3a, 0.36);
      int fg2m = binomial(fga - fg3a, 0.53);
      int fgm = fg2m + fg3m;
      int reb = poisson(p.reboundsPer36 * scale);
      int oreb = binomial(reb, 0.25);
      int[] line = {
        minutes, fgm, fga, fg3m, fg3a, ftm, fta, oreb, reb - oreb, poisson(p.assistsPer36 * scale),
        poisson(1.8 * scale), poisson(0.9 * scale), poisson(0.6 * scale), poisson(2.5 * scale), 2 * fgm + fg3m + ftm
      };
      total += line[14];
      out.add(line);
    }
    fullGameMinutes(out);
    return total;
  }

  /**
   * Scales a team's minutes to a regulation game's 240, the rest of each line unchanged: a real box score's
   * minutes add up to the game's length, and a team-game that falls short is treated as a partial box score.
   * No random draw, so every other value of the sample stays as it was.
   */
  private static void fullGameMinutes(List<int[]> lines) {
    int total = 0;
    int longest = 0;
    for (int i = 0; i < lines.size(); i++) {
      total += lines.get(i)[0];
      longest = lines.get(i)[0] > lines.get(longest)[0] ? i : longest;
    }
    if (total == 0) {
      return;
    }
    int scaled = 0;
    for (int[] line : lines) {
      line[0] = (int) Math.round(line[0] * 240.0 / total);
      scaled += line[0];
    }
    lines.get(longest)[0] += 240 - scaled;
  }

  /** Breaks a tie the way overtime does: a made free throw for the first player who played. */
  private static int bumpWinner(List<int[]> lines) {
    for (int[] l : lines) {
      if (l[0] > 0) {
        l[5]++;
        l[6]++;
        l[14]++;
        return 1;
      }
    }
    return 0;
  }

  private void appendLogs(
      StringBuilder logs, StringBuilder zones, String season, String gameId, LocalDate date, String team, String opp,
      boolean home, List<Player> players, List<int[]> lines, int margin) {
    String matchup = home ? team + " vs. " + opp : team + " @ " + opp;
    for (int i = 0; i < players.size(); i++) {
      Player p = players.get(i);
      int[] l = lines.get(i);
      int plusMinus = l[0] == 0 ? 0 : (int) Math.round(margin * l[0] / 48.0 + random.nextGaussian() * 3);
      logs.append(season).append(',').append(p.id).append(',').append(quote(p.name)).append(',').append(team)
          .append(',').append(gameId).append(',').append(date).append(',').append(matchup).append(',')
          .append(margin > 0 ? "W" : "L").append(',').append(l[0]);
      for (int k = 1; k <= 8; k++) {
        logs.append(',').append(l[k]);
      }
      logs.append(',').append(l[7] + l[8]);
      for (int k = 9; k <= 14; k++) {
        logs.append(',').append(l[k]);
      }
      logs.append(',').append(plusMinus).append('\n');
      writeZones(zones, gameId, date, p, team, l);
    }
  }

  /** Splits a box score's attempts over NBA.com zones so that zone totals equal FGA/FGM and FG3A/FG3M. */
  private void writeZones(StringBuilder zones, String gameId, LocalDate date, Player p, String team, int[] l) {
    int fga2 = l[2] - l[4];
    int fgm2 = l[1] - l[3];
    int ra = binomial(fga2, 0.55);
    int raMade = Math.min(ra, binomial(fgm2, 0.65));
    int paint = binomial(fga2 - ra, 0.5);
    int paintMade = Math.min(paint, binomial(fgm2 - raMade, 0.5));
    int mid = fga2 - ra - paint;
    int midMade = fgm2 - raMade - paintMade;
    if (midMade > mid) { // keep every zone's makes within its attempts
      int extra = midMade - mid;
      midMade = mid;
      int roomPaint = paint - paintMade;
      int toPaint = Math.min(extra, roomPaint);
      paintMade += toPaint;
      raMade += extra - toPaint;
    }
    int corner = binomial(l[4], 0.3);
    int cornerMade = Math.min(corner, binomial(l[3], 0.3));
    int above = l[4] - corner;
    int aboveMade = l[3] - cornerMade;
    if (aboveMade > above) {
      cornerMade += aboveMade - above;
      aboveMade = above;
    }
    zone(zones, gameId, date, p, team, "Restricted Area", ra, raMade);
    zone(zones, gameId, date, p, team, "In The Paint (Non-RA)", paint, paintMade);
    zone(zones, gameId, date, p, team, "Mid-Range", mid, midMade);
    zone(zones, gameId, date, p, team, "Left Corner 3", corner, cornerMade);
    zone(zones, gameId, date, p, team, "Above the Break 3", above, aboveMade);
  }

  private static void zone(StringBuilder zones, String gameId, LocalDate date, Player p, String team, String zone, int fga, int fgm) {
    if (fga > 0) {
      zones.append(gameId).append(',').append(date).append(',').append(p.id).append(',').append(quote(p.name))
          .append(',').append(team).append(',').append(zone).append(',').append(fga).append(',').append(fgm).append('\n');
    }
  }

  /** The books of the markets beyond points, rebounds and assists (fewer books list them, as in real files). */
  private static final String[] FEW_BOOKS = {"draftkings", "fanduel"};

  /**
   * Two snapshots a day (15:00Z and 22:00Z) for the rotation players, in every market the platform carries
   * ({@link schemas.vocabulary.Markets}), each line derived from the player's expected stat as points always was,
   * each book's main line with both sides' odds plus an alternate; and a blocks offer, a market the platform does
   * not carry. Points are written exactly as before (its moves from {@link #random}); the other markets draw from
   * {@link #propsRandom}: their moves, each book's juice, and now and then a second book a point higher (two books
   * whose median falls between their lines: no book's price, a PASS downstream). Points, rebounds and assists are
   * at three books, the other markets at two.
   */
  private void writeProps(StringBuilder props, List<Player> players, String home, String away, LocalDate date, String tip, String gameId) {
    String game = schemas.vocabulary.Teams.FULL_NAMES.get(away) + " @ " + schemas.vocabulary.Teams.FULL_NAMES.get(home);
    String day = date.toString().replace("-", "");
    String[] snapshots = {"raw_" + day + "_150000.csv", "raw_" + day + "_220000.csv"};
    for (Player p : players) {
      if ((!p.team.equals(home) && !p.team.equals(away)) || p.minutes < 20) {
        continue;
      }
      double points = p.pointsPer36 * p.minutes / 36.0;
      double rebounds = p.reboundsPer36 * p.minutes / 36.0;
      double assists = p.assistsPer36 * p.minutes / 36.0;
      double threes = expectedThrees(p, points);
      String bookName = p.name.endsWith(" Jr.") ? p.name.substring(0, p.name.length() - 4) : p.name;
      String prefix = ",evt" + gameId + "," + quote(bookName) + ",";
      String suffix = "," + game + "," + tip + ",";
      for (int s = 0; s < snapshots.length; s++) {
        double move = s == 0 ? 0 : Math.round(random.nextGaussian()) * 0.5;
        for (String book : BOOKS) {
          double main = mainLine(points, move);
          props.append(snapshots[s]).append(prefix).append("player_points,").append(main).append(',').append(book)
              .append(suffix).append("-112.0,-108.0\n");
          props.append(snapshots[s]).append(prefix).append("player_points,").append(main + 3).append(',').append(book)
              .append(suffix).append("160.0,-210.0\n");
        }
        otherMarket(props, snapshots[s], prefix, suffix, "player_rebounds", rebounds, s, BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_assists", assists, s, BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_threes", threes, s, FEW_BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_points_rebounds_assists", points + rebounds + assists, s, FEW_BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_points_rebounds", points + rebounds, s, FEW_BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_points_assists", points + assists, s, FEW_BOOKS);
        otherMarket(props, snapshots[s], prefix, suffix, "player_rebounds_assists", rebounds + assists, s, FEW_BOOKS);
        props.append(snapshots[s]).append(prefix).append("player_blocks,0.5,draftkings").append(suffix).append("120.0,-150.0\n");
      }
    }
  }

  /** One market's offers in one snapshot: each book's main line (its juice drawn) and an alternate a point up. */
  private void otherMarket(
      StringBuilder props, String snapshot, String prefix, String suffix, String market, double expected, int s,
      String[] books) {
    double main = mainLine(expected, s == 0 ? 0 : Math.round(propsRandom.nextGaussian()) * 0.5);
    for (int b = 0; b < books.length; b++) {
      double line = b == 1 && propsRandom.nextInt(4) == 0 ? main + 1 : main;
      int skew = propsRandom.nextInt(5) - 2; // −120/−100 .. −100/−120, in steps of 5
      props.append(snapshot).append(prefix).append(market).append(',').append(line).append(',').append(books[b])
          .append(suffix).append(-110.0 - 5 * skew).append(',').append(-110.0 + 5 * skew).append('\n');
      props.append(snapshot).append(prefix).append(market).append(',').append(line + 1).append(',').append(books[b])
          .append(suffix).append("150.0,-190.0\n");
    }
  }

  /** A book's main line for an expected stat: the half point above it, moved, on the half (20.3 → 21.5). */
  private static double mainLine(double expected, double move) {
    double base = Math.round(expected * 2) / 2.0 + 0.5;
    return Math.floor(base + move) + 0.5;
  }

  /** The mean of the threes {@link #boxScores} draws for an expected points total (form aside). */
  private static double expectedThrees(Player p, double points) {
    double ftm = points * p.ftRate / 0.8 * 0.5 * 0.78;
    return Math.max(0, points - ftm) / 1.05 * p.threeShare * 0.36;
  }

  /** Most games tip at 7:30 pm Eastern; one in four at 10:30 pm, which is past midnight UTC. */
  private String lateOrEarlyTip(LocalDate date) {
    boolean late = random.nextInt(4) == 0;
    java.time.ZonedDateTime eastern = date.atTime(late ? 22 : 19, 30).atZone(java.time.ZoneId.of("America/New_York"));
    return eastern.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime() + ":00Z";
  }

  private static String seasonLabel(LocalDate start) {
    int y = start.getMonthValue() >= 8 ? start.getYear() : start.getYear() - 1;
    return String.format(Locale.ROOT, "%d-%02d", y, (y + 1) % 100);
  }

  private static String quote(String s) {
    return s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    double l = Math.exp(-Math.min(mean, 60));
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private int binomial(int n, double p) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static void write(Path file, StringBuilder content, boolean gzip) throws IOException {
    try (Writer w = writer(file, gzip)) {
      w.append(content);
    }
  }

  private static Writer writer(Path file, boolean gzip) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    return new java.io.BufferedWriter(
        new OutputStreamWriter(gzip ? new GZIPOutputStream(raw) : raw, StandardCharsets.UTF_8), 1 << 16);
  }
}
