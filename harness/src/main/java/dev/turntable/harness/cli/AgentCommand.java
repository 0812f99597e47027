package dev.turntable.harness.cli;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.javasound.AudioDevice;
import dev.turntable.agent.audio.javasound.AudioDevices;
import dev.turntable.agent.audio.javasound.JavaSoundMicrophone;
import dev.turntable.agent.audio.javasound.JavaSoundSpeaker;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.retry.RetryingChatModel;
import dev.turntable.agent.retry.RetryingSynthesizer;
import dev.turntable.agent.time.TimerLoop;
import dev.turntable.agent.tts.SpeechSynthesizer;
import java.util.Optional;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.io.PrintStream;
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

  @Mixin AgentOptions agent;

  @Option(names = "--input-device", description = "Microphone: index or name from `turntable devices`.")
  String inputDevice;

  @Option(names = "--output-device", description = "Speaker: index or name from `turntable devices`.")
  String outputDevice;

  @Option(names = "--buffer-ms", defaultValue = "100", description = "Audio line buffer; below 100 ms audio may drop (default: ${DEFAULT-VALUE}).")
  int bufferMs;

  @Option(names = "--half-duplex", description = "Send silence to STT while the agent is audible, so open speakers cannot interrupt it (no barge-in).")
  boolean halfDuplex;

  @Option(names = {"-v", "--verbose"}, description = "Show every interruption decision with its rule.")
  boolean verbose;

  @Option(names = "--record", paramLabel = "DIR", description = "Record the session as a fixture in DIR.")
  Path record;

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
    try (AgentRecording recording = AgentRecording.start(record, agent, halfDuplex, env);
        TimerLoop retries = new TimerLoop("turntable-retry")) {
      OkHttpClient recorded = recording.wrap(http);
      Services services =
          resilient(
              Services.create(env, agent.serviceChoices(), recorded, recording.sttTap()),
              env,
              recorded,
              retries);
      AudioSource mic = recording.wrap(openMicrophone());
      AudioSink speaker = recording.wrap(openSpeaker(services.tts().format()));
      List<AgentEventListener> listeners = new ArrayList<>();
      listeners.add(new ConsolePrinter(out, System.console() != null, verbose));
      recording.listener().ifPresent(listeners::add);
      VoiceAgent voiceAgent =
          new VoiceAgent(
              new VoiceAgent.Parts(mic, speaker, services.stt(), services.llm(), services.tts(), Clock.system()),
              agent.conversationSettings(halfDuplex),
              halfDuplex,
              listeners);
      out.println(
          halfDuplex
              ? "Half-duplex: the agent cannot be interrupted while it speaks."
              : "Open speakers? The echo guard drops the agent's own voice; headphones or --half-duplex are surer.");
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
        new RetryingSynthesizer(plain.tts(), ttsFallback, agent.retryPolicy(), loop, Clock.system()));
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
    AudioDevices devices = AudioDevices.scan(PcmFormat.STT);
    AudioDevice device = inputDevice == null ? null : devices.selectInput(inputDevice);
    if (device == null && devices.inputs().isEmpty()) {
      throw new UserException("no microphone found.\n" + devices.describe());
    }
    return JavaSoundMicrophone.open(device, PcmFormat.STT, Duration.ofMillis(bufferMs));
  }

  private AudioSink openSpeaker(PcmFormat format) throws IOException {
    AudioDevices devices = AudioDevices.scan(format);
    AudioDevice device = outputDevice == null ? null : devices.selectOutput(outputDevice);
    if (device == null && devices.outputs().isEmpty()) {
      throw new UserException("no speaker found.\n" + devices.describe());
    }
    return JavaSoundSpeaker.open(device, format, Duration.ofMillis(bufferMs));
  }
}
