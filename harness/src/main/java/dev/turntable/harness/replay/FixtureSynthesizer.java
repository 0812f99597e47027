package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.Utterance;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.record.SessionRecorder;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
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
      record(conversation, utterances, micWav, outDir, version);
      Files.copy(scriptFile, outDir.resolve(SCRIPT_FILE), StandardCopyOption.REPLACE_EXISTING);
      return outDir;
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  private static void record(
      ConversationScript conversation, List<Utterance> utterances, Path micWav, Path outDir, String version)
      throws Exception {
    // A fixture keeps its TTS exchanges as HTTP mappings.
    ServiceChoices choices = ServiceChoices.defaults().withTtsTransport(Providers.TtsTransport.HTTP);
    ConversationSettings settings = ConversationSettings.defaults();
    var driver = ScriptedDriver.factory(Script.of(utterances.toArray(Utterance[]::new)));
    try (MockServices mocks = MockServices.start(driver, StubOptions.defaults())) {
      mocks.stubs().openAi().replies(conversation.agent().stream().map(StubReply::text).toList());
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

}
