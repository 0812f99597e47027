package dev.turntable.agent.llm;

public sealed interface LlmEvent {
  record TextDelta(String text) implements LlmEvent {}

  /** The reply is complete; {@code stopReason} as the provider named it (e.g. "stop", "end_turn"). */
  record Completed(String stopReason) implements LlmEvent {}

  /**
   * The request or the stream failed; {@code message} is safe to show (no secrets). {@code
   * retryable}: a rate limit, a server error, a timeout or a dropped connection, which the same
   * request may survive later; not a rejected key or request.
   */
  record Failed(String message, boolean retryable) implements LlmEvent {
    public Failed(String message) {
      this(message, false);
    }
  }

  /**
   * An attempt failed before any text and the request is being tried again (or by the fallback
   * provider). Only retrying decorators send it, always before the first {@link TextDelta}.
   */
  record Retrying(String message) implements LlmEvent {}
}
