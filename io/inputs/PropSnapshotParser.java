package io.inputs;

import schemas.vocabulary.GameDates;
import io.csv.Csv;
import io.csv.CsvRecordParser;
import io.csv.InvalidRowException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemas.PropSnapshotOffer;

/**
 * One row of The Odds API-shaped {@code player_props_snapshots.csv(.gz)} → one {@link PropSnapshotOffer}.
 * The snapshot's time comes from its file name ({@code raw_20251021_170000.csv} is 2025-10-21T17:00:00Z);
 * {@code game_time} must carry a zone (a {@code Z} or an offset) because the game date is its US/Eastern date.
 */
public final class PropSnapshotParser implements CsvRecordParser<PropSnapshotOffer> {
  private static final List<String> REQUIRED =
      List.of("snapshot_file", "event_id", "player", "market", "line", "bookmaker", "game_time");
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("(\\d{8})_(\\d{6})");
  private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @Override
  public List<String> requiredColumns() {
    return REQUIRED;
  }

  @Override
  public String duplicateKey(PropSnapshotOffer o) {
    return "snapshot=" + o.getSnapshotFile() + ", event=" + o.getEventId() + ", player=" + o.getPlayerLookup()
        + ", market=" + o.getMarket() + ", book=" + o.getBookmaker() + ", line=" + o.getLine();
  }

  @Override
  public PropSnapshotOffer parse(Csv.Row row) throws InvalidRowException {
    String snapshotFile = row.required("snapshot_file");
    Instant snapshotTime = snapshotTime(snapshotFile);
    String player = row.required("player");
    String lookup = PlayerGameLogParser.lookupOf("player", player);
    Instant gameTime = gameTime(row.required("game_time"));
    double line = row.requiredDouble("line");
    if (line < 0 || line > 200) {
      throw new InvalidRowException("line " + line + " is outside 0–200");
    }
    return PropSnapshotOffer.builder()
        .setSnapshotFile(snapshotFile)
        .setSnapshotTime(snapshotTime.toString())
        .setEventId(row.required("event_id"))
        .setMarket(row.required("market"))
        .setPlayerName(player)
        .setPlayerLookup(lookup)
        .setBookmaker(row.required("bookmaker"))
        .setGame(row.get("game"))
        .setGameTime(gameTime.toString())
        .setGameDate(GameDates.easternDate(gameTime).toString())
        .setLine(line)
        .setOverOdds(row.optionalDouble("over_odds"))
        .setUnderOdds(row.optionalDouble("under_odds"))
        .build();
  }

  static Instant snapshotTime(String snapshotFile) throws InvalidRowException {
    Matcher m = SNAPSHOT_NAME.matcher(snapshotFile);
    if (!m.find()) {
      throw new InvalidRowException("snapshot_file '" + snapshotFile + "' has no YYYYMMDD_HHMMSS time");
    }
    try {
      return LocalDateTime.parse(m.group(1) + m.group(2), SNAPSHOT_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRowException("snapshot_file '" + snapshotFile + "' has an impossible time");
    }
  }

  static Instant gameTime(String text) throws InvalidRowException {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRowException("game_time '" + text + "' is not an ISO time with a zone (e.g. 2025-10-21T23:30:00Z)");
    }
  }
}
