package dev.turntable.harness.replay;

import dev.turntable.harness.check.DecisionDiff;
import dev.turntable.harness.check.Decisions;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.record.SessionRecorder;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubTiming;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.ScaledClock;
import dev.turntable.harness.fixture.Redactor;
import java.nio.file.Path;
import java.util.Set;
import java.util.List;

/**
 * Replays a fixture through the mocks against the real agent: the mock AssemblyAI server releases
 * the recorded messages by audio position, the stubs serve the recorded LLM/TTS exchanges with
 * their timing, and the microphone is the recorded audio — all {@code speed} times faster.
 */
public final class FixtureReplay {
  private FixtureReplay() {}

  /** @param recordTo also record the replay as a new fixture there, or null */
  public static ReplayResult run(Fixture fixture, double speed, Path recordTo) throws Exception {
    FixtureManifest manifest = fixture.manifest();
    SttRecording recording = SttRecording.of(fixture);
    StubOptions stubs = StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture.httpDir().isPresent()) {
      stubs = stubs.withRecordings(fixture.httpDir().get());
    }
    var driver = ReplayDriver.factory(recording, new ReplayDriver.Options(false, speed));
    ScaledClock clock = new ScaledClock(Clock.system(), speed);
    try (MockServices mocks = MockServices.start(driver, stubs);
        SessionRecorder recorder = startRecorder(recordTo, manifest, clock)) {
      var choices = FixtureSettings.choices(manifest);
      SessionRun.Outcome outcome =
          SessionRun.run(
              fixture.micWav(),
              mocks.environment(choices.voice()),
              choices,
              FixtureSettings.conversation(manifest),
              FixtureSettings.halfDuplex(manifest),
              speed,
              recorder);
      return judge(fixture, speed, outcome);
    }
  }

  static ReplayResult judge(Fixture fixture, double speed, SessionRun.Outcome outcome) {
    SessionMeasures measures = SessionMeasures.of(outcome.timeline());
    List<String> differences =
        fixture.agentEvents().isEmpty()
            ? List.of()
            : DecisionDiff.between(
                Decisions.of(new Timeline(fixture.agentEvents())), Decisions.of(outcome.timeline()));
    Verdict verdict = Verdict.of(measures, fixture.manifest().expected(), differences);
    return new ReplayResult(fixture, speed, outcome, measures, differences, verdict);
  }

  private static SessionRecorder startRecorder(Path dir, FixtureManifest manifest, Clock clock)
      throws Exception {
    return dir == null
        ? null
        : SessionRecorder.start(
            dir, manifest, clock, new Redactor(Set.of(MockServices.PLACEHOLDER_KEY)));
  }
}
