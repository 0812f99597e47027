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
    return run(fixture, speed, recordTo, false);
  }

  /**
   * Without echo cancellation the agent hears mic.wav exactly as recorded, so a fixture recorded
   * with it (mic.wav already cleaned) replays bit-exact. With it, the canceller runs again on what
   * the microphone heard (mic-raw.wav when the fixture has one, else mic.wav) against what the
   * replayed agent plays: a fixture recorded raw, replayed with echo cancellation, to compare.
   *
   * @param recordTo also record the replay as a new fixture there, or null
   */
  public static ReplayResult run(
      Fixture fixture, double speed, Path recordTo, boolean echoCancellation) throws Exception {
    FixtureManifest manifest =
        echoCancellation ? withEchoCancellation(fixture.manifest()) : fixture.manifest();
    Path heard = echoCancellation ? fixture.micRawWav().orElse(fixture.micWav()) : fixture.micWav();
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
              heard,
              mocks.environment(choices.voice()),
              choices,
              FixtureSettings.conversation(manifest),
              FixtureSettings.halfDuplex(manifest),
              echoCancellation,
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

  private static FixtureManifest withEchoCancellation(FixtureManifest manifest) {
    FixtureManifest.Agent agent = manifest.agent();
    FixtureManifest.Agent cancelled =
        agent == null
            ? new FixtureManifest.Agent(null, null, null, null, null, true)
            : new FixtureManifest.Agent(
                agent.preset(), agent.policy(), agent.halfDuplex(), agent.llm(), agent.tts(), true);
    return new FixtureManifest(manifest.formatVersion(), manifest.recordedBy(), manifest.description(),
        manifest.tags(), manifest.stt(), manifest.audio(), cancelled, manifest.expected());
  }

  private static SessionRecorder startRecorder(Path dir, FixtureManifest manifest, Clock clock)
      throws Exception {
    return dir == null
        ? null
        : SessionRecorder.start(
            dir, manifest, clock, new Redactor(Set.of(MockServices.PLACEHOLDER_KEY)));
  }
}
