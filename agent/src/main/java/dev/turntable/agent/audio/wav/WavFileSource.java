package dev.turntable.agent.audio.wav;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WAV file played as if it were a microphone: each {@link #read} returns when the audio it holds
 * would have been spoken, {@code speed} times faster than real time ({@link #UNPACED} for as fast as
 * possible). Optional trailing silence lets speech-to-text hear the end of the last utterance.
 * Reads come from one thread; {@link #close()} may come from another and ends a paced wait at once.
 */
public final class WavFileSource implements AudioSource {
  public static final double UNPACED = Double.POSITIVE_INFINITY;

  private final Path file;
  private final PcmFormat format;
  private final FileChannel channel;
  private final Pacer pacer;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Duration duration;
  private long dataLeft;
  private long silenceLeft;
  private long delivered;

  /** A 16 kHz file (the STT format), no trailing silence. */
  public WavFileSource(Path file, double speed) throws IOException {
    this(file, PcmFormat.STT, speed, Duration.ZERO);
  }

  /**
   * @param expected the format the consumer needs; a file in another format is refused
   * @param speed 1.0 for real time, 2.0 for twice as fast, {@link #UNPACED} for no pacing
   * @param trailingSilence zeros delivered after the file's audio, before the end
   */
  public WavFileSource(Path file, PcmFormat expected, double speed, Duration trailingSilence) throws IOException {
    this(file, expected, speed, trailingSilence, Clock.system());
  }

  WavFileSource(Path file, PcmFormat expected, double speed, Duration trailingSilence, Clock clock)
      throws IOException {
    if (trailingSilence.isNegative()) {
      throw new IllegalArgumentException("trailing silence must not be negative, was " + trailingSilence);
    }
    this.file = file;
    this.format = expected;
    this.pacer = new Pacer(speed, expected.bytesPerSecond(), clock, this::sleepUnlessClosed);
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      WavHeader header = WavHeader.read(file, channel);
      PcmFormat actual = header.pcmFormat(file);
      if (!actual.equals(expected)) {
        throw WavFormatException.wrongRate(file, actual.sampleRate(), expected.sampleRate());
      }
      channel.position(header.dataOffset());
      this.dataLeft = WavFile.wholeFrames(header.dataLength());
      this.silenceLeft = expected.bytesForMillis(trailingSilence.toMillis());
      this.duration = Duration.ofNanos((long) (expected.millisForBytes(dataLeft) * 1_000_000));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  /** How long the file's audio lasts, without the trailing silence. */
  public Duration duration() {
    return duration;
  }

  @Override
  public int read(byte[] buffer) throws IOException {
    if (buffer.length % PcmFormat.BYTES_PER_FRAME != 0) {
      throw new IllegalArgumentException("buffer length " + buffer.length + " is not a whole number of frames");
    }
    if (isClosed()) {
      return -1;
    }
    pacer.startIfNeeded();
    int filled;
    try {
      filled = readData(buffer);
    } catch (ClosedChannelException e) {
      if (isClosed()) {
        return -1; // closed by another thread mid-read
      }
      throw e;
    }
    int silence = (int) Math.min(buffer.length - filled, silenceLeft);
    Arrays.fill(buffer, filled, filled + silence, (byte) 0);
    silenceLeft -= silence;
    int total = filled + silence;
    if (total == 0 && buffer.length > 0) {
      return -1;
    }
    delivered += total;
    return pacer.awaitDue(delivered) ? total : -1;
  }

  private int readData(byte[] buffer) throws IOException {
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, dataLeft));
    boolean fileEnded = false; // the file shrank while we read it: end here
    while (target.hasRemaining() && !fileEnded) {
      fileEnded = channel.read(target) < 0;
    }
    int filled = target.position();
    dataLeft = fileEnded ? 0 : dataLeft - filled;
    return filled;
  }

  private boolean sleepUnlessClosed(long nanos) throws InterruptedException {
    return closed.await(nanos, TimeUnit.NANOSECONDS);
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close " + file, e);
    }
  }
}
