package dev.turntable.agent.audio;

import java.io.IOException;

/** Where the user's voice comes from: a microphone, or a WAV file paced like one. */
public interface AudioSource extends AutoCloseable {
  PcmFormat format();

  /**
   * Blocks until {@code buffer} is full of audio and returns its length, or returns a shorter count
   * followed by -1 at the end of the source.
   *
   * @throws IOException when the device is lost
   */
  int read(byte[] buffer) throws IOException;

  @Override
  void close();
}
