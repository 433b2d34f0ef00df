package io.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressed input that refuses to grow past {@code maxBytes}: a small gz file can inflate to any size (a
 * corrupt export, a gzip bomb), and the worker reading it must stop with a clear message, not run out of disk
 * or time. Past the limit, reading throws {@link TooLargeException}.
 */
public final class BoundedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long count;

  public BoundedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  /** The decompressed input passed its limit. */
  public static final class TooLargeException extends IOException {
    TooLargeException(long maxBytes) {
      super("the decompressed input is larger than " + maxBytes + " bytes");
    }
  }

  private void counted(long n) throws TooLargeException {
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        throw new TooLargeException(maxBytes);
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    counted(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    counted(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    counted(s);
    return s;
  }
}
