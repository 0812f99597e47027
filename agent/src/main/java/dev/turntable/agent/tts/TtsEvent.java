package dev.turntable.agent.tts;

public sealed interface TtsEvent {
  /** Raw PCM, a whole number of frames. */
  record Audio(byte[] pcm) implements TtsEvent {}

  record Completed() implements TtsEvent {}

  /** The request or the stream failed; {@code message} is safe to show (no secrets). */
  record Failed(String message) implements TtsEvent {}
}
