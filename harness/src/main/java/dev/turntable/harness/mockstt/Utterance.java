package dev.turntable.harness.mockstt;

import java.util.Objects;

/**
 * What the scripted user says and when, in audio time from the start of the stream. Text ending in
 * {@code .}, {@code ?} or {@code !} ends its turn after {@code min_turn_silence}; other text waits
 * for {@code max_turn_silence}, as u3-rt-pro does.
 */
public record Utterance(String text, long startMs, long endMs) {
  public Utterance {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("an utterance needs at least one word");
    }
    if (startMs < 0) {
      throw new IllegalArgumentException("start_ms must not be negative, was " + startMs);
    }
    if (endMs <= startMs) {
      throw new IllegalArgumentException(
          "end_ms must be after start_ms, was " + endMs + " ≤ " + startMs);
    }
  }

  /** Whether u3 would end the turn at the first silence check. */
  public boolean endsSentence() {
    String trimmed = text.strip();
    char last = trimmed.charAt(trimmed.length() - 1);
    return last == '.' || last == '?' || last == '!';
  }
}
