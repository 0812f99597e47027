package dev.turntable.harness.replay;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.ScaledClock;
import dev.turntable.agent.time.VirtualScheduler;
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
import java.util.Map;
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

  /** Over the wire at {@code speed}, with or without echo cancellation (see {@link ReplayOptions}). */
  public static ReplayResult run(
      Fixture fixture, double speed, Path recordTo, boolean echoCancellation) throws Exception {
    return run(fixture, ReplayOptions.wire(speed).withRecordTo(recordTo).withEchoCancellation(echoCancellation));
  }

  private static SessionRun.Outcome onVirtualTime(Fixture fixture, ReplayOptions options)
      throws Exception {
    FixtureManifest manifest = fixture.manifest();
    VirtualScheduler time = new VirtualScheduler();
    RecordedExchanges exchanges =
        fixture.httpDir().map(RecordedExchanges::load).orElseGet(RecordedExchanges::none);
    SttRecording stt = SttRecording.of(fixture);
    VirtualRun.World world = new VirtualRun.World(
        ReplayDriver.factory(stt, ReplayDriver.Options.audioClock(), time),
        stt.reopens(),
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

  /**
   * Without echo cancellation the agent hears mic.wav exactly as recorded, so a fixture recorded
   * with it (mic.wav already cleaned) replays bit-exact. With it, the canceller runs again on what
   * the microphone heard (mic-raw.wav when the fixture has one, else mic.wav) against what the
   * replayed agent plays: a fixture recorded raw, replayed with echo cancellation, to compare.
   */
  private static SessionRun.Outcome overTheWire(Fixture fixture, ReplayOptions options)
      throws Exception {
    boolean echoCancellation = options.echoCancellation();
    FixtureManifest manifest =
        echoCancellation ? withEchoCancellation(fixture.manifest()) : fixture.manifest();
    Path heard = echoCancellation ? fixture.micRawWav().orElse(fixture.micWav()) : fixture.micWav();
    double speed = options.speed();
    StubOptions stubs = StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture.httpDir().isPresent()) {
      stubs = stubs.withRecordings(fixture.httpDir().get());
    }
    var driver =
        ReplayDriver.factory(SttRecording.of(fixture), new ReplayDriver.Options(false, speed));
    // Wire only: real sockets keep real time, so this path reads the system clock (scaled).
    ScaledClock clock = new ScaledClock(Clock.system(), speed);
    try (MockServices mocks = MockServices.start(driver, stubs);
        SessionRecorder recorder = startRecorder(options.recordTo(), manifest, clock)) {
      var choices = FixtureSettings.choices(manifest);
      return SessionRun.run(
          heard,
          mocks.environment(choices.voice()),
          choices,
          settings(manifest, options),
          FixtureSettings.halfDuplex(manifest),
          echoCancellation,
          speed,
          recorder);
    }
  }

  /**
   * Over the wire against mocks that already serve the fixture elsewhere (e.g. {@code turntable
   * serve --fixture} in a container, at the same speed), reached through {@code urls}.
   */
  public static ReplayResult against(Fixture fixture, double speed, Map<String, String> urls) throws Exception {
    FixtureManifest manifest = fixture.manifest();
    ReplayOptions options = ReplayOptions.wire(speed);
    var choices = FixtureSettings.choices(manifest);
    SessionRun.Outcome outcome =
        SessionRun.run(
            fixture.micWav(),
            MockServices.environment(urls, choices.voice()),
            choices,
            settings(manifest, options),
            FixtureSettings.halfDuplex(manifest),
            speed,
            null);
    return judge(fixture, options, outcome);
  }

  private static ConversationSettings settings(FixtureManifest manifest, ReplayOptions options) {
    return options.settings() != null ? options.settings() : FixtureSettings.conversation(manifest);
  }

  static ReplayResult judge(Fixture fixture, ReplayOptions options, SessionRun.Outcome outcome) {
    SessionMeasures measures = SessionMeasures.of(outcome.timeline(), outcome.playedAudio());
    List<String> differences =
        fixture.agentEvents().isEmpty()
            ? List.of()
            : new Timeline(fixture.agentEvents()).decisionDifferences(outcome.timeline());
    Verdict verdict = Verdict.of(measures, fixture.manifest().expected(), differences);
    if (outcome.unfinished() != null) {
      verdict = verdict.with(outcome.unfinished());
    }
    return new ReplayResult(fixture, options, outcome, measures, differences, verdict);
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
