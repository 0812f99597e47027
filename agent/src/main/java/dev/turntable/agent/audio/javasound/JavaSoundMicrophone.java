package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.TargetDataLine;

/**
 * A microphone on a Java Sound {@link TargetDataLine}, started when opened. {@link #read} blocks
 * until the buffer is full. A started line that keeps returning nothing means the device or audio
 * server went away (Java Sound throws nothing then), reported as an {@link IOException}.
 * Reads come from one thread; {@link #close()} may come from another and makes the read end.
 */
public final class JavaSoundMicrophone implements AudioSource {
  public static final Duration DEFAULT_BUFFER = JavaSoundLines.SAFE_BUFFER;
  static final Duration LOST_AFTER = Duration.ofMillis(500);
  /** Pause between empty reads, so a dead device does not spin a core while we decide. */
  private static final long EMPTY_READ_PAUSE_NANOS = 2_000_000;

  private final PcmFormat format;
  private final TargetDataLine line;
  private final Clock clock;
  private final long lostAfterNanos;
  private volatile boolean closed;

  /**
   * Opens and starts a microphone.
   *
   * @param device a listed device, or null for the system default
   * @param buffer the line buffer; {@link #DEFAULT_BUFFER} unless you have measured otherwise
   * @throws NoAudioDeviceException if there is no such input, with the devices that exist
   * @throws IOException if the device exists but cannot be opened
   */
  public static JavaSoundMicrophone open(AudioDevice device, PcmFormat format, Duration buffer) throws IOException {
    Objects.requireNonNull(format, "format");
    TargetDataLine line = JavaSoundLines.openMicrophone(device, format, buffer);
    line.start();
    return new JavaSoundMicrophone(format, line, Clock.system(), LOST_AFTER);
  }

  /** The default device at the STT format, {@link #DEFAULT_BUFFER}. */
  public static JavaSoundMicrophone open() throws IOException {
    return open(null, PcmFormat.STT, DEFAULT_BUFFER);
  }

  JavaSoundMicrophone(PcmFormat format, TargetDataLine line, Clock clock, Duration lostAfter) {
    this.format = format;
    this.line = line;
    this.clock = clock;
    this.lostAfterNanos = lostAfter.toNanos();
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  /**
   * Fills {@code buffer} (a whole number of frames) and returns its length; after {@link #close()}
   * returns what was read before it, then -1.
   *
   * @throws IOException "microphone device lost" when the line delivers nothing for 500 ms
   */
  @Override
  public int read(byte[] buffer) throws IOException {
    if (buffer.length % PcmFormat.BYTES_PER_FRAME != 0) {
      throw new IllegalArgumentException("buffer length " + buffer.length + " is not a whole number of frames");
    }
    int filled = 0;
    long emptySince = -1;
    while (filled < buffer.length) {
      if (closed) {
        return filled > 0 ? filled : -1;
      }
      int n = line.read(buffer, filled, buffer.length - filled);
      if (n > 0) {
        filled += n;
        emptySince = -1;
        continue;
      }
      long now = clock.nanoTime();
      if (emptySince < 0) {
        emptySince = now;
      } else if (now - emptySince > lostAfterNanos && !closed) {
        throw new IOException("microphone device lost: the line delivered no audio for "
            + (now - emptySince) / 1_000_000 + " ms (did the audio server or device go away?)");
      }
      pauseBriefly();
    }
    return filled;
  }

  private static void pauseBriefly() throws InterruptedIOException {
    LockSupport.parkNanos(EMPTY_READ_PAUSE_NANOS);
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the microphone");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      line.stop(); // ends a read blocked in another thread
      line.close();
    }
  }
}
