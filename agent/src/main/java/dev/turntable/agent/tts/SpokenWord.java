package dev.turntable.agent.tts;

/**
 * A word as the service aligned it with its audio: milliseconds from the start of the stream's
 * audio (the first byte it delivered), so a barge-in can tell exactly which words were heard.
 */
public record SpokenWord(String text, double startMs, double endMs) {
  public SpokenWord {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a spoken word needs text");
    }
    if (!(startMs >= 0) || endMs < startMs) {
      throw new IllegalArgumentException(
          "word '" + text + "' has bad times " + startMs + ".." + endMs + " ms");
    }
  }
}
