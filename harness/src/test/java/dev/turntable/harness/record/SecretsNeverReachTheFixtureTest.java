package dev.turntable.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.fixture.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records through every tap with known fake credentials, then searches every byte written. */
class SecretsNeverReachTheFixtureTest {
  static final String ASSEMBLYAI_KEY = "aai-fake-key-0f9e8d7c6b5a";
  static final String STT_TOKEN = "eyJfake.temp-token.9a8b7c";
  static final String OPENAI_KEY = "sk-fake-openai-1234567890";
  static final String ANTHROPIC_KEY = "sk-ant-fake-abcdefghij";
  static final String ELEVENLABS_KEY = "xi-fake-key-5566778899";
  static final String COOKIE = "session-fake-cookie-424242";
  static final List<String> SECRETS =
      List.of(ASSEMBLYAI_KEY, STT_TOKEN, OPENAI_KEY, ANTHROPIC_KEY, ELEVENLABS_KEY, COOKIE);

  @TempDir Path temp;

  @Test
  void noFileInTheFixtureContainsAnyCredential() throws Exception {
    Path dir = temp.resolve("secret-session");
    Redactor redactor = new Redactor(Set.copyOf(SECRETS));
    FixtureManifest manifest =
        FixtureManifest.v1(
            "test",
            "user reads out " + OPENAI_KEY,
            List.of(),
            new FixtureManifest.Stt(
                "wss://streaming.assemblyai.com/v3/ws?speech_model=u3-rt-pro&token=" + STT_TOKEN,
                Map.of("speech_model", "u3-rt-pro", "token", STT_TOKEN, "sample_rate", 16000)),
            null);
    SessionRecorder recorder = SessionRecorder.start(dir, manifest, new ManualClock(), redactor);

    try (MockWebServer server = new MockWebServer()) {
      server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      recordStt(recorder.sttTap());
      recordHttp(recorder, server);
      recordAudio(recorder);
      recorder
          .agentListener()
          .onEvent(new AgentEvent.AgentError(1_000, "llm", "401 for key " + OPENAI_KEY));
      recorder.updateManifest(manifest.withDescription("again " + ANTHROPIC_KEY));
      recorder.close();
    }

    List<Path> files = allFiles(dir);
    assertThat(files)
        .extracting(p -> dir.relativize(p).toString())
        .contains("fixture.json", "stt.jsonl", "agent.jsonl", "mic.wav", "speaker.wav")
        .anyMatch(name -> name.startsWith("http/mappings/"))
        .anyMatch(name -> name.startsWith("http/__files/"));
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : SECRETS) {
        assertThat(content)
            .as("%s must not contain %s", dir.relativize(file), secret)
            .doesNotContain(secret);
      }
    }
    assertThat(Files.readString(dir.resolve("stt.jsonl")))
        .as("the token parameter is dropped, not masked")
        .contains("\"url\":\"wss://streaming.assemblyai.com/v3/ws?speech_model=u3-rt-pro\"");
    assertThat(FixtureReader.read(dir).manifest().stt().params())
        .containsEntry("speech_model", "u3-rt-pro")
        .doesNotContainKey("token");
  }

  private static void recordStt(SttWireTap tap) {
    tap.connected("wss://streaming.assemblyai.com/v3/ws?speech_model=u3-rt-pro&token=" + STT_TOKEN);
    tap.sentText(
        "{\"type\":\"UpdateConfiguration\",\"prompt\":\"my key is " + ASSEMBLYAI_KEY + "\"}");
    tap.sentAudio(new byte[1600]);
    tap.received(
        "{\"type\":\"Error\",\"error_code\":1008,\"error\":\"bad token " + STT_TOKEN + "\"}");
    tap.received("not json, mentions " + ASSEMBLYAI_KEY);
    tap.closed(1008, "Unauthorized " + STT_TOKEN, true);
  }

  private static void recordHttp(SessionRecorder recorder, MockWebServer server)
      throws IOException, InterruptedException {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .setHeader("Set-Cookie", "s=" + COOKIE)
            .setHeader("x-echo-key", OPENAI_KEY)
            .body("data: {\"error\":\"invalid key " + OPENAI_KEY + "\"}\n\n")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "audio/pcm")
            .body("pcm-bytes-then-" + ELEVENLABS_KEY)
            .build());
    OkHttpClient client =
        new OkHttpClient.Builder().addInterceptor(recorder.httpInterceptor()).build();
    Request llm =
        new Request.Builder()
            .url(
                server.url("/v1/chat/completions?token=" + STT_TOKEN + "&api_key=" + ANTHROPIC_KEY))
            .header("Authorization", "Bearer " + OPENAI_KEY)
            .header("x-api-key", ANTHROPIC_KEY)
            .header("Cookie", "s=" + COOKIE)
            .header("anthropic-version", "2023-06-01")
            .post(
                RequestBody.create(
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"" + OPENAI_KEY + "\"}]}",
                    MediaType.get("application/json")))
            .build();
    Request tts =
        new Request.Builder()
            .url(server.url("/v1/text-to-speech/voice-1/stream?xi_api_key=" + ELEVENLABS_KEY))
            .header("xi-api-key", ELEVENLABS_KEY)
            .header("X-API-Key", ELEVENLABS_KEY)
            .post(RequestBody.create("{\"text\":\"hi\"}", MediaType.get("application/json")))
            .build();
    for (Request request : List.of(llm, tts)) {
      try (Response response = client.newCall(request).execute()) {
        response.body().string();
      }
    }
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("Authorization"))
        .as("the live request keeps its credentials")
        .isEqualTo("Bearer " + OPENAI_KEY);
  }

  private static void recordAudio(SessionRecorder recorder) throws IOException {
    AudioSource mic = recorder.wrap(new FakeMicrophone(new byte[1600]));
    mic.read(new byte[1600]); // the 1600 bytes recordStt sent
    FakeSpeaker device = new FakeSpeaker(new PcmFormat(24_000));
    AudioSink speaker = recorder.wrap(device);
    speaker.setListener(e -> {});
    speaker.play(new byte[480]);
    device.playFrames(240);
  }

  private static List<Path> allFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
  }
}
