package dev.turntable.harness.record;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayInputStream;

/** A 16 kHz source that yields the given audio, then ends. */
final class FakeMicrophone implements AudioSource {
  private final ByteArrayInputStream audio;

  FakeMicrophone(byte[] pcm) {
    this.audio = new ByteArrayInputStream(pcm);
  }

  @Override
  public PcmFormat format() {
    return PcmFormat.STT;
  }

  @Override
  public int read(byte[] buffer) {
    int n = audio.readNBytes(buffer, 0, buffer.length);
    return n == 0 ? -1 : n;
  }

  @Override
  public void close() {}
}
