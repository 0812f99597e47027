package dev.turntable.agent.audio.javasound;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Test signals at 16 kHz and a way to find one inside a recording. */
final class Signals {
  static final int RATE = 16_000;

  private Signals() {}

  static byte[] tone(double hertz, int millis, int amplitude) {
    short[] samples = new short[RATE * millis / 1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / RATE));
    }
    return bytes(samples);
  }

  /** Seeded noise: no two stretches alike, so the best alignment is unique. */
  static byte[] noise(long seed, int millis, int amplitude) {
    Random random = new Random(seed);
    short[] samples = new short[RATE * millis / 1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (random.nextGaussian() * amplitude / 3);
    }
    return bytes(samples);
  }

  /** Where {@code needle} sits in {@code haystack}, and how well it matches there (1.0 = identical). */
  record Match(int offsetFrames, double correlation, boolean exact) {}

  static Match find(byte[] haystack, byte[] needle) {
    short[] hay = samples(haystack);
    short[] pin = samples(needle);
    for (int lag = 0; lag + pin.length <= hay.length; lag++) {
      if (matchesAt(hay, pin, lag)) {
        return new Match(lag, 1.0, true);
      }
    }
    Match best = new Match(-1, 0, false);
    for (int lag = 0; lag + pin.length <= hay.length; lag++) {
      double correlation = correlation(hay, pin, lag);
      if (correlation > best.correlation()) {
        best = new Match(lag, correlation, false);
      }
    }
    return best;
  }

  /** Frames from the first to the last sample louder than {@code threshold}, or 0 if none. */
  static int loudSpanFrames(byte[] pcm, int threshold) {
    short[] samples = samples(pcm);
    int first = -1;
    int last = -1;
    for (int i = 0; i < samples.length; i++) {
      if (Math.abs(samples[i]) > threshold) {
        last = i;
        if (first < 0) {
          first = i;
        }
      }
    }
    return first < 0 ? 0 : last - first + 1;
  }

  private static boolean matchesAt(short[] hay, short[] pin, int lag) {
    for (int i = 0; i < pin.length; i++) {
      if (hay[lag + i] != pin[i]) {
        return false;
      }
    }
    return true;
  }

  private static double correlation(short[] hay, short[] pin, int lag) {
    double cross = 0;
    double hayEnergy = 0;
    double pinEnergy = 0;
    for (int i = 0; i < pin.length; i++) {
      cross += (double) hay[lag + i] * pin[i];
      hayEnergy += (double) hay[lag + i] * hay[lag + i];
      pinEnergy += (double) pin[i] * pin[i];
    }
    return hayEnergy == 0 || pinEnergy == 0 ? 0 : cross / Math.sqrt(hayEnergy * pinEnergy);
  }

  static short[] samples(byte[] pcm) {
    short[] samples = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }

  static byte[] bytes(short[] samples) {
    ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asShortBuffer().put(samples);
    return buffer.array();
  }
}
