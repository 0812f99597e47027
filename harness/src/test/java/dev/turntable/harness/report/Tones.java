package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;

/** Writes sine tones into s16le PCM buffers, with a short fade so they look like words. */
final class Tones {
  private Tones() {}

  static void write(
      byte[] pcm, PcmFormat format, double fromMs, double toMs, double hz, double level) {
    int first = (int) (fromMs * format.sampleRate() / 1000);
    int last = Math.min(pcm.length / 2, (int) (toMs * format.sampleRate() / 1000));
    int fade = format.sampleRate() / 50;
    for (int i = first; i < last; i++) {
      double envelope = Math.min(1, Math.min(i - first, last - i) / (double) fade);
      double wobble =
          0.6 + 0.4 * Math.abs(Math.sin(Math.PI * (i - first) / (format.sampleRate() * 0.3)));
      short value =
          (short)
              (level
                  * envelope
                  * wobble
                  * 32767
                  * Math.sin(2 * Math.PI * hz * i / format.sampleRate()));
      pcm[2 * i] = (byte) value;
      pcm[2 * i + 1] = (byte) (value >> 8);
    }
  }
}
