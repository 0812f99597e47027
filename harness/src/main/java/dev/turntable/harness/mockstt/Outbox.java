package dev.turntable.harness.mockstt;

import dev.turntable.agent.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * Everything a session sends goes through here, so outgoing faults (delay, jitter, stall) apply to
 * messages and the close frame alike and never reorder them. Without such faults a frame is handed
 * to the socket at once, on the caller's thread. Guarded by the session's lock.
 */
final class Outbox {
  private record Pending(long dueNanos, Runnable delivery) {}

  private final WebSocket connection;
  private final WriteNudge nudge;
  private final ScheduledExecutorService timer;
  private final Object lock;
  private final Clock clock;
  private final long delayNanos;
  private final long jitterMaxNanos;
  private final Random jitter;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long lastDueNanos = Long.MIN_VALUE;
  private boolean paused;
  private boolean drainScheduled;
  private boolean closeQueued;

  Outbox(WebSocket connection, WriteNudge nudge, ScheduledExecutorService timer, Object lock,
      Clock clock, List<Fault.OnOutgoing> faults) {
    this.connection = connection;
    this.nudge = nudge;
    this.timer = timer;
    this.lock = lock;
    this.clock = clock;
    long delay = 0;
    long jitterMax = 0;
    long seed = 0;
    for (Fault.OnOutgoing fault : faults) {
      if (fault instanceof Fault.Delay d) {
        delay += d.delay().toNanos();
      } else if (fault instanceof Fault.Jitter j) {
        jitterMax += j.max().toNanos();
        seed = j.seed();
      }
    }
    this.delayNanos = delay;
    this.jitterMaxNanos = jitterMax;
    this.jitter = new Random(seed);
  }

  /** Sends a text frame; {@code onSent} gets the nano time it was handed to the socket. */
  void sendText(String text, LongConsumer onSent) {
    enqueue(() -> {
      try {
        connection.send(text);
        nudge.afterSend();
        onSent.accept(clock.nanoTime());
      } catch (WebsocketNotConnectedException gone) {
        // The client left while this was queued; nothing to deliver to.
      }
    });
  }

  /** Sends a close frame after everything queued; later frames are discarded. */
  void close(int code, String reason) {
    if (!closeQueued) {
      enqueue(() -> {
        connection.close(code, reason);
        nudge.afterSend();
      });
      closeQueued = true;
    }
  }

  /** Drops the TCP connection now, without a close frame: the client sees 1006. */
  void drop() {
    queue.clear();
    closeQueued = true;
    connection.closeConnection(1006, "connection dropped by fault injection");
  }

  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    drain();
  }

  boolean closing() {
    return closeQueued;
  }

  private void enqueue(Runnable delivery) {
    if (closeQueued) {
      return;
    }
    long now = clock.nanoTime();
    long due = Math.max(now + outgoingDelay(), lastDueNanos);
    lastDueNanos = due;
    if (queue.isEmpty() && !paused && due <= now) {
      delivery.run();
      return;
    }
    queue.add(new Pending(due, delivery));
    if (!paused) {
      scheduleDrain(due - now);
    }
  }

  private long outgoingDelay() {
    long extra = jitterMaxNanos > 0 ? (long) (jitter.nextDouble() * jitterMaxNanos) : 0;
    return delayNanos + extra;
  }

  private void drain() {
    drainScheduled = false;
    if (paused) {
      return;
    }
    long now = clock.nanoTime();
    while (!queue.isEmpty() && queue.peek().dueNanos() <= now) {
      queue.poll().delivery().run();
    }
    if (!queue.isEmpty()) {
      scheduleDrain(queue.peek().dueNanos() - now);
    }
  }

  private void scheduleDrain(long inNanos) {
    if (drainScheduled) {
      return;
    }
    drainScheduled = true;
    try {
      timer.schedule(
          () -> {
            synchronized (lock) {
              drain();
            }
          },
          Math.max(0, inNanos),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException serverStopping) {
      queue.clear();
    }
  }
}
