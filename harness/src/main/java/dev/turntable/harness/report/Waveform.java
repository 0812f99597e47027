package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;

/**
 * The min/max envelope of 16-bit PCM, one pair per pixel column: what a waveform view draws when
 * there are far more samples than pixels. Pure; values are in [-1, 1] of full scale.
 */
final class Waveform {
  private Waveform() {}

  /** Per column the lowest and highest sample; {@code peak} is the largest magnitude overall. */
  record Envelope(float[] min, float[] max, float peak) {
    int columns() {
      return min.length;
    }
  }

  /**
   * Splits the samples of {@code pcm} (mono s16le) into {@code columns} equal runs and keeps each
   * run's extremes. With more columns than samples a sample is shared by neighbouring columns, so
   * no column is ever empty. No samples, or no columns, give an empty envelope.
   */
  static Envelope envelope(byte[] pcm, int columns) {
    int samples = pcm.length / PcmFormat.BYTES_PER_FRAME;
    if (samples == 0 || columns <= 0) {
      return new Envelope(new float[0], new float[0], 0);
    }
    float[] min = new float[columns];
    float[] max = new float[columns];
    float peak = 0;
    for (int column = 0; column < columns; column++) {
      int from = (int) ((long) column * samples / columns);
      int to = Math.max(from + 1, (int) ((long) (column + 1) * samples / columns));
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (int s = from; s < Math.min(to, samples); s++) {
        float value = sample(pcm, s);
        lo = Math.min(lo, value);
        hi = Math.max(hi, value);
      }
      min[column] = lo;
      max[column] = hi;
      peak = Math.max(peak, Math.max(-lo, hi));
    }
    return new Envelope(min, max, peak);
  }

  private static float sample(byte[] pcm, int index) {
    int lo = pcm[2 * index] & 0xff;
    int hi = pcm[2 * index + 1];
    return (short) ((hi << 8) | lo) / 32768f;
  }
}
