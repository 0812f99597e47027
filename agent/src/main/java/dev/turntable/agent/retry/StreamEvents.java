package dev.turntable.agent.retry;

/**
 * What the retry logic needs to know about a streaming port's events: which carry content (after
 * which a retry would repeat what the user already got), which are failures, and how to make the
 * failure and retry notices of that port.
 */
interface StreamEvents<E> {
  /** A failure's message and whether retrying may help. */
  record Failure(String message, boolean retryable) {}

  boolean isContent(E event);

  /** The failure this event reports, or null if it is not one. */
  Failure failure(E event);

  E failed(String message, boolean retryable);

  E retrying(String message);
}
