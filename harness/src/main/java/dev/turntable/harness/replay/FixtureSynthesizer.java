package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.Fault;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.Utterance;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.record.SessionRecorder;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubTiming;
import dev.turntable.harness.stubs.HttpFault;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a fixture the way a user records one, without a person: espeak-ng speaks the user's lines
 * into a WAV microphone, the mock AssemblyAI server's scripted mode transcribes them as u3-rt-pro
 * would, the stubs answer with the scripted replies, and the real agent runs at real time while a
 * {@link SessionRecorder} records it all.
 */
public final class FixtureSynthesizer {
  public static final String SCRIPT_FILE = "conversation.json";

  private FixtureSynthesizer() {}

  public static Path synthesize(Path scriptFile, Path outDir, String version) throws Exception {
    ConversationScript conversation = ConversationScript.load(scriptFile);
    SpeechAudio speech = SpeechAudio.create(SpeechEngine.ESPEAK);
    List<Utterance> utterances = new ArrayList<>();
    byte[] mic = ScriptedMic.compose(conversation, speech, utterances);
    Path micWav = Files.createTempFile("turntable-mic", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      warmUp(micWav.resolveSibling(micWav.getFileName() + ".warm.wav"));
      record(conversation, utterances, micWav, outDir, version);
      ScriptLabels.write(outDir, conversation);
      Files.copy(scriptFile, outDir.resolve(SCRIPT_FILE), StandardCopyOption.REPLACE_EXISTING);
      return outDir;
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  private static void record(
      ConversationScript conversation, List<Utterance> utterances, Path micWav, Path outDir, String version)
      throws Exception {
    ServiceChoices choices = choices(conversation);
    ConversationSettings settings = ConversationSettings.defaults();
    var sttServer = MockAssemblyAiServer.builder().authMode(AuthMode.acceptAny());
    if (conversation.sttDropAtMs() == null) {
      sttServer.driver(ScriptedDriver.factory(Script.of(utterances.toArray(Utterance[]::new))));
    } else {
      // Every connection drops at that position of its own audio: the script must end sooner after a reconnect.
      sttServer.driver(new ResumingScript(utterances, Clock.system()))
          .fault(new Fault.DropAt(conversation.sttDropAtMs()));
    }
    try (MockServices mocks = MockServices.start(sttServer, stubOptions(conversation))) {
      mocks.stubs().openAi().replies(conversation.agent().stream().map(StubReply::text).toList());
      if (conversation.ttsErrorStatus() != null) {
        mocks.stubs().elevenLabs().failNext(HttpFault.status(conversation.ttsErrorStatus()));
      }
      var env = mocks.environment(null);
      FixtureManifest manifest =
          RecordingManifest.of(
                  version,
                  conversation.description(),
                  conversation.tags(),
                  choices,
                  settings,
                  false,
                  Services.sttOptions(env, choices))
              .withExpected(conversation.expected());
      try (SessionRecorder recorder =
          SessionRecorder.start(outDir, manifest, Clock.system(), new Redactor(Set.of(MockServices.PLACEHOLDER_KEY)))) {
        SessionRun.run(micWav, env, choices, settings, false, 1.0, recorder);
      }
    }
  }

  /**
   * A cold JVM takes seconds over its first LLM and TTS exchange, which would push the recorded
   * agent's first reply seconds late. One unrecorded exchange first makes the fixture show the
   * agent's usual timing.
   */
  private static void warmUp(Path silentMic) throws Exception {
    try {
      WavFile.write(silentMic, new WavAudio(PcmFormat.STT, new byte[PcmFormat.STT.bytesForMillis(3_000)]));
      var driver = ScriptedDriver.factory(Script.of(new Utterance("Hello there.", 200, 900)));
      try (MockServices mocks = MockServices.start(driver, StubOptions.defaults())) {
        mocks.stubs().openAi().reply(StubReply.text("Hi."));
        SessionRun.run(silentMic, mocks.environment(null), ServiceChoices.defaults(),
            ConversationSettings.defaults(), false, 1.0, null);
      }
    } finally {
      Files.deleteIfExists(silentMic);
    }
  }

  private static ServiceChoices choices(ConversationScript conversation) {
    ServiceChoices d = ServiceChoices.defaults();
    if (conversation.preset() == null) {
      return d;
    }
    return new ServiceChoices(d.llm(), d.tts(), TurnPreset.fromName(conversation.preset()),
        d.minTurnSilenceMs(), d.maxTurnSilenceMs(), d.keyterms(), d.sttPrompt(), d.systemPrompt(),
        d.llmModel(), d.maxTokens(), d.ttsSampleRate(), d.voice());
  }

  private static StubOptions stubOptions(ConversationScript conversation) {
    StubTiming t = StubTiming.DEFAULT;
    if (conversation.llmFirstTokenMs() != null) {
      t = new StubTiming(Duration.ofMillis(conversation.llmFirstTokenMs()), t.llmTokensPerSecond(),
          t.ttsFirstByte(), t.ttsRealtimeFactor(), t.ttsChunk(), t.speed());
    }
    return StubOptions.defaults().withTiming(t);
  }
}
