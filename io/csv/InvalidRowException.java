package io.csv;

/** A row that cannot become a record; its message is the dead-letter reason a person reads. */
public class InvalidRowException extends Exception {
  public InvalidRowException(String reason) {
    super(reason, null, false, false);
  }
}
