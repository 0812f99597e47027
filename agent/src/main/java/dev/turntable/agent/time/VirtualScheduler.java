package dev.turntable.agent.time;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Discrete-event time: the only clock and the only thread of a virtual-time run. Tasks run in the
 * order they fall due (ties in the order they were scheduled); when nothing is due, time jumps to
 * the next task. Nothing here sleeps or reads the system clock, so a run is the same every time,
 * and as fast as the work itself.
 *
 * <p>Everything is called from the thread that calls {@link #runUntil}; a call from another thread
 * means some part of the run escaped virtual time, and fails loudly rather than racing.
 */
public final class VirtualScheduler implements Clock, LoopScheduler {
  private record Task(long dueNanos, long sequence, Runnable body, boolean[] cancelled)
      implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private Consumer<Throwable> onFailure = e -> {
    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
  };
  private long now;
  private long sequence;
  private Thread owner;

  /**
   * Who is told of a task that threw; the run then goes on, as the live loop does. Until one is
   * set, a failing task ends the run with its exception.
   */
  public void onFailure(Consumer<Throwable> handler) {
    this.onFailure = handler;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void execute(Runnable task) {
    add(now, task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    return add(now + Math.max(0, delay.toNanos()), task);
  }

  /** Runs {@code task} at {@code atNanos} on this clock (now, if that has passed). */
  public Cancellable scheduleAt(long atNanos, Runnable task) {
    return add(Math.max(now, atNanos), task);
  }

  private Cancellable add(long dueNanos, Runnable body) {
    checkThread();
    boolean[] cancelled = {false};
    tasks.add(new Task(dueNanos, sequence++, body, cancelled));
    return () -> cancelled[0] = true;
  }

  /**
   * Runs tasks in time order until {@code done} holds (checked between tasks), nothing is left to
   * run, or the clock would pass {@code limitNanos}.
   *
   * @return true if {@code done} held
   */
  public boolean runUntil(BooleanSupplier done, long limitNanos) {
    owner = Thread.currentThread();
    while (!done.getAsBoolean()) {
      Task next = tasks.peek();
      if (next == null || next.dueNanos() > limitNanos) {
        return false;
      }
      tasks.poll();
      if (next.cancelled()[0]) {
        continue;
      }
      now = next.dueNanos();
      try {
        next.body().run();
      } catch (RuntimeException | Error e) {
        onFailure.accept(e);
      }
    }
    return true;
  }

  /** Tasks waiting to run, cancelled ones included. */
  public int pending() {
    return tasks.size();
  }

  private void checkThread() {
    if (owner != null && owner != Thread.currentThread()) {
      throw new IllegalStateException(
          "virtual time touched from thread '" + Thread.currentThread().getName()
              + "': every part of a virtual-time run must run on the scheduler's thread");
    }
  }
}
