package dev.turntable.harness.replay;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.aec.EchoCancellation;
import dev.turntable.agent.audio.aec.EchoTap;
import dev.turntable.agent.audio.wav.WavFileSource;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.ScaledClock;
import dev.turntable.harness.check.PlayedAudio;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.record.SessionRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;

/**
 * Runs the real agent once, with a WAV file as its microphone and a {@link CapturingSpeaker}, against
 * whatever {@code env} points at, {@code speed} times faster than real time: the file is paced, the
 * agent's clock and the speaker run at that speed. Optionally records the run as a fixture (the
 * recorder keeps its own clock, which must run at the same speed).
 */
public final class SessionRun {
  /** What happened: every agent event with its audio position, and what the speaker played. */
  /**
   * @param unfinished why the session cannot be judged (a reply that never finished), or null
   */
  public record Outcome(
      Timeline timeline,
      List<CapturingSpeaker.PlayedSpan> played,
      PcmFormat speakerFormat,
      String unfinished) {
    /** The played audio on the session's time axis, for the measures. */
    public PlayedAudio playedAudio() {
      return new PlayedAudio(played.stream()
          .map(s -> new PlayedAudio.Span(s.startMs(), s.endMs(speakerFormat)))
          .toList());
    }
  }

  /** How long to let the agent finish a reply after the microphone ended, in session time. */
  private static final Duration FINISH_REPLY = Duration.ofSeconds(30);

  private SessionRun() {}

  public static Outcome run(
      Path micWav,
      Environment env,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex,
      double speed,
      SessionRecorder recorder)
      throws IOException, InterruptedException, TimeoutException {
    return run(micWav, env, choices, settings, halfDuplex, false, speed, recorder);
  }

  /**
   * @param echoCancellation put the echo canceller between the file and STT, fed with what the
   *     replayed agent hands its speaker (for a fixture recorded without it)
   */
  public static Outcome run(
      Path micWav,
      Environment env,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex,
      boolean echoCancellation,
      double speed,
      SessionRecorder recorder)
      throws IOException, InterruptedException, TimeoutException {
    OkHttpClient http = StreamingHttpClients.create();
    if (recorder != null) {
      http = http.newBuilder().addInterceptor(recorder.httpInterceptor()).build();
    }
    TimelineCollector collector = new TimelineCollector();
    List<AgentEventListener> listeners = new ArrayList<>(List.of(collector));
    SttWireTap tap = SttWireTap.NONE;
    if (recorder != null) {
      listeners.add(recorder.agentListener());
      tap = recorder.sttTap();
    }
    Services services = Services.create(env, choices, http, tap);
    WavFileSource file = new WavFileSource(micWav, speed);
    // Wire only: real sockets keep real time, so this path reads the system clock (scaled).
    ScaledClock clock = new ScaledClock(Clock.system(), speed);
    CapturingSpeaker capture = new CapturingSpeaker(services.tts().format(), clock, speed);
    AudioSource mic = file;
    AudioSink speaker = capture;
    if (echoCancellation) {
      EchoTap echoTap = recorder == null ? EchoTap.NONE : recorder.echoTap(capture.format());
      EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, capture.format(), echoTap);
      mic = aec.microphone(mic);
      speaker = aec.speaker(speaker);
    }
    mic = recorder == null ? mic : recorder.wrap(mic);
    speaker = recorder == null ? speaker : recorder.wrap(speaker);
    VoiceAgent agent =
        new VoiceAgent(
            new VoiceAgent.Parts(mic, speaker, services.stt(), services.llm(), services.tts(), clock),
            settings,
            halfDuplex,
            listeners);
    collector.audioPosition(agent::audioMsSent);
    String unfinished = null;
    try {
      agent.start();
      long realLimitMs = (long) (file.duration().toMillis() / speed) + 30_000;
      try {
        agent.finished().get(realLimitMs, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("the microphone file failed: " + e.getCause().getMessage(), e);
      }
      if (!agent.awaitIdle(Duration.ofMillis((long) (FINISH_REPLY.toMillis() / speed) + 1_000))) {
        unfinished = Unjudgeable.replyNeverFinished(FINISH_REPLY);
      }
    } finally {
      agent.close();
      StreamingHttpClients.shutdown(http);
    }
    // The speaker counts from its clock's zero; agent events count from the start of the stream.
    double streamStartMs = agent.streamStartNanos() / 1e6;
    List<CapturingSpeaker.PlayedSpan> played =
        capture.spans().stream()
            .map(span -> new CapturingSpeaker.PlayedSpan(span.startMs() - streamStartMs, span.pcm()))
            .toList();
    return new Outcome(collector.timeline(), played, capture.format(), unfinished);
  }
}
