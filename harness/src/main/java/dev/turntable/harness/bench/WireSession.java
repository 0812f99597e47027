package dev.turntable.harness.bench;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.mockstt.ReleaseStatistics;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.replay.SessionRun;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubTiming;

/**
 * One run of the real agent over real sockets: a fixture's microphone audio and recorded STT
 * messages (released by audio position), and LLM/TTS stubs that generate {@code reply} with the
 * given timing, over the chosen TTS transport.
 */
record WireSession(SessionMeasures measures, ReleaseStatistics release, double wallMs) {
  static WireSession run(
      Fixture fixture,
      StubTiming timing,
      String reply,
      Providers.Tts tts,
      Providers.TtsTransport transport,
      double speed)
      throws Exception {
    var driver =
        ReplayDriver.factory(SttRecording.of(fixture), new ReplayDriver.Options(false, speed));
    // Tones of speech length: espeak-ng's CPU time on a busy machine would otherwise show up
    // as TTS latency and blur what the agent itself adds.
    StubOptions stubs =
        StubOptions.defaults().withTiming(timing.scale(speed)).withSpeech(SpeechEngine.TONE);
    try (MockServices mocks = MockServices.start(driver, stubs)) {
      mocks.stubs().openAi().reply(StubReply.text(reply));
      mocks.stubs().anthropic().reply(StubReply.text(reply));
      ServiceChoices recorded = FixtureSettings.choices(fixture.manifest());
      ServiceChoices choices = withTts(recorded, tts).withTtsTransport(transport);
      long start = System.nanoTime();
      SessionRun.Outcome outcome =
          SessionRun.run(
              fixture.micWav(),
              mocks.environment(choices.voice()),
              choices,
              FixtureSettings.conversation(fixture.manifest()),
              FixtureSettings.halfDuplex(fixture.manifest()),
              speed,
              null);
      double wallMs = (System.nanoTime() - start) / 1e6;
      return new WireSession(
          SessionMeasures.of(outcome.timeline()), mocks.stt().releaseStatistics(), wallMs);
    }
  }

  static ServiceChoices withTts(ServiceChoices c, Providers.Tts tts) {
    return new ServiceChoices(
        c.llm(), tts, c.preset(), c.minTurnSilenceMs(), c.maxTurnSilenceMs(), c.keyterms(),
        c.sttPrompt(), c.systemPrompt(), c.llmModel(), c.maxTokens(), c.ttsSampleRate(),
        tts == c.tts() ? c.voice() : null, c.ttsTransport());
  }
}
