package dev.turntable.harness.cucumber;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.replay.ConversationAudio;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayOptions;
import dev.turntable.harness.replay.SessionRun;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one place the steps start a replay: a fixture or a conversation script, on either clock. */
final class SessionRunner {
  /** TTS audio for scripted replies: a speech-length tone, so no decision depends on espeak-ng. */
  static final SpeechEngine AGENT_VOICE = SpeechEngine.TONE;

  /** Until conversation scripts run on virtual time, they run over the wire at this speed. */
  private static final double INTERIM_SPEED = 3;

  private SessionRunner() {}

  /** @param settings the agent settings to use instead of the recorded ones, or null */
  static SessionResult fixture(Fixture fixture, ConversationSettings settings, ReplayOptions options) throws Exception {
    ServiceChoices choices = FixtureSettings.choices(fixture.manifest());
    var replay = FixtureReplay.run(fixture, settings == null ? options : options.withSettings(settings));
    return SessionResult.of(
        replay, fixture.manifest().description(), fixture.micPcm(),
        silence(choices.minTurnSilenceMs(), choices.preset().minTurnSilenceMs()),
        silence(choices.maxTurnSilenceMs(), choices.preset().maxTurnSilenceMs()));
  }

  static SessionResult script(ConversationScript script, String name, ReplayOptions options) throws Exception {
    byte[] mic = ConversationAudio.micPcm(script, SpeechAudio.create(SpeechEngine.AUTO));
    Path micWav = Files.createTempFile("turntable-scenario", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      var stt =
          MockAssemblyAiServer.builder()
              .driver(new ReconnectingScript(script))
              .authMode(AuthMode.acceptAny())
              .faults(script.faults());
      double speed = options.clock() == ReplayClock.WIRE ? options.speed() : INTERIM_SPEED;
      StubTiming timing = script.timing().toStubTiming().scale(speed);
      try (MockServices mocks = MockServices.start(stt, StubOptions.defaults().withTiming(timing).withSpeech(AGENT_VOICE))) {
        script.applyTo(mocks.stubs());
        SessionRun.Outcome outcome =
            SessionRun.run(
                micWav, mocks.environment(null), script.serviceChoices(), script.conversationSettings(), false, speed, null);
        SessionMeasures measures = SessionMeasures.of(outcome.timeline(), outcome.playedAudio());
        return new SessionResult(
            name, script.description(), mic, outcome, measures, List.of(),
            Verdict.of(measures, script.expected(), List.of()), "wire at " + speed + "x",
            script.turns().minMs(), script.turns().maxMs());
      }
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  private static int silence(Integer explicit, int preset) {
    return explicit != null ? explicit : preset;
  }
}
