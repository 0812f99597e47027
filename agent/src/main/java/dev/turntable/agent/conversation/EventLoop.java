package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.LoopScheduler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns the conversation. Adapters' threads only {@link #execute} tasks; the
 * tasks run one at a time in arrival order, so the conversation needs no locks. Delayed tasks wait
 * on a timer thread, then join the same queue.
 */
public final class EventLoop implements LoopScheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final Runnable POISON = () -> {};

  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final ScheduledExecutorService timer;
  private final Consumer<Throwable> onFailure;

  public EventLoop(String name, Consumer<Throwable> onFailure) {
    this.onFailure = onFailure;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread timerThread = new Thread(task, name + "-timer");
      timerThread.setDaemon(true);
      return timerThread;
    });
    this.thread.start();
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    ScheduledFuture<?> due = timer.schedule(
        () -> execute(() -> {
          if (!cancelled[0]) {
            task.run();
          }
        }),
        Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    // Cancelled on the loop, so a task already queued by the timer is skipped too.
    return () -> {
      cancelled[0] = true;
      due.cancel(false);
    };
  }

  private void run() {
    while (true) {
      Runnable task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        return;
      }
      if (task == POISON) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        // A bug in one event must not kill the conversation; it is reported as an agent error.
        log.error("event loop task failed", e);
        onFailure.accept(e);
      }
    }
  }

  /** Runs what is already queued, then stops the threads. */
  @Override
  public void close() {
    timer.shutdownNow();
    tasks.add(POISON);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
