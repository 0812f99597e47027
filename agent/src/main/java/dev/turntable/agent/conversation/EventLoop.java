package dev.turntable.agent.conversation;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns the conversation. Adapters' threads only {@link #execute} tasks; the
 * tasks run one at a time in arrival order, so the conversation needs no locks.
 */
public final class EventLoop implements Executor, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final Runnable POISON = () -> {};

  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final Consumer<Throwable> onFailure;

  public EventLoop(String name, Consumer<Throwable> onFailure) {
    this.onFailure = onFailure;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
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

  /** Runs what is already queued, then stops the thread. */
  @Override
  public void close() {
    tasks.add(POISON);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
