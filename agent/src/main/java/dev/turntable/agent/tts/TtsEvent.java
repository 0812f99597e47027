package dev.turntable.agent.tts;

import java.util.List;

public sealed interface TtsEvent {
  /** Raw PCM, a whole number of frames. */
  record Audio(byte[] pcm) implements TtsEvent {}

  /** Words the service has aligned with audio delivered so far (streaming synthesis only). */
  record Words(List<SpokenWord> words) implements TtsEvent {
    public Words {
      words = List.copyOf(words);
    }
  }

  record Completed() implements TtsEvent {}

  /** The request or the stream failed; {@code message} is safe to show (no secrets). */
  record Failed(String message) implements TtsEvent {}
}
