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
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.record.SessionRecorder;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.apache.commons.io.file.PathUtils;

/**
 * Makes a fixture the way a user records one, without a person: espeak-ng speaks the user's lines
 * into a WAV microphone (each over the span the script gives it, see {@link ConversationAudio}),
 * the mock AssemblyAI server's scripted mode transcribes them as u3-rt-pro would (with the
 * script's faults), the stubs answer with the scripted replies and timing, and the real agent runs
 * at real time with the script's settings while a {@link SessionRecorder} records it all.
 */
public final class FixtureSynthesizer {
  public static final String SCRIPT_FILE = "conversation.json";
  private static final double WARM_UP_SPEED = 10;
  private static final int WARM_UP_RUNS = 3;

  private FixtureSynthesizer() {}

  public static Path synthesize(Path scriptFile, Path outDir, String version) throws Exception {
    ConversationScript conversation = ConversationScript.load(scriptFile);
    byte[] mic = ConversationAudio.micPcm(conversation, SpeechAudio.create(SpeechEngine.ESPEAK));
    Path micWav = Files.createTempFile("turntable-mic", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      warmUp(conversation, micWav, version);
      record(conversation, micWav, outDir, version, 1.0);
      ScriptLabels.write(outDir, conversation);
      Files.copy(scriptFile, outDir.resolve(SCRIPT_FILE), StandardCopyOption.REPLACE_EXISTING);
      return outDir;
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  /**
   * A synthesized fixture's timing should be the script's service timing. In a fresh JVM the
   * agent's first turn also pays for class loading and the first connections (50–100 ms), which
   * no replay can reproduce, so the same conversation first runs a few times, fast, recorded into
   * folders that are thrown away: the recorder's path is warmed with the agent's.
   */
  private static void warmUp(ConversationScript conversation, Path micWav, String version)
      throws Exception {
    for (int run = 0; run < WARM_UP_RUNS; run++) {
      Path scratch = Files.createTempDirectory("turntable-warm-up");
      try {
        record(conversation, micWav, scratch, version, WARM_UP_SPEED);
      } finally {
        PathUtils.deleteDirectory(scratch);
      }
    }
  }

  private static ServiceChoices choices(ConversationScript conversation) {
    // A fixture keeps its TTS exchanges as HTTP mappings.
    return conversation.serviceChoices().withTtsTransport(Providers.TtsTransport.HTTP);
  }

  private static MockServices startMocks(ConversationScript conversation) throws Exception {
    // Recording runs at real time on the system clock (see below); a reconnected STT connection
    // hears the lines after the fault, where they fall in its own audio.
    var stt =
        MockAssemblyAiServer.builder()
            .driver(new ReconnectingScript(conversation, Clock.system()))
            .authMode(AuthMode.acceptAny())
            .faults(conversation.faults());
    StubOptions stubOptions = StubOptions.defaults().withTiming(conversation.timing().toStubTiming());
    MockServices mocks = MockServices.start(stt, stubOptions);
    try {
      conversation.applyTo(mocks.stubs());
      return mocks;
    } catch (RuntimeException e) {
      mocks.close();
      throw e;
    }
  }

  private static void record(
      ConversationScript conversation, Path micWav, Path outDir, String version, double speed)
      throws Exception {
    ServiceChoices choices = choices(conversation);
    ConversationSettings settings = conversation.conversationSettings();
    try (MockServices mocks = startMocks(conversation)) {
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
      // Recording, not replaying: a session is recorded over real sockets in real time (the
      // warm-up's faster runs are thrown away), so the recorder's clock is the system's.
      try (SessionRecorder recorder =
          SessionRecorder.start(outDir, manifest, Clock.system(), new Redactor(Set.of(MockServices.PLACEHOLDER_KEY)))) {
        SessionRun.run(micWav, env, choices, settings, false, speed, recorder);
      }
    }
  }
}
