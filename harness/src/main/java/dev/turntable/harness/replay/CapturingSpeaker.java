package dev.turntable.harness.replay;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A speaker with no device: audio "plays" at the sample rate on the injected clock (so a scaled
 * clock plays it N times faster, and a virtual one as fast as time is advanced), with no output
 * latency. It knows exactly which frames were
 * played and when, reports Started/Drained/Stopped like a real device, and keeps what was heard,
 * placed at the session time it was heard.
 */
public final class CapturingSpeaker implements AudioSink {
  /** A stretch of audio that really played: session time it started, and its PCM. */
  public record PlayedSpan(double startMs, byte[] pcm) {
    public double endMs(PcmFormat format) {
      return startMs + format.millisForBytes(pcm.length);
    }
  }

  private final PcmFormat format;
  private final Clock clock;
  private final double clockSpeed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<PlayedSpan> spans = new ArrayList<>();
  private final Thread thread;
  private final VirtualScheduler virtualTime;
  private Cancellable drainDue = Cancellable.NONE;
  private volatile PlaybackListener listener = e -> {};

  // Guarded by lock. While playing, frame f of the current burst plays at burstStart + f / rate.
  private final ByteArrayOutputStream burst = new ByteArrayOutputStream();
  private long burstStartNanos = -1;
  private long framesBefore;
  private boolean closed;

  /**
   * @param clockSpeed how many clock nanoseconds pass per real nanosecond (the replay speed); used
   *     only to sleep the right real time until playback drains
   */
  public CapturingSpeaker(PcmFormat format, Clock clock, double clockSpeed) {
    this.format = format;
    this.clock = clock;
    this.clockSpeed = clockSpeed;
    this.virtualTime = null;
    this.thread = new Thread(this::watchForDrain, "turntable-capturing-speaker");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** On virtual time: no thread; the end of each burst is a task on {@code time}. */
  public CapturingSpeaker(PcmFormat format, VirtualScheduler time) {
    this.format = format;
    this.clock = time;
    this.clockSpeed = 1;
    this.virtualTime = time;
    this.thread = null;
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public void setListener(PlaybackListener listener) {
    this.listener = listener;
  }

  @Override
  public void play(byte[] pcm) {
    boolean started;
    long drainedAt = -1;
    lock.lock();
    try {
      long now = clock.nanoTime();
      if (burstStartNanos >= 0 && burstEndNanos() <= now) {
        // The last burst ran out before the drain watcher woke: it ended then, not now.
        drainedAt = endBurst(burstEndNanos());
      }
      started = burstStartNanos < 0;
      if (started) {
        burstStartNanos = clock.nanoTime();
      }
      burst.writeBytes(pcm);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (drainedAt >= 0) {
      listener.onPlayback(new PlaybackEvent.Drained(drainedAt));
    }
    if (started) {
      listener.onPlayback(new PlaybackEvent.Started(framesPlayed()));
    }
    if (virtualTime != null) {
      scheduleDrain();
    }
  }

  /** Virtual time: the burst drains when its last frame has played, unless more audio comes. */
  private void scheduleDrain() {
    drainDue.cancel();
    drainDue = virtualTime.scheduleAt(burstEndNanos(), () -> {
      long played;
      lock.lock();
      try {
        if (burstStartNanos < 0) {
          return;
        }
        played = endBurst(burstEndNanos());
      } finally {
        lock.unlock();
      }
      listener.onPlayback(new PlaybackEvent.Drained(played));
    });
  }

  private long burstEndNanos() {
    long totalFrames = burst.size() / PcmFormat.BYTES_PER_FRAME;
    return burstStartNanos + totalFrames * 1_000_000_000L / format.sampleRate();
  }

  @Override
  public void stop() {
    long played;
    drainDue.cancel();
    lock.lock();
    try {
      played = endBurst(clock.nanoTime());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    listener.onPlayback(new PlaybackEvent.Stopped(played));
  }

  @Override
  public long framesPlayed() {
    lock.lock();
    try {
      return framesBefore + framesPlayedInBurst(clock.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  /** What played, in order, each placed at the session time it started. */
  public List<PlayedSpan> spans() {
    lock.lock();
    try {
      return List.copyOf(spans);
    } finally {
      lock.unlock();
    }
  }

  private long framesPlayedInBurst(long now) {
    if (burstStartNanos < 0) {
      return 0;
    }
    long elapsedFrames = (now - burstStartNanos) * format.sampleRate() / 1_000_000_000L;
    return Math.min(elapsedFrames, burst.size() / PcmFormat.BYTES_PER_FRAME);
  }

  /** Closes the current burst at {@code now}, keeping only what played; returns frames played. */
  private long endBurst(long now) {
    if (burstStartNanos >= 0) {
      long frames = framesPlayedInBurst(now);
      byte[] all = burst.toByteArray();
      byte[] played = java.util.Arrays.copyOf(all, (int) frames * PcmFormat.BYTES_PER_FRAME);
      spans.add(new PlayedSpan(burstStartNanos / 1e6, played));
      framesBefore += frames;
      burst.reset();
      burstStartNanos = -1;
    }
    return framesBefore;
  }

  private void watchForDrain() {
    lock.lock();
    try {
      while (!closed) {
        if (burstStartNanos < 0) {
          changed.await();
          continue;
        }
        long endNanos = burstEndNanos();
        long waitClockNanos = endNanos - clock.nanoTime();
        if (waitClockNanos > 0) {
          changed.awaitNanos((long) (waitClockNanos / clockSpeed) + 1);
          continue;
        }
        long played = endBurst(endNanos);
        lock.unlock();
        try {
          listener.onPlayback(new PlaybackEvent.Drained(played));
        } finally {
          lock.lock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    drainDue.cancel();
    if (thread == null) {
      return;
    }
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
