package dev.turntable.agent.time;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The agent's one event loop, seen from the code that runs on it: tasks run one at a time in the
 * order they were handed over, now ({@link #execute}) or after a delay on the loop's clock
 * ({@link #schedule}). Live, that is a thread and the system clock; in a virtual-time replay it is
 * a discrete-event scheduler, so the same code decides the same way at any speed.
 */
public interface LoopScheduler extends Executor {
  /**
   * Runs {@code task} on the loop once {@code delay} has passed on the loop's clock. Cancelling
   * before it runs means it never runs.
   */
  Cancellable schedule(Duration delay, Runnable task);
}
