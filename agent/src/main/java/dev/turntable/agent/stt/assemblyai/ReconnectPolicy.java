package dev.turntable.agent.stt.assemblyai;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to reconnect after a failure that retrying can fix (a dropped
 * connection, a server error, too many sessions). The delay doubles after each failed attempt, from
 * {@code initialBackoff} up to {@code maxBackoff}; it is deterministic (no jitter) so replays and
 * tests see the same schedule.
 */
public record ReconnectPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public static final ReconnectPolicy DEFAULT =
      new ReconnectPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8));

  public static final ReconnectPolicy NEVER =
      new ReconnectPolicy(0, Duration.ofMillis(250), Duration.ofSeconds(8));

  public ReconnectPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must be >= 0, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff ("
              + maxBackoff
              + ") must not be shorter than initialBackoff ("
              + initialBackoff
              + ")");
    }
  }

  /** The wait before reconnect attempt {@code attempt} (1-based). */
  public Duration delayBeforeAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
    }
    int doublings = Math.min(attempt - 1, 30);
    long millis = initialBackoff.toMillis() << doublings;
    return millis >= maxBackoff.toMillis() || millis < 0 ? maxBackoff : Duration.ofMillis(millis);
  }
}
