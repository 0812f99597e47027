package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.stubs.SpeechAudio;
import java.util.Arrays;

/**
 * The microphone of a scripted conversation: silence, each user line spoken over exactly its span
 * ({@link ConversationScript.UserLine#spanMs()}), then the tail, in whole 50 ms frames. The voice
 * comes from espeak-ng when it is installed, otherwise from a speech-length tone (see {@link
 * SpeechAudio}); either way it is trimmed and stretched to the span, so the audio's length and the
 * transcript's timing never depend on the engine.
 */
public final class ConversationAudio {
  private static final int SILENCE_THRESHOLD = 300;
  private static final int FRAME_MS = 50;

  private ConversationAudio() {}

  /** 16 kHz mono s16le, as sent to STT. */
  public static byte[] micPcm(ConversationScript script, SpeechAudio speech) {
    PcmFormat format = PcmFormat.STT;
    int frame = format.bytesForMillis(FRAME_MS);
    int total = format.bytesForMillis(script.micDurationMs());
    byte[] mic = new byte[total + (frame - total % frame) % frame];
    for (ConversationScript.UserLine line : script.user()) {
      byte[] voice = trimSilence(speech.pcm(line.text(), format.sampleRate()));
      byte[] fitted = stretch(voice, format.bytesForMillis(line.spanMs()) / 2);
      System.arraycopy(fitted, 0, mic, format.bytesForMillis(line.atMs()), fitted.length);
    }
    return mic;
  }

  /** espeak-ng pads its output; the voice itself is what has to fit the span. */
  static byte[] trimSilence(byte[] pcm) {
    int frames = pcm.length / 2;
    int first = 0;
    while (first < frames && Math.abs(sample(pcm, first)) < SILENCE_THRESHOLD) {
      first++;
    }
    int last = frames - 1;
    while (last > first && Math.abs(sample(pcm, last)) < SILENCE_THRESHOLD) {
      last--;
    }
    return Arrays.copyOfRange(pcm, first * 2, (last + 1) * 2);
  }

  /** Linear interpolation to exactly {@code samples} samples (changes the pitch a little). */
  static byte[] stretch(byte[] pcm, int samples) {
    int source = pcm.length / 2;
    byte[] out = new byte[samples * 2];
    if (source == 0) {
      return out;
    }
    for (int i = 0; i < samples; i++) {
      double at = samples == 1 ? 0 : (double) i * (source - 1) / (samples - 1);
      int below = (int) at;
      int above = Math.min(below + 1, source - 1);
      double value = sample(pcm, below) + (sample(pcm, above) - sample(pcm, below)) * (at - below);
      short s = (short) Math.round(value);
      out[2 * i] = (byte) s;
      out[2 * i + 1] = (byte) (s >> 8);
    }
    return out;
  }

  private static int sample(byte[] pcm, int index) {
    return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
  }
}
