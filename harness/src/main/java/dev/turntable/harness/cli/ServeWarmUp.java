package dev.turntable.harness.cli;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayOptions;
import java.io.PrintWriter;

/**
 * Warms {@code serve}'s JVM before it reports ready: one replay of the fixture, over the wire,
 * against a throwaway set of mocks. A cold JVM answered a first session's requests up to seconds
 * late on a busy machine (class loading, the JIT), so an agent's first replay came out slower than
 * its later ones. The served mocks are untouched: their sessions and scenarios start fresh.
 */
final class ServeWarmUp {
  /** Fast enough to cost little; the warm-up's timing and verdicts are thrown away. */
  private static final double SPEED = 10;

  private ServeWarmUp() {}

  static void run(Fixture fixture, PrintWriter err) {
    err.printf("turntable serve: warming up: one replay of %s at %.0fx against throwaway mocks%n",
        fixture.dir().getFileName(), SPEED);
    err.flush();
    long start = System.nanoTime();
    try {
      FixtureReplay.run(fixture, ReplayOptions.wire(SPEED));
      err.printf("turntable serve: warmed up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      // Serving still works: only the first session's replies may come late.
      err.println("turntable serve: warm-up replay failed, serving cold: " + e);
    }
    err.flush();
  }
}
