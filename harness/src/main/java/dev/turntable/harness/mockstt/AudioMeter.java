package dev.turntable.harness.mockstt;

import java.util.Optional;

/**
 * Counts binary frames as audio time at the session's sample rate and enforces the service's
 * framing rules: 50–1000 ms per frame and, in strict mode, no faster than real time.
 */
final class AudioMeter {
  static final double MIN_FRAME_MS = 50;
  static final double MAX_FRAME_MS = 1000;

  private final int sampleRate;
  private final int bytesPerSample;
  private final boolean strict;
  private final long toleranceNanos;
  private long totalBytes;
  private long frames;
  private long firstAudioNanos;

  AudioMeter(SessionParameters parameters, boolean strict, long toleranceNanos) {
    this.sampleRate = parameters.sampleRate();
    this.bytesPerSample = parameters.bytesPerSample();
    this.strict = strict;
    this.toleranceNanos = toleranceNanos;
  }

  /**
   * Counts one frame, or explains why the service would close the session with 3007 instead.
   *
   * @param arrivalNanos when the frame was read, for the real-time check
   */
  Optional<String> accept(int frameBytes, long arrivalNanos) {
    double frameMs = (double) (frameBytes / bytesPerSample) * 1000.0 / sampleRate;
    if (frameMs < MIN_FRAME_MS || frameMs > MAX_FRAME_MS) {
      return Optional.of(String.format(
          "Invalid audio chunk: %.1f ms (%d bytes); each frame must hold 50-1000 ms of audio",
          frameMs, frameBytes));
    }
    if (frames == 0) {
      firstAudioNanos = arrivalNanos;
    }
    frames++;
    totalBytes += frameBytes;
    return strict ? checkRealTime(arrivalNanos) : Optional.empty();
  }

  private Optional<String> checkRealTime(long arrivalNanos) {
    long wallMs = (arrivalNanos - firstAudioNanos) / 1_000_000L;
    if (audioMs() * 1_000_000L > arrivalNanos - firstAudioNanos + toleranceNanos) {
      return Optional.of(String.format(
          "Audio sent faster than real time: %d ms of audio in %d ms", audioMs(), wallMs));
    }
    return Optional.empty();
  }

  long audioMs() {
    return totalBytes / bytesPerSample * 1000L / sampleRate;
  }

  long totalBytes() {
    return totalBytes;
  }

  long frames() {
    return frames;
  }
}
