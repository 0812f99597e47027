package dev.turntable.agent.time;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;

/**
 * An event loop the test drives by hand: tasks wait until {@link #runAll()}, and timers fire only
 * when the test moves the clock with {@link #advance}, in due order, each at its due time.
 */
public final class ManualLoop implements LoopScheduler {
  private record Timer(long dueNanos, long seq, Runnable task, boolean[] cancelled) {}

  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final List<Timer> timers = new ArrayList<>();
  private final ManualClock clock;
  private long seq;

  public ManualLoop(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = new boolean[1];
    timers.add(new Timer(clock.nanoTime() + delay.toNanos(), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  public void runAll() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  /** Moves time forward by {@code ms}, running each timer that falls due on the way. */
  public void advance(long ms) {
    long end = clock.nanoTime() + ms * 1_000_000L;
    runAll();
    while (true) {
      Timer next =
          timers.stream()
              .filter(t -> !t.cancelled()[0] && t.dueNanos() <= end)
              .min(Comparator.comparingLong(Timer::dueNanos).thenComparingLong(Timer::seq))
              .orElse(null);
      if (next == null) {
        break;
      }
      timers.remove(next);
      clock.advance(Duration.ofNanos(Math.max(0, next.dueNanos() - clock.nanoTime())));
      next.task().run();
      runAll();
    }
    clock.advance(Duration.ofNanos(end - clock.nanoTime()));
  }

  public int pendingTimers() {
    return (int) timers.stream().filter(t -> !t.cancelled()[0]).count();
  }
}
