package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.Utterance;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.stubs.GeneratedReply;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubService;
import dev.turntable.harness.stubs.StubTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ConversationScript} against the real agent without recording it first: the user's
 * lines become the microphone (espeak-ng, or tones where it is missing), the mock server's scripted
 * mode transcribes them as u3-rt-pro would, and the LLM answers with the script's replies, spoken
 * by the TTS stub — on virtual time, or over the wire through the real adapters.
 */
public final class ScriptedReplay {
  private static final String VERSION = "scripted";

  private ScriptedReplay() {}

  /** With Turntable's default choices and settings, and the stubs' default timing. */
  public static ReplayResult run(ConversationScript script, ReplayOptions options) throws Exception {
    return run(script, options, ServiceChoices.defaults(), StubTiming.DEFAULT);
  }

  public static ReplayResult run(
      ConversationScript script, ReplayOptions options, ServiceChoices choices, StubTiming timing)
      throws Exception {
    ConversationSettings settings =
        options.settings() != null ? options.settings() : ConversationSettings.defaults();
    SpeechAudio speech = SpeechAudio.create(SpeechEngine.AUTO);
    List<Utterance> utterances = new ArrayList<>();
    byte[] mic = ScriptedMic.compose(script, speech, utterances);
    Script transcript = Script.of(utterances.toArray(Utterance[]::new));
    Path micWav = Files.createTempFile("turntable-scripted-mic", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      SessionRun.Outcome outcome = options.clock() == ReplayClock.VIRTUAL
          ? onVirtualTime(micWav, script, transcript, speech, choices, settings, timing)
          : overTheWire(micWav, script, transcript, choices, settings, timing, options.speed());
      Fixture session = new Fixture(
          Path.of(name(script)), manifest(script, choices, settings), List.of(), List.of(), mic.length);
      return FixtureReplay.judge(session, options, outcome);
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  private static SessionRun.Outcome onVirtualTime(
      Path micWav,
      ConversationScript script,
      Script transcript,
      SpeechAudio speech,
      ServiceChoices choices,
      ConversationSettings settings,
      StubTiming timing) throws Exception {
    VirtualScheduler time = new VirtualScheduler();
    List<String> answers = new ArrayList<>(script.agent());
    VirtualRun.World world = new VirtualRun.World(
        ScriptedDriver.factory(transcript),
        (provider, history) -> {
          String text = answers.isEmpty() ? StubReply.DEFAULT.text() : answers.remove(0);
          StubService service = provider == Providers.Llm.OPENAI ? StubService.OPENAI : StubService.ANTHROPIC;
          return reply(service, GeneratedReply.chat(service, text, timing));
        },
        (provider, text, format) -> {
          StubService service =
              provider == Providers.Tts.ELEVENLABS ? StubService.ELEVENLABS : StubService.CARTESIA;
          return reply(service, GeneratedReply.speech(speech, text, format.sampleRate(), service, timing));
        });
    return VirtualRun.run(micWav, time, world, choices, settings, false);
  }

  private static SessionRun.Outcome overTheWire(
      Path micWav,
      ConversationScript script,
      Script transcript,
      ServiceChoices choices,
      ConversationSettings settings,
      StubTiming timing,
      double speed) throws Exception {
    StubOptions stubs = StubOptions.defaults().withTiming(timing.scale(speed));
    try (MockServices mocks = MockServices.start(ScriptedDriver.factory(transcript), stubs)) {
      mocks.stubs().openAi().replies(script.agent().stream().map(StubReply::text).toList());
      mocks.stubs().anthropic().replies(script.agent().stream().map(StubReply::text).toList());
      return SessionRun.run(
          micWav, mocks.environment(choices.voice()), choices, settings, false, speed, null);
    }
  }

  private static HttpReply reply(StubService service, GeneratedReply generated) {
    return new HttpReply(
        "POST " + service.name().toLowerCase(),
        200,
        generated.contentType(),
        generated.body(),
        generated.fixedDelayMillis(),
        generated.chunks(),
        generated.totalMillis());
  }

  private static FixtureManifest manifest(
      ConversationScript script, ServiceChoices choices, ConversationSettings settings) {
    Environment env = Environment.of(Map.of(), Map.of(
        Providers.ASSEMBLYAI_KEY, MockServices.PLACEHOLDER_KEY,
        Services.STT_URL, "ws://virtual.invalid/v3/ws"));
    return RecordingManifest.of(VERSION, script.description(), script.tags(), choices, settings,
            false, Services.sttOptions(env, choices))
        .withExpected(script.expected());
  }

  private static String name(ConversationScript script) {
    String description = script.description() == null ? "" : script.description();
    String slug = description.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "scripted-conversation" : slug;
  }
}
