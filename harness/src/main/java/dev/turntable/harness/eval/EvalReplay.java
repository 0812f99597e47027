package dev.turntable.harness.eval;

import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayWarmUp;
import java.util.List;

/** Replays one fixture with its interruption policy replaced, and returns what the agent did. */
final class EvalReplay {
  /** Wire replay speed: fast, and below the speed at which the bundled fixtures' verdicts change. */
  private static final double SPEED = 20;

  private EvalReplay() {}

  static Timeline run(Fixture fixture, InterruptionPolicy policy) throws Exception {
    Fixture variant = withPolicy(fixture, policy);
    ReplayWarmUp.ensure(variant);
    return FixtureReplay.run(variant, SPEED, null).timeline();
  }

  /** The same recording under another policy; its recorded decisions no longer apply, so they go. */
  static Fixture withPolicy(Fixture fixture, InterruptionPolicy policy) {
    FixtureManifest m = fixture.manifest();
    FixtureManifest.Agent a = m.agent() == null
        ? new FixtureManifest.Agent(null, null, null, null, null)
        : m.agent();
    FixtureManifest.Agent agent = new FixtureManifest.Agent(
        a.preset(), FixtureManifest.Policy.from(policy), a.halfDuplex(), a.llm(), a.tts());
    FixtureManifest manifest = new FixtureManifest(m.formatVersion(), m.recordedBy(), m.description(),
        m.tags(), m.stt(), m.audio(), agent, m.expected());
    return new Fixture(fixture.dir(), manifest, fixture.sttFrames(), List.of(), fixture.micPcmBytes());
  }
}
