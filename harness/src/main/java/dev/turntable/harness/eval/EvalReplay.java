package dev.turntable.harness.eval;

import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.ReplayOptions;

/** Replays one fixture on virtual time with its interruption policy replaced. */
final class EvalReplay {
  private EvalReplay() {}

  static Timeline run(Fixture fixture, InterruptionPolicy policy) throws Exception {
    var settings = FixtureSettings.conversation(fixture.manifest()).withPolicy(policy);
    return FixtureReplay.run(fixture, ReplayOptions.virtual().withSettings(settings)).timeline();
  }
}
