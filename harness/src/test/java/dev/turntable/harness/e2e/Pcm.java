package dev.turntable.harness.e2e;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * 16 kHz mono s16le audio as samples, and the few measures these tests take of it. A sample is
 * quiet below {@link #LOUD}: espeak-ng speech peaks in the thousands, and what the null sinks'
 * monitors deliver when nothing plays is exact zeros.
 */
final class Pcm {
  static final int SAMPLES_PER_MS = 16;
  static final int LOUD = 300;

  private Pcm() {}

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

  static short[] readWav(Path file) throws IOException {
    return samples(WavFile.read(file, PcmFormat.STT).pcm());
  }

  static void writeWav(Path file, short[] samples) throws IOException {
    WavFile.write(file, new WavAudio(PcmFormat.STT, bytes(samples)));
  }

  static int samplesFor(long millis) {
    return Math.toIntExact(millis * SAMPLES_PER_MS);
  }

  static double millis(long samples) {
    return samples / (double) SAMPLES_PER_MS;
  }

  static boolean loud(short sample) {
    return Math.abs(sample) >= LOUD;
  }

  /** espeak-ng pads its output with silence; an utterance's times are those of the voice itself. */
  static short[] trimSilence(short[] samples) {
    int first = firstLoud(samples, 0);
    if (first < 0) {
      throw new IllegalArgumentException("no speech at all in " + samples.length + " samples");
    }
    int last = samples.length - 1;
    while (!loud(samples[last])) {
      last--;
    }
    return Arrays.copyOfRange(samples, first, last + 1);
  }

  /** The first loud sample at or after {@code from}, or -1. */
  static int firstLoud(short[] samples, int from) {
    for (int i = Math.max(0, from); i < samples.length; i++) {
      if (loud(samples[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The first sample at or after {@code from} that starts {@code length} quiet samples, or -1. */
  static int firstSilenceLasting(short[] samples, int from, int length) {
    int runStart = Math.max(0, from);
    for (int i = runStart; i < samples.length; i++) {
      if (loud(samples[i])) {
        runStart = i + 1;
      } else if (i + 1 - runStart >= length) {
        return runStart;
      }
    }
    return -1;
  }

  /** The longest run of quiet samples inside {@code [from, to)}. */
  static int longestSilence(short[] samples, int from, int to) {
    int longest = 0;
    int run = 0;
    for (int i = Math.max(0, from); i < Math.min(to, samples.length); i++) {
      run = loud(samples[i]) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  static boolean anyLoud(short[] samples, int from, int to) {
    int first = firstLoud(samples, from);
    return first >= 0 && first < to;
  }
}
