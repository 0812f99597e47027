package dev.turntable.agent.tts;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;

/** Streaming text-to-speech returning raw PCM in {@link #format()}. */
public interface SpeechSynthesizer {
  PcmFormat format();

  /**
   * Starts synthesizing {@code text}. Events arrive on an HTTP thread: {@link TtsEvent.Audio} chunks
   * as they stream in (whole frames only), then exactly one {@link TtsEvent.Completed} or
   * {@link TtsEvent.Failed} — unless cancelled, after which nothing more is delivered.
   */
  Cancellable synthesize(String text, TtsListener listener);
}
