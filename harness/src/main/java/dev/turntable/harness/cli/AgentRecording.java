package dev.turntable.harness.cli;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.aec.EchoTap;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.record.SessionRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * {@code --record DIR}: taps the agent's edges with a {@link SessionRecorder}, or passes them through
 * untouched when no directory was given. Every secret in the environment is redacted.
 */
final class AgentRecording implements AutoCloseable {
  private final SessionRecorder recorder;

  private AgentRecording(SessionRecorder recorder) {
    this.recorder = recorder;
  }

  static AgentRecording start(
      Path dir, AgentOptions options, boolean halfDuplex, boolean echoCancellation, Environment env)
      throws IOException {
    if (dir == null) {
      return new AgentRecording(null);
    }
    FixtureManifest manifest = manifest(options, halfDuplex, echoCancellation, env);
    return new AgentRecording(
        SessionRecorder.start(dir, manifest, Clock.system(), new Redactor(env.secretValues())));
  }

  OkHttpClient wrap(OkHttpClient http) {
    return recorder == null ? http : http.newBuilder().addInterceptor(recorder.httpInterceptor()).build();
  }

  SttWireTap sttTap() {
    return recorder == null ? SttWireTap.NONE : recorder.sttTap();
  }

  AudioSource wrap(AudioSource mic) {
    return recorder == null ? mic : recorder.wrap(mic);
  }

  AudioSink wrap(AudioSink speaker) {
    return recorder == null ? speaker : recorder.wrap(speaker);
  }

  /** Writes mic-raw.wav and echo-reference.wav; does nothing when not recording. */
  EchoTap echoTap(PcmFormat speaker) {
    return recorder == null ? EchoTap.NONE : recorder.echoTap(speaker);
  }

  Optional<AgentEventListener> listener() {
    return Optional.ofNullable(recorder).map(SessionRecorder::agentListener);
  }

  @Override
  public void close() {
    if (recorder != null) {
      recorder.close();
      System.out.println("recorded fixture: " + recorder.dir());
    }
  }


  static FixtureManifest manifest(
      AgentOptions options, boolean halfDuplex, boolean echoCancellation, Environment env) {
    ServiceChoices choices = options.serviceChoices();
    return RecordingManifest.of(
        VersionProvider.version(),
        "recorded with turntable agent",
        List.of("recorded"),
        choices,
        options.conversationSettings(),
        halfDuplex,
        echoCancellation,
        Services.sttOptions(env, choices));
  }
}
