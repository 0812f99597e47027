package dev.turntable.harness.stubs;

/** How the TTS stubs make audio for a request's text. */
public enum SpeechEngine {
  /** Real speech from {@code espeak-ng} when it is on the PATH, otherwise {@link #TONE}. */
  AUTO,
  /** Real speech from {@code espeak-ng}; the stubs refuse to start without it. */
  ESPEAK,
  /** A deterministic tone of speech-like length (~65 ms per character); needs nothing installed. */
  TONE
}
