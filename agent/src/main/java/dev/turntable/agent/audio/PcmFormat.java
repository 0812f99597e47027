package dev.turntable.agent.audio;

import javax.sound.sampled.AudioFormat;

/** Mono signed 16-bit little-endian PCM at a sample rate: the only format Turntable moves around. */
public record PcmFormat(int sampleRate) {
  public static final PcmFormat STT = new PcmFormat(16_000);
  public static final int BYTES_PER_FRAME = 2;
  public static final int MIN_SAMPLE_RATE = 8_000;
  public static final int MAX_SAMPLE_RATE = 48_000;

  public PcmFormat {
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException("unsupported sample rate " + sampleRate + " Hz (8000–48000)");
    }
  }

  public int bytesPerSecond() {
    return sampleRate * BYTES_PER_FRAME;
  }

  /** Bytes holding {@code millis} of audio, rounded down to whole frames. */
  public int bytesForMillis(long millis) {
    return (int) (millis * sampleRate / 1000) * BYTES_PER_FRAME;
  }

  public double millisForBytes(long bytes) {
    return bytes * 1000.0 / bytesPerSecond();
  }

  public double millisForFrames(long frames) {
    return frames * 1000.0 / sampleRate;
  }

  public AudioFormat toAudioFormat() {
    return new AudioFormat(sampleRate, 16, 1, true, false);
  }
}
