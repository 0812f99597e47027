package dev.turntable.agent.audio.aec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Speech-like test signals at 16 kHz: seeded, so every run hears the same thing. */
final class TestSignals {
  static final int RATE = 16_000;

  private TestSignals() {}

  /**
   * Noise shaped like syllables: bursts of band-limited noise with pitch-like harmonics, 4 to 5 per
   * second, so AEC3 sees speech-like energy and gaps.
   */
  static short[] babble(long seed, int millis, double amplitude) {
    Random random = new Random(seed);
    short[] out = new short[RATE * millis / 1000];
    double pitch = 110 + random.nextInt(120);
    double low = 0;
    int syllable = 0;
    int syllableLength = 1;
    for (int i = 0; i < out.length; i++) {
      if (i - syllable >= syllableLength) {
        syllable = i;
        syllableLength = RATE / 5 + random.nextInt(RATE / 10);
        pitch = 100 + random.nextInt(150);
      }
      double t = (double) (i - syllable) / syllableLength;
      double envelope = t < 0.75 ? Math.sin(Math.PI * t / 0.75) : 0;
      low = 0.7 * low + 0.3 * random.nextGaussian();
      double voiced = 0;
      for (int h = 1; h <= 6; h++) {
        voiced += Math.sin(2 * Math.PI * pitch * h * i / RATE) / h;
      }
      out[i] = (short) Math.max(-32768, Math.min(32767, amplitude * envelope * (0.6 * voiced + 0.5 * low)));
    }
    return out;
  }

  static byte[] bytes(short[] samples) {
    ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asShortBuffer().put(samples);
    return buffer.array();
  }

  static short[] samples(byte[] pcm) {
    short[] out = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
    return out;
  }

  /** {@code signal} delayed by {@code delayMs} and scaled: what a microphone hears of a speaker. */
  static short[] echo(short[] signal, int delayMs, double gain) {
    short[] out = new short[signal.length];
    int delay = RATE * delayMs / 1000;
    for (int i = delay; i < out.length; i++) {
      out[i] = (short) Math.round(signal[i - delay] * gain);
    }
    return out;
  }

  static short[] mix(short[] a, short[] b) {
    short[] out = new short[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      int sum = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
      out[i] = (short) Math.max(-32768, Math.min(32767, sum));
    }
    return out;
  }

  /** RMS level of samples [from, to) in dB relative to full scale. */
  static double levelDb(short[] samples, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) samples[i] * samples[i];
    }
    double rms = Math.sqrt(sum / Math.max(1, to - from));
    return 20 * Math.log10(Math.max(rms, 1e-3) / 32768.0);
  }
}
