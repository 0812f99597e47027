package dev.turntable.harness.bench;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayOptions;
import dev.turntable.harness.replay.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Item 4: how much faster than real time fixtures replay, with their verdicts intact. */
final class ReplaySpeedBench {
  static final double WIRE_SPEED = 20;

  private ReplaySpeedBench() {}

  static Figure wire(List<Fixture> fixtures) throws Exception {
    double audioMs = 0;
    double wallMs = 0;
    List<String> failed = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      long start = System.nanoTime();
      ReplayResult result = FixtureReplay.run(fixture, WIRE_SPEED, null);
      wallMs += (System.nanoTime() - start) / 1e6;
      audioMs += fixture.micDurationMs();
      if (!result.verdict().passed()) {
        failed.add(result.name());
      }
    }
    double achieved = audioMs / wallMs;
    return new Figure("4", "replay speed on the wire",
        String.format("%.1fx real time at --speed %.0f, %s", achieved, WIRE_SPEED,
            failed.isEmpty() ? "all verdicts pass" : "verdicts FAIL: " + failed),
        fixtures.size() + " fixture(s), " + String.format("%.1f s", audioMs / 1000)
            + " of audio: mock STT, WireMock stubs and the agent over sockets, wall time incl. set-up",
        Map.of("speedup", achieved, "audioMs", audioMs, "wallMs", wallMs, "failed", failed));
  }

  /**
   * Virtual time: the discrete-event replay, where time jumps to the next due event and nothing
   * waits for a clock. Each fixture is replayed once unmeasured (class loading), then
   * {@code rounds} times.
   */
  static Figure virtual(List<Fixture> fixtures, int rounds) throws Exception {
    for (Fixture fixture : fixtures) {
      FixtureReplay.run(fixture, ReplayOptions.virtual());
    }
    double audioMs = 0;
    double wallMs = 0;
    List<String> failed = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (Fixture fixture : fixtures) {
        long start = System.nanoTime();
        ReplayResult result = FixtureReplay.run(fixture, ReplayOptions.virtual());
        wallMs += (System.nanoTime() - start) / 1e6;
        audioMs += fixture.micDurationMs();
        if (!result.verdict().passed() && !failed.contains(result.name())) {
          failed.add(result.name());
        }
      }
    }
    double achieved = audioMs / wallMs;
    return new Figure("4", "replay speed on virtual time",
        String.format("%,.0fx real time, %s", achieved,
            failed.isEmpty() ? "all verdicts pass" : "verdicts FAIL: " + failed),
        fixtures.size() + " fixture(s) x " + rounds + " rounds, " + String.format("%.1f s", audioMs / 1000)
            + " of audio: in-process ports on one discrete-event scheduler, wall time per replay",
        Map.of("speedup", achieved, "audioMs", audioMs, "wallMs", wallMs, "failed", failed));
  }
}
