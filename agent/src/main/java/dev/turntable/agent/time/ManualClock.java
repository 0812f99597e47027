package dev.turntable.agent.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to: for tests and virtual-time replay. */
public final class ManualClock implements Clock {
  private final AtomicLong now = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  public void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  public void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }
}
