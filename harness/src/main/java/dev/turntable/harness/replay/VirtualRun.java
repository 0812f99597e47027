package dev.turntable.harness.replay;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavFileSource;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.retry.RetryingChatModel;
import dev.turntable.agent.retry.RetryingSynthesizer;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.stt.assemblyai.AssemblyAiOptions;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.SessionParameters;
import dev.turntable.harness.mockstt.VirtualSpeechToText;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the real agent once on virtual time: the WAV file is its microphone, paced by the scheduler;
 * STT, LLM and TTS are in-process ports fed from {@link World}; the speaker captures what plays.
 * Everything runs on the calling thread, in time order, so a run is the same every time.
 */
final class VirtualRun {
  /** How long the agent may take to finish a reply after the microphone ended, in session time. */
  static final Duration FINISH_REPLY = Duration.ofSeconds(30);

  /**
   * What the in-process services answer.
   *
   * @param sttReopens how long each recorded STT reconnect took (empty when nothing was recorded)
   */
  record World(
      Supplier<? extends SessionDriver> stt,
      List<Duration> sttReopens,
      VirtualChatModel.Replies llm,
      VirtualSynthesizer.Replies tts) {}

  private VirtualRun() {}

  static SessionRun.Outcome run(
      Path micWav,
      VirtualScheduler time,
      World world,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex) throws IOException {
    return run(micWav, time, world, choices, settings, halfDuplex, null);
  }

  /**
   * @param retry null to make one attempt per request; otherwise the LLM and TTS retry as the live
   *     agent's do, with the other provider (answered from the same {@code world}) as fallback if
   *     it says so
   */
  static SessionRun.Outcome run(
      Path micWav,
      VirtualScheduler time,
      World world,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex,
      ConversationScript.RetrySettings retry) throws IOException {
    PcmFormat ttsFormat = new PcmFormat(choices.ttsSampleRate());
    ChatModel llm = new VirtualChatModel(time, world.llm(), choices.llm());
    SpeechSynthesizer tts = new VirtualSynthesizer(time, world.tts(), choices.tts(), ttsFormat);
    if (retry != null) {
      Optional<ChatModel> otherLlm = retry.withFallback()
          ? Optional.of(new VirtualChatModel(time, world.llm(), other(choices.llm())))
          : Optional.empty();
      Optional<SpeechSynthesizer> otherTts = retry.withFallback()
          ? Optional.of(new VirtualSynthesizer(time, world.tts(), other(choices.tts()), ttsFormat))
          : Optional.empty();
      llm = new RetryingChatModel(llm, otherLlm, retry.policy(), time, time);
      tts = new RetryingSynthesizer(tts, otherTts, retry.policy(), time, time);
    }
    TimelineCollector collector = new TimelineCollector();
    CapturingSpeaker speaker = new CapturingSpeaker(ttsFormat, time);
    WavFileSource mic = new WavFileSource(micWav, WavFileSource.UNPACED);
    VoiceAgent agent =
        VoiceAgent.onVirtualTime(
            new VoiceAgent.Parts(
                mic,
                speaker,
                new VirtualSpeechToText(
                    time, world.stt(), sessionParameters(choices), sttOptions(choices).reconnect(),
                    world.sttReopens()),
                llm,
                tts,
                time),
            settings,
            halfDuplex,
            List.<AgentEventListener>of(collector),
            time);
    collector.audioPosition(agent::audioMsSent);
    String unfinished = null;
    try {
      agent.start();
      long micEnd = time.nanoTime() + mic.duration().toNanos() + FINISH_REPLY.toNanos();
      if (!time.runUntil(() -> agent.finished().isDone(), micEnd)) {
        throw new IllegalStateException("the microphone of " + mic.duration().toMillis()
            + " ms had not ended after it and the time to finish a reply: the agent stopped reading it");
      }
      if (agent.finished().isCompletedExceptionally()) {
        agent.finished().join();
      }
      long deadline = time.nanoTime() + FINISH_REPLY.toNanos();
      if (!time.runUntil(agent::idleOnVirtualTime, deadline)) {
        unfinished = Unjudgeable.replyNeverFinished(FINISH_REPLY);
      }
    } finally {
      agent.close();
    }
    double streamStartMs = agent.streamStartNanos() / 1e6;
    List<CapturingSpeaker.PlayedSpan> played =
        speaker.spans().stream()
            .map(span -> new CapturingSpeaker.PlayedSpan(span.startMs() - streamStartMs, span.pcm()))
            .toList();
    return new SessionRun.Outcome(collector.timeline(), played, speaker.format(), unfinished);
  }

  private static Providers.Llm other(Providers.Llm llm) {
    return llm == Providers.Llm.OPENAI ? Providers.Llm.ANTHROPIC : Providers.Llm.OPENAI;
  }

  private static Providers.Tts other(Providers.Tts tts) {
    return tts == Providers.Tts.ELEVENLABS ? Providers.Tts.CARTESIA : Providers.Tts.ELEVENLABS;
  }

  /** What the agent's AssemblyAI adapter would ask for, as the mock server would parse it. */
  static SessionParameters sessionParameters(ServiceChoices choices) {
    String query = sttOptions(choices).connectionUri().getRawQuery();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(decode(name), decode(value));
    }
    return SessionParameters.parse(parameters);
  }

  /** The AssemblyAI options the agent would connect with, on an address no socket ever opens. */
  static AssemblyAiOptions sttOptions(ServiceChoices choices) {
    Environment env = Environment.of(Map.of(), Map.of(
        Providers.ASSEMBLYAI_KEY, MockServices.PLACEHOLDER_KEY,
        Services.STT_URL, "ws://virtual.invalid/v3/ws"));
    return Services.sttOptions(env, choices);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
