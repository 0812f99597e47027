package dev.turntable.harness.stubs;

import java.util.Objects;

/**
 * What a stubbed service says. For the LLMs it is the assistant's reply, streamed in token-ish
 * pieces; for the TTS services it replaces the request's own text as the words spoken.
 */
public record StubReply(String text) {
  /** What the LLM stubs say until told otherwise. */
  public static final StubReply DEFAULT = new StubReply("Okay, sounds good.");

  public StubReply {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a stub reply needs some text; got a blank string");
    }
  }

  public static StubReply text(String text) {
    return new StubReply(text);
  }
}
