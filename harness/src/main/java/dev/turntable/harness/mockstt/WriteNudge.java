package dev.turntable.harness.mockstt;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;

/**
 * Works around a lost-wakeup race in Java-WebSocket 1.6.0's server: its selector thread, having
 * just emptied a connection's out-queue, resets the key's interest to read-only, which can undo
 * the write interest a worker thread set after queueing a new frame. That frame then waits for the
 * next send, which for a released Turn may never come. After each send this checks, shortly
 * after, whether frames are still queued and if so raises the write interest again.
 */
public final class WriteNudge {
  static final long CHECK_AFTER_MICROS = 2_000;

  private final WebSocket connection;
  private final ScheduledExecutorService timer;
  private final Consumer<WebSocket> writeDemand;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public WriteNudge(WebSocket connection, ScheduledExecutorService timer,
      Consumer<WebSocket> writeDemand) {
    this.connection = connection;
    this.timer = timer;
    this.writeDemand = writeDemand;
  }

  /** Call after queueing a frame on the connection, from any thread. */
  public void afterSend() {
    if (scheduled.compareAndSet(false, true)) {
      schedule();
    }
  }

  private void schedule() {
    try {
      timer.schedule(this::check, CHECK_AFTER_MICROS, TimeUnit.MICROSECONDS);
    } catch (RejectedExecutionException serverStopping) {
      scheduled.set(false);
    }
  }

  private void check() {
    if (connection.isClosed()) {
      scheduled.set(false);
      return;
    }
    if (connection.hasBufferedData()) {
      writeDemand.accept(connection);
      schedule();
    } else {
      scheduled.set(false);
      // A frame queued between the check and the reset above would have found the flag set.
      if (connection.hasBufferedData()) {
        afterSend();
      }
    }
  }
}
