package dev.turntable.agent.llm;

public sealed interface LlmEvent {
  record TextDelta(String text) implements LlmEvent {}

  /** The reply is complete; {@code stopReason} as the provider named it (e.g. "stop", "end_turn"). */
  record Completed(String stopReason) implements LlmEvent {}

  /** The request or the stream failed; {@code message} is safe to show (no secrets). */
  record Failed(String message) implements LlmEvent {}
}
