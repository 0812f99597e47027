package dev.turntable.harness.replay;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.ScaledClock;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.harness.check.DecisionDiff;
import dev.turntable.harness.check.Decisions;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.record.SessionRecorder;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubTiming;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Replays a fixture against the real agent core. On virtual time, in-process ports serve the
 * recorded STT messages (released by audio position), LLM/TTS replies (with their recorded
 * timing) and the microphone, all on one discrete-event scheduler. Over the wire, the mock
 * AssemblyAI server and the stubs serve the same recording through the real adapters, {@code
 * speed} times faster than real time. Both are judged the same way.
 */
public final class FixtureReplay {
  private FixtureReplay() {}

  public static ReplayResult run(Fixture fixture, ReplayOptions options) throws Exception {
    SessionRun.Outcome outcome = options.clock() == ReplayClock.VIRTUAL
        ? onVirtualTime(fixture, options)
        : overTheWire(fixture, options);
    return judge(fixture, options, outcome);
  }

  /** Over the wire at {@code speed}, optionally recording the replay as a new fixture. */
  public static ReplayResult run(Fixture fixture, double speed, Path recordTo) throws Exception {
    return run(fixture, ReplayOptions.wire(speed).withRecordTo(recordTo));
  }

  private static SessionRun.Outcome onVirtualTime(Fixture fixture, ReplayOptions options)
      throws Exception {
    FixtureManifest manifest = fixture.manifest();
    VirtualScheduler time = new VirtualScheduler();
    RecordedExchanges exchanges =
        fixture.httpDir().map(RecordedExchanges::load).orElseGet(RecordedExchanges::none);
    VirtualRun.World world = new VirtualRun.World(
        ReplayDriver.factory(SttRecording.of(fixture), ReplayDriver.Options.audioClock(), time),
        (provider, history) -> exchanges.next(provider + " chat", path -> path.endsWith(
            provider == Providers.Llm.OPENAI ? "/chat/completions" : "/messages")),
        (provider, text, format) -> exchanges.next(provider + " speech", path -> path.contains(
            provider == Providers.Tts.ELEVENLABS ? "/text-to-speech/" : "/tts/")));
    return VirtualRun.run(
        fixture.micWav(),
        time,
        world,
        FixtureSettings.choices(manifest),
        settings(manifest, options),
        FixtureSettings.halfDuplex(manifest));
  }

  private static SessionRun.Outcome overTheWire(Fixture fixture, ReplayOptions options)
      throws Exception {
    FixtureManifest manifest = fixture.manifest();
    double speed = options.speed();
    StubOptions stubs = StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture.httpDir().isPresent()) {
      stubs = stubs.withRecordings(fixture.httpDir().get());
    }
    var driver =
        ReplayDriver.factory(SttRecording.of(fixture), new ReplayDriver.Options(false, speed));
    ScaledClock clock = new ScaledClock(Clock.system(), speed);
    try (MockServices mocks = MockServices.start(driver, stubs);
        SessionRecorder recorder = startRecorder(options.recordTo(), manifest, clock)) {
      var choices = FixtureSettings.choices(manifest);
      return SessionRun.run(
          fixture.micWav(),
          mocks.environment(choices.voice()),
          choices,
          settings(manifest, options),
          FixtureSettings.halfDuplex(manifest),
          speed,
          recorder);
    }
  }

  private static ConversationSettings settings(FixtureManifest manifest, ReplayOptions options) {
    return options.settings() != null ? options.settings() : FixtureSettings.conversation(manifest);
  }

  static ReplayResult judge(Fixture fixture, ReplayOptions options, SessionRun.Outcome outcome) {
    SessionMeasures measures = SessionMeasures.of(outcome.timeline(), outcome.playedAudio());
    List<String> differences =
        fixture.agentEvents().isEmpty()
            ? List.of()
            : DecisionDiff.between(
                Decisions.of(new Timeline(fixture.agentEvents())), Decisions.of(outcome.timeline()));
    Verdict verdict = Verdict.of(measures, fixture.manifest().expected(), differences);
    if (outcome.unfinished() != null) {
      verdict = verdict.with(outcome.unfinished());
    }
    return new ReplayResult(fixture, options, outcome, measures, differences, verdict);
  }

  private static SessionRecorder startRecorder(Path dir, FixtureManifest manifest, Clock clock)
      throws Exception {
    return dir == null
        ? null
        : SessionRecorder.start(
            dir, manifest, clock, new Redactor(Set.of(MockServices.PLACEHOLDER_KEY)));
  }
}
