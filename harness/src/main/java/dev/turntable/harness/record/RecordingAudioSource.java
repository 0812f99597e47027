package dev.turntable.harness.record;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.fixture.FixtureWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A microphone that also writes everything read from it to mic.wav, on the recorder's thread: the
 * agent's microphone thread only copies the frame.
 */
final class RecordingAudioSource implements AudioSource {
  private final AudioSource delegate;
  private final FixtureWriter writer;
  private final RecordingQueue queue;
  private final AtomicLong bytesRead = new AtomicLong();

  RecordingAudioSource(AudioSource delegate, FixtureWriter writer, RecordingQueue queue) {
    if (!delegate.format().equals(PcmFormat.STT)) {
      throw new IllegalArgumentException(
          "mic.wav holds the audio sent to STT at 16000 Hz; this source delivers "
              + delegate.format().sampleRate()
              + " Hz. Resample before recording.");
    }
    this.delegate = delegate;
    this.writer = writer;
    this.queue = queue;
  }

  @Override
  public PcmFormat format() {
    return delegate.format();
  }

  /**
   * With echo cancellation the delegate's read also hands over the raw mic and the reference (the
   * recorder's echo tap): together with this frame, so a flush never splits them.
   */
  @Override
  public int read(byte[] buffer) throws IOException {
    return queue.together(() -> {
      int n = delegate.read(buffer);
      if (n > 0) {
        bytesRead.addAndGet(n);
        byte[] frame = Arrays.copyOf(buffer, n);
        queue.submit("mic.wav", () -> writer.writeMic(frame, 0, frame.length));
      }
      return n;
    });
  }

  long bytesRead() {
    return bytesRead.get();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
