package dev.turntable.harness.mockstt;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session's timed work on the server's timer thread: the inactivity timeout, the maximum session
 * duration, stalls and the driver's own tasks. Each task runs under the session's lock and is
 * skipped once the session has closed.
 */
final class SessionTimers {
  static final int SESSION_EXPIRED = 3008;

  private final Session session;
  private final SessionContext context;
  private Optional<Duration> inactivityTimeout = Optional.empty();
  private long lastActivityNanos;
  private ScheduledFuture<?> inactivityCheck;
  private ScheduledFuture<?> expiry;

  SessionTimers(Session session, SessionContext context) {
    this.session = session;
    this.context = context;
  }

  void start(Optional<Duration> inactivity, long nowNanos) {
    inactivityTimeout = inactivity;
    lastActivityNanos = nowNanos;
    inactivity.ifPresent(timeout -> inactivityCheck = at(timeout.toNanos(), this::checkInactivity));
    expiry = at(context.maxSessionDuration().toNanos(), () -> session.fail(SESSION_EXPIRED,
        "Session Expired: Maximum session duration exceeded"));
  }

  /** Audio or a KeepAlive arrived: the inactivity timeout starts again. */
  void activity(long nanos) {
    lastActivityNanos = nanos;
  }

  Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = at(delay.toNanos(), task);
    return future == null ? Cancellable.NONE : () -> future.cancel(false);
  }

  void cancel() {
    if (inactivityCheck != null) {
      inactivityCheck.cancel(false);
    }
    if (expiry != null) {
      expiry.cancel(false);
    }
  }

  /**
   * What the service does on inactivity is undocumented; this mock sends an Error with code 3005
   * (its catch-all session error) and closes with 3005.
   */
  private void checkInactivity() {
    long timeoutNanos = inactivityTimeout.orElseThrow().toNanos();
    long idleNanos = context.clock().nanoTime() - lastActivityNanos;
    if (idleNanos >= timeoutNanos) {
      session.fail(ServerMessages.SESSION_ERROR, String.format(
          "Session inactive: no audio or KeepAlive for %.1f s (inactivity_timeout)",
          timeoutNanos / 1e9));
    } else {
      inactivityCheck = at(timeoutNanos - idleNanos, this::checkInactivity);
    }
  }

  private ScheduledFuture<?> at(long delayNanos, Runnable task) {
    long dueNanos = context.clock().nanoTime() + delayNanos;
    try {
      return context.timer().schedule(() -> {
        synchronized (session) {
          if (!session.isClosed()) {
            session.setTrigger(dueNanos);
            task.run();
          }
        }
      }, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException serverStopping) {
      return null;
    }
  }
}
