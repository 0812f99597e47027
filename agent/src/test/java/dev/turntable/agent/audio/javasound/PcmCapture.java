package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 16 kHz PCM arriving on a stream (a recorder's stdout, a microphone), collected by its own thread.
 * Tests wait on how much audio has arrived: the audio clock, not the wall clock.
 */
final class PcmCapture implements AutoCloseable {
  /** Reads up to {@code buffer.length} bytes, or -1 at the end: an InputStream or an AudioSource. */
  @FunctionalInterface
  interface Reader {
    int read(byte[] buffer) throws IOException;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
  private final Runnable stopper;
  private final Thread thread;
  private final String name;
  private boolean ended;
  private IOException failure;

  PcmCapture(InputStream stream, String name, Runnable stopper) {
    this(stream::read, name, stopper);
  }

  PcmCapture(Reader reader, String name, Runnable stopper) {
    this.name = name;
    this.stopper = stopper;
    this.thread = new Thread(() -> collect(reader), "capture-" + name);
    thread.start();
  }

  private void collect(Reader reader) {
    byte[] buffer = new byte[640];
    try {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        lock.lock();
        try {
          audio.write(buffer, 0, n);
          arrived.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      lock.lock();
      ended = true;
      arrived.signalAll();
      lock.unlock();
    }
  }

  long bytes() {
    lock.lock();
    try {
      return audio.size();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code duration} more audio than now has arrived. */
  void awaitMore(Duration duration) throws InterruptedException {
    awaitBytes(bytes() + PcmFormat.STT.bytesForMillis(duration.toMillis()), "another " + duration.toMillis() + " ms of audio");
  }

  void awaitBytes(long total, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    lock.lock();
    try {
      while (audio.size() < total) {
        long left = deadline - System.nanoTime();
        assertThat(ended).as("%s ended before %s arrived (%s)", name, what, failure).isFalse();
        assertThat(left).as("timed out waiting for %s from %s", what, name).isPositive();
        arrived.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops the producer and returns everything captured. */
  byte[] stop() throws InterruptedException {
    stopper.run();
    thread.join(TimeUnit.SECONDS.toMillis(5));
    lock.lock();
    try {
      return audio.toByteArray();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
