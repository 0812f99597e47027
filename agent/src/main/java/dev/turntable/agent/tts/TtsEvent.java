package dev.turntable.agent.tts;

public sealed interface TtsEvent {
  /** Raw PCM, a whole number of frames. */
  record Audio(byte[] pcm) implements TtsEvent {}

  record Completed() implements TtsEvent {}

  /**
   * The request or the stream failed; {@code message} is safe to show (no secrets). {@code
   * retryable}: a rate limit, a server error, a timeout or a dropped connection.
   */
  record Failed(String message, boolean retryable) implements TtsEvent {
    public Failed(String message) {
      this(message, false);
    }
  }

  /**
   * An attempt failed before any audio and the request is being tried again (or by the fallback
   * provider). Only retrying decorators send it, always before the first {@link Audio}.
   */
  record Retrying(String message) implements TtsEvent {}
}
