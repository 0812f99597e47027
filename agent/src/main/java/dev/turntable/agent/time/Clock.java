package dev.turntable.agent.time;

/**
 * Monotonic time, injected everywhere the agent needs "now". Nothing in the core reads the system
 * clock, so replay can run the same code on a scaled or manual clock.
 */
@FunctionalInterface
public interface Clock {
  /** Nanoseconds since an arbitrary fixed origin; only differences are meaningful. */
  long nanoTime();

  default long millis() {
    return nanoTime() / 1_000_000L;
  }

  static Clock system() {
    return System::nanoTime;
  }
}
