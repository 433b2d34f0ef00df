package io.csv;

import java.io.IOException;
import java.io.Reader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Lines of a text stream, never more than {@code maxChars} of one held in memory: a corrupt or binary export
 * can hold hundreds of MB without a line end, and {@code BufferedReader.readLine} would materialize it all. A
 * longer line is returned truncated to its first {@link #KEPT_CHARS} characters with {@link #overlong()} set
 * (and its true length in {@link #length()}); reading then goes on after its line end. Line ends are those of
 * {@code readLine}: LF, CR or CRLF.
 */
public final class BoundedLineReader implements AutoCloseable {
  /** What an over-long line keeps of itself for its dead letter's raw_text. */
  public static final int KEPT_CHARS = 1000;

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[8192];
  private int pos;
  private int end;
  private boolean overlong;
  private long length;

  public BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** Whether a character is buffered, reading the next block when the buffer is spent. */
  private boolean fill() throws IOException {
    if (pos == end) {
      end = in.read(buf, 0, buf.length);
      pos = 0;
      if (end <= 0) {
        end = 0;
        return false;
      }
    }
    return true;
  }

  private int next() throws IOException {
    return fill() ? buf[pos++] : -1;
  }

  private int peek() throws IOException {
    return fill() ? buf[pos] : -1;
  }

  /** The next line without its end, or null at the end of the stream. */
  public @Nullable String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    overlong = false;
    length = 0;
    int c = next();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n' && c != '\r') {
      length++;
      if (!overlong) {
        if (line.length() < maxChars) {
          line.append((char) c);
        } else {
          overlong = true;
          line.setLength(Math.min(KEPT_CHARS, line.length()));
        }
      }
      c = next();
    }
    if (c == '\r' && peek() == '\n') {
      next();
    }
    return line.toString();
  }

  /** Whether the line last read was longer than the limit (and so truncated). */
  public boolean overlong() {
    return overlong;
  }

  /** The length in characters of the line last read, before any truncation. */
  public long length() {
    return length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
