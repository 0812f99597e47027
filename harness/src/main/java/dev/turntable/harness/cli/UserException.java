package dev.turntable.harness.cli;

/** A failure the user can fix: bad input, a missing device, an unreachable service. */
final class UserException extends RuntimeException {
  UserException(String message) {
    super(message);
  }

  UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
