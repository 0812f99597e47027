package dev.turntable.agent.time;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LoopScheduler} on one named thread of its own, waiting in wall time: for live parts
 * outside the conversation loop, such as the retrying LLM and TTS decorators. A task that throws
 * is logged and the loop goes on.
 */
public final class TimerLoop implements LoopScheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);

  private final ScheduledExecutorService executor;

  public TimerLoop(String name) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            body -> {
              Thread thread = new Thread(body, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(() -> runSafely(task));
    } catch (RejectedExecutionException closed) {
      log.debug("{} is closed; a task was dropped", this);
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    try {
      ScheduledFuture<?> due =
          executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> due.cancel(false);
    } catch (RejectedExecutionException closed) {
      return Cancellable.NONE;
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("a task on the timer loop failed", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
