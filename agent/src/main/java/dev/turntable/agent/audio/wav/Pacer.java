package dev.turntable.agent.audio.wav;

import dev.turntable.agent.time.Clock;
import java.io.InterruptedIOException;

/**
 * Holds back audio until it would have been spoken: the audio up to byte N is released N bytes'
 * worth of time (divided by the speed) after the first read, as a microphone would deliver it.
 */
final class Pacer {
  /** Waits for up to {@code nanos}; returns true if woken early because the source closed. */
  @FunctionalInterface
  interface Sleeper {
    boolean sleep(long nanos) throws InterruptedException;
  }

  private final double nanosPerByte;
  private final Clock clock;
  private final Sleeper sleeper;
  private long startNanos;
  private boolean started;

  Pacer(double speed, int bytesPerSecond, Clock clock, Sleeper sleeper) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive (or infinite for no pacing), was " + speed);
    }
    this.nanosPerByte = 1e9 / bytesPerSecond / speed;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Marks the moment the first buffer starts filling. */
  void startIfNeeded() {
    if (!started && nanosPerByte != 0) { // unpaced sources never read the clock
      started = true;
      startNanos = clock.nanoTime();
    }
  }

  /**
   * Blocks until the audio up to {@code byteCount} is due.
   *
   * @return false if the wait was cut short because the source closed
   */
  boolean awaitDue(long byteCount) throws InterruptedIOException {
    if (nanosPerByte == 0) {
      return true;
    }
    startIfNeeded();
    long due = startNanos + (long) (byteCount * nanosPerByte);
    try {
      for (long wait = due - clock.nanoTime(); wait > 0; wait = due - clock.nanoTime()) {
        if (sleeper.sleep(wait)) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pacing audio");
    }
  }
}
