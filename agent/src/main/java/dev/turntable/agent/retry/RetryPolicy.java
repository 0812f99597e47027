package dev.turntable.agent.retry;

import java.time.Duration;

/**
 * How a failed LLM or TTS request is retried before the user notices. An attempt that fails
 * before any content with a retryable error (429, 5xx, a dropped connection) or that sends nothing
 * within {@code attemptTimeout} is tried again after a backoff that doubles from {@code
 * initialBackoff} up to {@code maxBackoff}, as long as the retry would start within {@code budget}
 * of the first request. Then the fallback provider gets one attempt, if there is one. No jitter:
 * replays must see the same schedule.
 *
 * @param maxAttempts attempts on the primary provider, the first included
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration budget,
    Duration attemptTimeout) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          3, Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(3));

  /** One attempt, no timeout of its own beyond a long one: the provider's behaviour unchanged. */
  public static final RetryPolicy NONE =
      new RetryPolicy(
          1, Duration.ofMillis(250), Duration.ofMillis(250), Duration.ZERO, Duration.ofMinutes(5));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    for (Duration d : new Duration[] {initialBackoff, maxBackoff, budget, attemptTimeout}) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("retry durations must be zero or positive");
      }
    }
    if (attemptTimeout.isZero() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("attemptTimeout and initialBackoff must be positive");
    }
  }

  public RetryPolicy withBudget(Duration newBudget) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, newBudget, attemptTimeout);
  }

  public RetryPolicy withAttemptTimeout(Duration timeout) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, budget, timeout);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, maxBackoff, budget, attemptTimeout);
  }

  /** The wait before attempt {@code attempt} (2 is the first retry). */
  Duration backoffBefore(int attempt) {
    int doublings = Math.min(Math.max(0, attempt - 2), 20);
    Duration backoff = initialBackoff.multipliedBy(1L << doublings);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
