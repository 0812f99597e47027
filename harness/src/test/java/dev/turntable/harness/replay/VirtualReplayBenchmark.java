package dev.turntable.harness.replay;

import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How much faster than real time a virtual-time replay runs: session audio replayed per second of
 * wall time, per bundled fixture and for the whole corpus (100 rounds after 3 warm-up passes); and
 * each fixture's response latency as recorded, on virtual time and on the wire at 1× and 20×.
 * Not part of the suite; run with {@code mvn -pl agent,harness test -Dtest=VirtualReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class VirtualReplayBenchmark {
  private static final int ROUNDS = 100;

  @Test
  void replaySpeedOnVirtualTime() throws Exception {
    List<Fixture> fixtures = VirtualTimeReplayTest.fixtures().map(FixtureReader::read).toList();
    for (Fixture fixture : fixtures) {
      for (int i = 0; i < 3; i++) {
        FixtureReplay.run(fixture, ReplayOptions.virtual()); // warm-up: class loading and JIT
      }
    }
    // Round-robin, so a garbage collection or a JIT pause lands on every fixture alike rather
    // than on whichever happened to be running.
    long[] nanos = new long[fixtures.size()];
    for (int round = 0; round < ROUNDS; round++) {
      for (int f = 0; f < fixtures.size(); f++) {
        long start = System.nanoTime();
        FixtureReplay.run(fixtures.get(f), ReplayOptions.virtual());
        nanos[f] += System.nanoTime() - start;
      }
    }
    double totalAudioMs = 0;
    long totalNanos = 0;
    for (int f = 0; f < fixtures.size(); f++) {
      double audioMs = fixtures.get(f).micDurationMs() * ROUNDS;
      totalAudioMs += audioMs;
      totalNanos += nanos[f];
      System.out.printf(Locale.ROOT, "%-40s %6.1f s of session in %7.1f ms: %6.0fx real time%n",
          fixtures.get(f).dir().getFileName(), audioMs / 1000, nanos[f] / 1e6,
          audioMs / (nanos[f] / 1e6));
    }
    System.out.printf(Locale.ROOT, "%-40s %6.1f s of session in %7.1f ms: %6.0fx real time%n",
        "corpus (" + fixtures.size() + " fixtures x " + ROUNDS + ")", totalAudioMs / 1000,
        totalNanos / 1e6, totalAudioMs / (totalNanos / 1e6));
  }

  /**
   * The first turn's response latency (user's last word → playback start, from the events) of
   * each fixture: as recorded, on virtual time, and on the wire at 1× and at 20×.
   */
  @Test
  void responseLatencyOnEachClock() throws Exception {
    System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s %9s%n", "fixture (first turn, ms)", "recorded",
        "virtual", "wire 1x", "wire 20x");
    for (Fixture fixture : VirtualTimeReplayTest.fixtures().map(FixtureReader::read).toList()) {
      System.out.printf(Locale.ROOT, "%-40s %9.0f %9.0f %9.0f %9.0f%n", fixture.dir().getFileName(),
          firstResponseMs(new Timeline(fixture.agentEvents())),
          firstResponseMs(FixtureReplay.run(fixture, ReplayOptions.virtual()).timeline()),
          firstResponseMs(FixtureReplay.run(fixture, ReplayOptions.wire(1)).timeline()),
          firstResponseMs(FixtureReplay.run(fixture, ReplayOptions.wire(20)).timeline()));
    }
  }

  private static double firstResponseMs(Timeline timeline) {
    List<TurnMeasure> turns = SessionMeasures.of(timeline).turns();
    return turns.isEmpty() ? Double.NaN : turns.get(0).responseLatencyMs();
  }
}
