package dev.turntable.harness.bench;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
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
   * Virtual time: the discrete-event replay, where time jumps to the next due event. It lands as
   * {@code FixtureReplay.run(Fixture, ReplayOptions)}; until then this row says so rather than
   * show a number that was not measured.
   */
  static Figure virtual(List<Fixture> fixtures) {
    return Figure.notMeasured("4", "replay speed on virtual time",
        "the virtual-clock replay is not on this branch yet (measure it with"
            + " FixtureReplay.run(Fixture, ReplayOptions) once merged: audio ms / wall ms)");
  }
}
