package dev.turntable.agent.tts;

import dev.turntable.agent.Cancellable;

/**
 * A TTS that takes text as it is written (over a WebSocket), so speech can start on the first
 * words of a reply instead of its first whole sentence. It still speaks whole texts through
 * {@link #synthesize}.
 */
public interface StreamingSynthesizer extends SpeechSynthesizer {
  /**
   * Opens a stream for one reply. Events arrive on a network thread, as for {@link #synthesize}:
   * {@link TtsEvent.Audio} and {@link TtsEvent.Words} as they come, then one
   * {@link TtsEvent.Completed} after {@link TextStream#finish()} or one {@link TtsEvent.Failed};
   * nothing after {@link TextStream#cancel()}.
   */
  TextStream open(TtsListener listener);

  /**
   * Connects now, so the first reply does not wait for a TCP and TLS handshake at its first token.
   * Never blocks; a failure shows when a stream is opened.
   */
  default void connectAhead() {}

  /** A whole text, spoken as a stream that is written at once and finished. */
  @Override
  default Cancellable synthesize(String text, TtsListener listener) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to synthesize is blank");
    }
    TextStream stream = open(listener);
    stream.append(text);
    stream.finish();
    return stream;
  }
}
