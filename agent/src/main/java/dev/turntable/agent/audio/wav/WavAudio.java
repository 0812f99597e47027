package dev.turntable.agent.audio.wav;

import dev.turntable.agent.audio.PcmFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/** A whole clip of mono 16-bit PCM and its format. The array is shared, not copied: do not modify it. */
public record WavAudio(PcmFormat format, byte[] pcm) {
  public WavAudio {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(pcm, "pcm");
    if (pcm.length % PcmFormat.BYTES_PER_FRAME != 0) {
      throw new IllegalArgumentException("PCM length " + pcm.length + " is not a whole number of 16-bit frames");
    }
  }

  public long frames() {
    return pcm.length / PcmFormat.BYTES_PER_FRAME;
  }

  public Duration duration() {
    return Duration.ofNanos(frames() * 1_000_000_000L / format.sampleRate());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WavAudio that && format.equals(that.format) && Arrays.equals(pcm, that.pcm);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(pcm);
  }

  @Override
  public String toString() {
    return "WavAudio[" + format.sampleRate() + " Hz, " + frames() + " frames]";
  }
}
