package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartesiaStubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "Good morning.";
  private static ServiceStubs stubs;

  @BeforeAll
  static void start() {
    stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT).withSpeech(SpeechEngine.TONE)).start();
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @BeforeEach
  void reset() {
    stubs.reset();
  }

  private static String request(String container, String encoding, int rate) {
    return "{\"model_id\":\"sonic-2\",\"transcript\":\"" + TEXT + "\",\"voice\":{\"mode\":\"id\",\"id\":\"v-1\"},"
        + "\"output_format\":{\"container\":\"" + container + "\",\"encoding\":\"" + encoding
        + "\",\"sample_rate\":" + rate + "},\"language\":\"en\"}";
  }

  private StubHttp.Reply post(Map<String, String> headers, String body) throws Exception {
    return StubHttp.post(stubs.cartesiaBaseUrl() + "/tts/bytes", headers, body);
  }

  @Test
  void acceptsXApiKeyAndBearerAuth() throws Exception {
    StubHttp.Reply xApiKey =
        post(Map.of("Cartesia-Version", "2024-11-13", "X-API-Key", "ck"), request("raw", "pcm_s16le", 24_000));
    StubHttp.Reply bearer =
        post(Map.of("Cartesia-Version", "2025-04-16", "Authorization", "Bearer ck"), request("raw", "pcm_s16le", 24_000));

    assertThat(xApiKey.status()).isEqualTo(200);
    assertThat(bearer.status()).isEqualTo(200);
    assertThat(xApiKey.body()).isEqualTo(bearer.body());
    assertThat(xApiKey.body().length).isEqualTo(TEXT.length() * 65 * 24 * 2);
  }

  @Test
  void refusesMissingVersion() throws Exception {
    StubHttp.Reply reply = post(Map.of("X-API-Key", "ck"), request("raw", "pcm_s16le", 16_000));

    assertThat(reply.status()).isEqualTo(400);
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.path("message").asText()).contains("Cartesia-Version");
    assertThat(body.has("title")).isTrue();
    assertThat(body.has("request_id")).isTrue();
  }

  @Test
  void refusesMissingKey() throws Exception {
    StubHttp.Reply reply = post(Map.of("Cartesia-Version", "2025-04-16"), request("raw", "pcm_s16le", 16_000));

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void refusesContainersEncodingsAndRatesTheServiceDoesNotHave() throws Exception {
    Map<String, String> headers = Map.of("Cartesia-Version", "2025-04-16", "X-API-Key", "ck");

    StubHttp.Reply flac = post(headers, request("flac", "pcm_s16le", 16_000));
    assertThat(flac.status()).isEqualTo(400);
    assertThat(JSON.readTree(flac.body()).path("message").asText()).contains("raw, wav or mp3");
    assertThat(post(headers, request("raw", "pcm_s24le", 16_000)).status()).isEqualTo(400);
    StubHttp.Reply badRate = post(headers, request("raw", "pcm_s16le", 12_345));
    assertThat(badRate.status()).isEqualTo(400);
    assertThat(JSON.readTree(badRate.body()).path("message").asText()).contains("sample_rate");
  }

  @Test
  void servesWavThatJavaSoundReads() throws Exception {
    Map<String, String> headers = Map.of("Cartesia-Version", "2025-04-16", "X-API-Key", "ck");

    StubHttp.Reply reply = post(headers, request("wav", "pcm_s16le", 16_000));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("audio/wav");
    try (var wav = javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(reply.body()))) {
      assertThat(wav.getFormat().getSampleRate()).isEqualTo(16_000f);
      assertThat(wav.getFrameLength()).isEqualTo(TEXT.length() * 65 * 16L);
    }
  }

  @Test
  void servesFloatAndCompandedPcmRaw() throws Exception {
    Map<String, String> headers = Map.of("Cartesia-Version", "2025-04-16", "X-API-Key", "ck");
    int samples = TEXT.length() * 65 * 8;

    assertThat(post(headers, request("raw", "pcm_f32le", 8_000)).body()).hasSize(samples * 4);
    assertThat(post(headers, request("raw", "pcm_mulaw", 8_000)).body()).hasSize(samples);
    assertThat(post(headers, request("raw", "pcm_alaw", 8_000)).body()).hasSize(samples);
  }

  @Test
  void servesMp3() throws Exception {
    Encoders.requireMp3();
    Map<String, String> headers = Map.of("Cartesia-Version", "2025-04-16", "X-API-Key", "ck");
    String body = "{\"model_id\":\"sonic-2\",\"transcript\":\"" + TEXT + "\",\"voice\":{\"mode\":\"id\",\"id\":\"v-1\"},"
        + "\"output_format\":{\"container\":\"mp3\",\"sample_rate\":44100,\"bit_rate\":64000}}";

    StubHttp.Reply reply = post(headers, body);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("audio/mpeg");
    Encoders.assertMp3(reply.body(), 44_100, 64_000, TEXT.length() * 0.065);
  }
}
