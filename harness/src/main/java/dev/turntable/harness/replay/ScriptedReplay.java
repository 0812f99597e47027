package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavAudio;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
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

/**
 * Runs a {@link ConversationScript} against the real agent without recording it first: the user's
 * lines become the microphone ({@link ConversationAudio}), the mock server's scripted mode
 * transcribes them as u3-rt-pro would, and the LLM answers with the script's replies, spoken by the
 * TTS stub — with the script's timing, turn detection, policy and faults — on virtual time, or over
 * the wire through the real adapters.
 *
 * <p>The agent's voice is the stubs' speech-length tone on both clocks, and each user line spans
 * what the script says, so no decision depends on whether espeak-ng is installed. STT faults and
 * cut or broken streams need the wire: they are about sockets.
 */
public final class ScriptedReplay {
  private static final String VERSION = "scripted";
  /** The agent's voice: deterministic, the same on every machine. */
  static final SpeechEngine AGENT_VOICE = SpeechEngine.TONE;

  private ScriptedReplay() {}

  public static ReplayResult run(ConversationScript script, ReplayOptions options) throws Exception {
    // HTTP TTS on the wire too: the virtual-time TTS speaks in sentences, and both must agree.
    ServiceChoices choices =
        script.serviceChoices().withTtsTransport(Providers.TtsTransport.HTTP);
    ConversationSettings settings =
        options.settings() != null ? options.settings() : script.conversationSettings();
    StubTiming timing = script.timing().toStubTiming();
    if (options.clock() == ReplayClock.VIRTUAL) {
      requireVirtualCapable(script);
    } else {
      requireWireCapable(script);
    }
    byte[] mic = ConversationAudio.micPcm(script, SpeechAudio.create(SpeechEngine.AUTO));
    Path micWav = Files.createTempFile("turntable-scripted-mic", ".wav");
    try {
      WavFile.write(micWav, new WavAudio(PcmFormat.STT, mic));
      SessionRun.Outcome outcome = options.clock() == ReplayClock.VIRTUAL
          ? onVirtualTime(micWav, script, choices, settings, timing)
          : overTheWire(micWav, script, choices, settings, timing, options.speed());
      Fixture session = new Fixture(
          Path.of(name(script)), manifest(script, choices, settings), List.of(), List.of(), mic.length);
      return FixtureReplay.judge(session, options, outcome);
    } finally {
      Files.deleteIfExists(micWav);
    }
  }

  private static void requireWireCapable(ConversationScript script) {
    if (script.retry() != null) {
      throw new IllegalArgumentException(
          "retrying failed requests is replayed on virtual time only: run this conversation without"
              + " \"over the wire\"");
    }
  }

  private static void requireVirtualCapable(ConversationScript script) {
    if (!script.sttFaults().isEmpty()) {
      throw new IllegalArgumentException(
          "STT faults drop or close a socket: run this conversation over the wire");
    }
    for (ConversationScript.ServiceError error : script.errors()) {
      if (error.status() == null) {
        throw new IllegalArgumentException(
            "the " + error.service() + " fault \"" + error.fault() + "\" breaks a stream on its socket:"
                + " run this conversation over the wire (an HTTP status works on either clock)");
      }
    }
  }

  private static SessionRun.Outcome onVirtualTime(
      Path micWav, ConversationScript script, ServiceChoices choices, ConversationSettings settings, StubTiming timing)
      throws Exception {
    VirtualScheduler time = new VirtualScheduler();
    SpeechAudio voice = SpeechAudio.create(AGENT_VOICE);
    List<String> answers = new ArrayList<>(script.agent());
    int[] requests = new int[2];
    VirtualRun.World world = new VirtualRun.World(
        new ReconnectingScript(script),
        List.of(),
        (provider, history) -> {
          StubService service = provider == Providers.Llm.OPENAI ? StubService.OPENAI : StubService.ANTHROPIC;
          Integer status = failure(script, "llm", ++requests[0]);
          if (status != null) {
            return reply(service, status, GeneratedReply.error(service, status));
          }
          // As the stubs do: one reply per request, the last one repeating.
          String text = answers.size() > 1 ? answers.remove(0) : answers.get(0);
          return reply(service, 200, GeneratedReply.chat(service, text, timing));
        },
        (provider, text, format) -> {
          StubService service =
              provider == Providers.Tts.ELEVENLABS ? StubService.ELEVENLABS : StubService.CARTESIA;
          Integer status = failure(script, "tts", ++requests[1]);
          if (status != null) {
            return reply(service, status, GeneratedReply.error(service, status));
          }
          return reply(service, 200, GeneratedReply.speech(voice, text, format.sampleRate(), service, timing));
        });
    return VirtualRun.run(micWav, time, world, choices, settings, false, script.retry());
  }

  /** The HTTP status the script's errors give the {@code n}th request to {@code service}, if any. */
  private static Integer failure(ConversationScript script, String service, int n) {
    int failing = 0;
    for (ConversationScript.ServiceError error : script.errors()) {
      if (error.service().equals(service)) {
        failing += error.times();
        if (n <= failing) {
          return error.status();
        }
      }
    }
    return null;
  }

  private static SessionRun.Outcome overTheWire(
      Path micWav,
      ConversationScript script,
      ServiceChoices choices,
      ConversationSettings settings,
      StubTiming timing,
      double speed) throws Exception {
    var stt = MockAssemblyAiServer.builder()
        .driver(new ReconnectingScript(script))
        .authMode(AuthMode.acceptAny())
        .faults(script.faults());
    StubOptions stubs = StubOptions.defaults().withTiming(timing.scale(speed)).withSpeech(AGENT_VOICE);
    try (MockServices mocks = MockServices.start(stt, stubs)) {
      script.applyTo(mocks.stubs());
      mocks.stubs().anthropic().replies(script.agent().stream().map(StubReply::text).toList());
      return SessionRun.run(
          micWav, mocks.environment(choices.voice()), choices, settings, false, speed, null);
    }
  }

  private static HttpReply reply(StubService service, int status, GeneratedReply generated) {
    return new HttpReply(
        "POST " + service.name().toLowerCase(),
        status,
        generated.contentType(),
        generated.body(),
        generated.fixedDelayMillis(),
        generated.chunks(),
        generated.totalMillis());
  }

  private static FixtureManifest manifest(
      ConversationScript script, ServiceChoices choices, ConversationSettings settings) {
    return RecordingManifest.of(VERSION, script.description(), script.tags(), choices, settings,
            false, VirtualRun.sttOptions(choices))
        .withExpected(script.expected());
  }

  private static String name(ConversationScript script) {
    String description = script.description() == null ? "" : script.description();
    String slug = description.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "scripted-conversation" : slug;
  }
}
