package dev.turntable.harness.replay;

import dev.turntable.harness.fixture.Fixture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cold JVM spends its first hundreds of milliseconds loading and compiling the HTTP, JSON and
 * WebSocket code. At 20× that is seconds of session time, enough to change what the agent decides.
 * So before the first accelerated replay in a JVM, one unmeasured replay warms those paths up.
 */
public final class ReplayWarmUp {
  private static final AtomicBoolean WARM = new AtomicBoolean();
  private static final double SPEED = 10;

  private ReplayWarmUp() {}

  /** Replays {@code fixture} once, unmeasured, unless this JVM has already been warmed up. */
  public static void ensure(Fixture fixture) throws Exception {
    if (WARM.compareAndSet(false, true)) {
      FixtureReplay.run(fixture, SPEED, null);
    }
  }
}
