package schemas;

/**
 * A persisted upstream table that a run was told to consume is missing, stale, incomplete or damaged. The run
 * stops with this message (naming the table, the date and what is wrong) rather than build from it.
 */
public final class UpstreamNotReadyException extends RuntimeException {
  public UpstreamNotReadyException(String message) {
    super(message);
  }

  public UpstreamNotReadyException(String message, Throwable cause) {
    super(message, cause);
  }
}
