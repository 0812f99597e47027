package dev.turntable.harness.cucumber;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.harness.check.DecisionDiff;
import dev.turntable.harness.check.Decisions;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.replay.ConversationAudio;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.ReplayWarmUp;
import dev.turntable.harness.replay.SessionRun;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one place the steps start a replay: a fixture or a conversation script, at a speed. */
final class SessionRunner {
  /** TTS audio for scripted replies: a speech-length tone, so no decision depends on espeak-ng. */
  static final SpeechEngine AGENT_VOICE = SpeechEngine.TONE;

  private SessionRunner() {}

  /** @param settings the agent settings to use instead of the recorded ones, or null */
  static SessionResult fixture(Fixture fixture, ConversationSettings settings, double speed) throws Exception {
    ServiceChoices choices = FixtureSettings.choices(fixture.manifest());
    ReplayWarmUp.ensure(fixture);
    var replay = settings == null ? FixtureReplay.run(fixture, speed, null) : withSettings(fixture, settings, speed);
    return SessionResult.of(
        replay, fixture.manifest().description(), fixture.micPcm(), mode(speed),
        silence(choices.minTurnSilenceMs(), choices.preset().minTurnSilenceMs()),
        silence(choices.maxTurnSilenceMs(), choices.preset().maxTurnSilenceMs()));
  }

  static SessionResult script(ConversationScript script, String name, double speed) throws Exception {
    byte[] mic = ConversationAudio.micPcm(script, SpeechAudio.create(SpeechEngine.AUTO));
    Path micWav = Files.createTempFile("turntable-scenario", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      var stt =
          MockAssemblyAiServer.builder()
              .driver(new ReconnectingScript(script))
              .authMode(AuthMode.acceptAny())
              .faults(script.faults());
      StubTiming timing = script.timing().toStubTiming().scale(speed);
      try (MockServices mocks = MockServices.start(stt, StubOptions.defaults().withTiming(timing).withSpeech(AGENT_VOICE))) {
        script.applyTo(mocks.stubs());
        SessionRun.Outcome outcome =
            SessionRun.run(
                micWav, mocks.environment(null), script.serviceChoices(), script.conversationSettings(), false, speed, null);
        SessionMeasures measures = SessionMeasures.of(outcome.timeline());
        return new SessionResult(
            name, script.description(), mic, outcome, measures, List.of(),
            Verdict.of(measures, script.expected(), List.of()), mode(speed),
            script.turns().minMs(), script.turns().maxMs());
      }
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  /** A fixture replayed with other agent settings (e.g. a different barge-in policy). */
  private static ReplayResult withSettings(
      Fixture fixture, ConversationSettings settings, double speed) throws Exception {
    StubOptions stubs = StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture.httpDir().isPresent()) {
      stubs = stubs.withRecordings(fixture.httpDir().get());
    }
    var driver = ReplayDriver.factory(SttRecording.of(fixture), new ReplayDriver.Options(false, speed));
    try (MockServices mocks = MockServices.start(driver, stubs)) {
      var choices = FixtureSettings.choices(fixture.manifest());
      SessionRun.Outcome outcome =
          SessionRun.run(
              fixture.micWav(), mocks.environment(choices.voice()), choices, settings,
              FixtureSettings.halfDuplex(fixture.manifest()), speed, null);
      SessionMeasures measures = SessionMeasures.of(outcome.timeline());
      List<String> differences =
          DecisionDiff.between(
              Decisions.of(new Timeline(fixture.agentEvents())), Decisions.of(outcome.timeline()));
      return new ReplayResult(
          fixture, speed, outcome, measures, differences,
          Verdict.of(measures, fixture.manifest().expected(), differences));
    }
  }

  private static int silence(Integer explicit, int preset) {
    return explicit != null ? explicit : preset;
  }

  private static String mode(double speed) {
    return "wire at " + dev.turntable.harness.replay.ReplaySpeed.format(speed) + "x";
  }
}
