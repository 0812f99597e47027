package dev.turntable.harness.cli;

import dev.turntable.agent.VoiceAgent;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.record.SessionRecorder;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  static AgentRecording start(Path dir, AgentOptions options, boolean halfDuplex, Environment env)
      throws IOException {
    if (dir == null) {
      return new AgentRecording(null);
    }
    FixtureManifest manifest = manifest(options, halfDuplex, env);
    return new AgentRecording(
        SessionRecorder.start(dir, manifest, Clock.system(), new Redactor(secrets(env))));
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

  static Set<String> secrets(Environment env) {
    return Providers.SECRET_VARIABLES.stream()
        .map(env::get)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  static FixtureManifest manifest(AgentOptions options, boolean halfDuplex, Environment env) {
    ServiceChoices choices = options.serviceChoices();
    var stt = Services.sttOptions(env, choices);
    var agent =
        new FixtureManifest.Agent(
            choices.preset().name().toLowerCase(),
            FixtureManifest.Policy.from(options.conversationSettings().policy()),
            halfDuplex,
            new FixtureManifest.Llm(choices.llm().name().toLowerCase(), choices.llmModel()),
            new FixtureManifest.Tts(
                choices.tts().name().toLowerCase(), choices.ttsSampleRate(), choices.voice()));
    return FixtureManifest.v1(
        VersionProvider.version(),
        "recorded with turntable agent",
        List.of("recorded"),
        new FixtureManifest.Stt(stt.redactedUrl(), queryParams(stt.connectionUri().getRawQuery())),
        agent);
  }

  /** The connection parameters, decoded; the key is never among them (it goes in a header). */
  static Map<String, Object> queryParams(String rawQuery) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }
}
