package dev.turntable.harness.check;

import java.util.List;
import java.util.Optional;

/**
 * What really came out of the speaker, placed on the session's time axis (ms since the stream
 * started): the measures that are about what the user heard are taken from here, not from events.
 */
public record PlayedAudio(List<Span> spans) {
  /** Audio played without a gap from {@code startMs} to {@code endMs}. */
  public record Span(double startMs, double endMs) {}

  public static final PlayedAudio NONE = new PlayedAudio(List.of());

  public PlayedAudio {
    spans = List.copyOf(spans);
  }

  /** The span that was playing at {@code ms}, if any. */
  public Optional<Span> playingAt(double ms) {
    return spans.stream().filter(s -> s.startMs() <= ms && ms < s.endMs()).findFirst();
  }
}
