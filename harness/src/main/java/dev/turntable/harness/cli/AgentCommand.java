package dev.turntable.harness.cli;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.aec.EchoCancellation;
import dev.turntable.agent.audio.javasound.AudioDevice;
import dev.turntable.agent.audio.javasound.AudioDevices;
import dev.turntable.agent.audio.javasound.JavaSoundMicrophone;
import dev.turntable.agent.audio.javasound.JavaSoundSpeaker;
import dev.turntable.agent.audio.wav.WavFileSource;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.retry.RetryingChatModel;
import dev.turntable.agent.retry.RetryingStreamSynthesizer;
import dev.turntable.agent.retry.RetryingSynthesizer;
import dev.turntable.agent.time.TimerLoop;
import dev.turntable.agent.tts.SpeechSynthesizer;
import java.util.Optional;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.harness.replay.CapturingSpeaker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Talk to the voice agent: microphone -> AssemblyAI -> LLM -> TTS -> speakers.",
      "Keys come from the environment or ./.env (see .env.example). Ctrl-C ends the session."
    })
final class AgentCommand implements Callable<Integer> {
  private static final long SESSION_CLOSE_TIMEOUT_SECONDS = 5;
  /** After the file, the "microphone" stays open and silent, as a real one would. */
  private static final Duration INPUT_WAV_TRAILING_SILENCE = Duration.ofHours(3);

  @Mixin AgentOptions agent;

  @Option(names = "--input-device", description = "Microphone: index or name from `turntable devices`.")
  String inputDevice;

  @Option(names = "--output-device", description = "Speaker: index or name from `turntable devices`.")
  String outputDevice;

  @Option(names = "--buffer-ms", defaultValue = "100", converter = Converters.PositiveInt.class, description = "Audio line buffer; below 100 ms audio may drop (default: ${DEFAULT-VALUE}).")
  int bufferMs;

  @Option(names = "--half-duplex", description = "Send silence to STT while the agent is audible, so open speakers cannot interrupt it (no barge-in).")
  boolean halfDuplex;

  @Option(names = "--aec", paramLabel = "on|off", converter = AecConverter.class, description = "Acoustic echo cancellation between the microphone and STT (default: on unless the speaker is headphones only; half duplex if it cannot run here).")
  EchoMode.Setting aec;

  @Option(names = {"-v", "--verbose"}, description = "Show every interruption decision with its rule.")
  boolean verbose;

  @Option(names = "--record", paramLabel = "DIR", converter = Converters.NewFolder.class, description = "Record the session as a fixture in DIR.")
  Path record;

  @Option(names = "--input-wav", paramLabel = "FILE", description = "Speak this 16 kHz mono WAV into the agent at real time instead of a microphone (then silence until Ctrl-C).")
  Path inputWav;

  @Option(names = "--no-speaker", description = "Play the agent's voice into no device, at real time (machines without a sound card).")
  boolean noSpeaker;

  /**
   * Counted down once {@link #call()} has closed the recording. The JVM halts as soon as the
   * shutdown hooks end, so on Ctrl-C the hook waits for this, or the fixture could be cut off
   * before its WAV headers are written.
   */
  private final CountDownLatch sessionClosed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    Environment env = Environment.load();
    PrintStream out = System.out;
    OkHttpClient http = StreamingHttpClients.create();
    EchoMode echo = EchoMode.decide(aec, halfDuplex, outputDevice(), EchoMode.Probe.WEBRTC);
    try (AgentRecording recording =
            AgentRecording.start(record, agent, echo.halfDuplex(), echo.cancelEcho(), env);
        TimerLoop retries = new TimerLoop("turntable-retry")) {
      OkHttpClient recorded = recording.wrap(http);
      Services services =
          resilient(
              Services.create(env, agent.serviceChoices(record != null), recorded, recording.sttTap()),
              env,
              recorded,
              retries);
      PcmFormat speakerFormat = services.tts().format();
      AudioSource mic = openMicrophone();
      AudioSink speaker = openSpeaker(speakerFormat);
      if (echo.cancelEcho()) {
        EchoCancellation canceller =
            EchoCancellation.open(PcmFormat.STT, speakerFormat, recording.echoTap(speakerFormat));
        mic = canceller.microphone(mic);
        speaker = canceller.speaker(speaker);
      }
      mic = recording.wrap(mic);
      speaker = recording.wrap(speaker);
      List<AgentEventListener> listeners = new ArrayList<>();
      listeners.add(new ConsolePrinter(out, System.console() != null, verbose));
      recording.listener().ifPresent(listeners::add);
      VoiceAgent voiceAgent =
          new VoiceAgent(
              new VoiceAgent.Parts(mic, speaker, services.stt(), services.llm(), services.tts(), Clock.system()),
              agent.conversationSettings(echo.halfDuplex()),
              echo.halfDuplex(),
              listeners);
      out.println(echo.message());
      Thread shutdown = new Thread(() -> { voiceAgent.close(); awaitSessionClosed(); }, "turntable-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      voiceAgent.start();
      out.println("[listening] speak now; Ctrl-C to stop.");
      voiceAgent.finished().join();
      voiceAgent.close();
      return 0;
    } finally {
      StreamingHttpClients.shutdown(http);
      sessionClosed.countDown();
    }
  }

