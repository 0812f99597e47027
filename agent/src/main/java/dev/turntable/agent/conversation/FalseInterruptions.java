package dev.turntable.agent.conversation;

import java.time.Duration;

/**
 * What a partial that passes the interruption policy does. With {@code resume} it only pauses the
 * agent: the final turn (or a second passing partial) commits the interruption, and a final that
 * the policy drops, or silence from the recognizer for {@code timeout}, lets the agent go on from
 * where it stopped. Without it, the first passing partial cancels the reply at once.
 *
 * @param timeout how long a pause waits for the next transcript of the pausing turn; it should
 *     exceed the recognizer's {@code max_turn_silence}, after which a final always comes
 */
public record FalseInterruptions(boolean resume, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2_000);

  public FalseInterruptions {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the resume timeout must be positive, was " + timeout);
    }
  }

  public static FalseInterruptions resumeAfter(Duration timeout) {
    return new FalseInterruptions(true, timeout);
  }

  public static FalseInterruptions never() {
    return new FalseInterruptions(false, DEFAULT_TIMEOUT);
  }
}