  /** LLM and TTS that retry, then fall back to the other provider when its key is set. */
  private Services resilient(Services plain, Environment env, OkHttpClient http, TimerLoop loop) {
    var choices = agent.serviceChoices();
    var llmFallback = agent.fallback ? Services.fallbackLlm(env, choices, http) : Optional.<ChatModel>empty();
    var ttsFallback = agent.fallback ? Services.fallbackTts(env, choices, http) : Optional.<SpeechSynthesizer>empty();
    return new Services(
        plain.stt(),
        new RetryingChatModel(plain.llm(), llmFallback, agent.retryPolicy(), loop, Clock.system()),
        // A streaming TTS keeps taking the LLM's tokens as they arrive, through each retry.
        plain.tts() instanceof StreamingSynthesizer streaming
            ? new RetryingStreamSynthesizer(streaming, ttsFallback, agent.retryPolicy(), loop, Clock.system())
            : new RetryingSynthesizer(plain.tts(), ttsFallback, agent.retryPolicy(), loop, Clock.system()));
  }

  private void awaitSessionClosed() {
    try {
      if (!sessionClosed.await(SESSION_CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("turntable agent: the session did not close within "
            + SESSION_CLOSE_TIMEOUT_SECONDS + " s; exiting anyway (a recording may be incomplete)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private AudioSource openMicrophone() throws IOException {
    if (inputWav != null) {
      if (!Files.isRegularFile(inputWav)) {
        throw new UserException(inputWav + ": no such WAV file (--input-wav)");
      }
      return new WavFileSource(inputWav, PcmFormat.STT, 1.0, INPUT_WAV_TRAILING_SILENCE);
    }
    AudioDevices devices = AudioDevices.scan(PcmFormat.STT);
    AudioDevice device = inputDevice == null ? null : devices.selectInput(inputDevice);
    if (device == null && devices.inputs().isEmpty()) {
      throw new UserException("no microphone found.\n" + devices.describe());
    }
    return JavaSoundMicrophone.open(device, PcmFormat.STT, Duration.ofMillis(bufferMs));
  }

  /** The speaker chosen with --output-device, or null for the default (told apart by name only). */
  private AudioDevice outputDevice() throws IOException {
    return outputDevice == null
        ? null
        : AudioDevices.scan(new PcmFormat(agent.ttsSampleRate)).selectOutput(outputDevice);
  }

  private AudioSink openSpeaker(PcmFormat format) throws IOException {
    if (noSpeaker) {
      return new CapturingSpeaker(format, Clock.system(), 1.0);
    }
    AudioDevices devices = AudioDevices.scan(format);
    AudioDevice device = outputDevice == null ? null : devices.selectOutput(outputDevice);
    if (device == null && devices.outputs().isEmpty()) {
      throw new UserException("no speaker found.\n" + devices.describe());
    }
    return JavaSoundSpeaker.open(device, format, Duration.ofMillis(bufferMs));
  }

  static final class AecConverter implements picocli.CommandLine.ITypeConverter<EchoMode.Setting> {
    @Override
    public EchoMode.Setting convert(String value) {
      return EchoMode.Setting.parse(value);
    }
  }
}
