package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ElevenLabsStubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> KEY = Map.of("xi-api-key", "xi-test-key");
  private static final String TEXT = "Hello there, how are you?";
  private static final String REQUEST = "{\"text\":\"" + TEXT + "\",\"model_id\":\"eleven_flash_v2_5\"}";
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

  private String streamUrl(String format) {
    return stubs.elevenLabsBaseUrl() + "/v1/text-to-speech/voice123/stream?output_format=" + format;
  }

  @ParameterizedTest
  @ValueSource(ints = {16_000, 22_050, 24_000, 44_100})
  void streamsRawPcmAtTheRequestedRate(int rate) throws Exception {
    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_" + rate), KEY, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.failure()).isNull();
    assertThat(reply.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(reply.body().length % 2).isZero();
    double seconds = reply.body().length / (2.0 * rate);
    assertThat(seconds).isCloseTo(TEXT.length() * 0.065, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void servesTheWholeFileWithoutStream() throws Exception {
    StubHttp.Reply reply =
        StubHttp.post(stubs.elevenLabsBaseUrl() + "/v1/text-to-speech/voice123?output_format=pcm_16000", KEY, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().length).isEqualTo(StubHttp.post(streamUrl("pcm_16000"), KEY, REQUEST).body().length);
  }

  @Test
  void speaksTheReplyTextInsteadOfTheRequestWhenSet() throws Exception {
    stubs.elevenLabs().reply(StubReply.text("Hi."));

    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_16000"), KEY, REQUEST);

    assertThat(reply.body().length).isEqualTo(3 * 65 * 16 * 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mp3_44100_7", "pcm_12345", "ulaw_16000", "wav"})
  void refusesFormatsTheServiceDoesNotHave(String format) throws Exception {
    StubHttp.Reply reply = StubHttp.post(streamUrl(format), KEY, REQUEST);

    assertThat(reply.status()).isEqualTo(422);
    JsonNode detail = JSON.readTree(reply.body()).path("detail");
    assertThat(detail.isArray()).isTrue();
    assertThat(detail.get(0).path("loc").toString()).contains("output_format");
    assertThat(detail.get(0).path("msg").asText()).contains(format).contains("mp3_44100_128");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ulaw_8000", "alaw_8000"})
  void streamsTelephonyFormatsAtOneBytePerSample(String format) throws Exception {
    StubHttp.Reply reply = StubHttp.post(streamUrl(format), KEY, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().length).isEqualTo(TEXT.length() * 65 * 8);
  }

  @Test
  void servesTheDefaultMp3WhenNoFormatIsGiven() throws Exception {
    Encoders.requireMp3();
    StubHttp.Reply reply =
        StubHttp.post(stubs.elevenLabsBaseUrl() + "/v1/text-to-speech/voice123/stream", KEY, REQUEST);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("audio/mpeg");
    Encoders.assertMp3(reply.body(), 44_100, 128_000, TEXT.length() * 0.065);
  }

  @Test
  void streamsMp3AtTheRequestedRateAndBitRate() throws Exception {
    Encoders.requireMp3();
    StubHttp.Reply reply = StubHttp.post(streamUrl("mp3_22050_32"), KEY, REQUEST);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Transfer-Encoding")).isEqualTo("chunked");
    Encoders.assertMp3(reply.body(), 22_050, 32_000, TEXT.length() * 0.065);
  }

  @Test
  void refusesRequestsWithoutKey() throws Exception {
    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_16000"), Map.of(), REQUEST);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(JSON.readTree(reply.body()).path("detail").path("status").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void refusesBodiesWithoutText() throws Exception {
    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_16000"), KEY, "{\"model_id\":\"x\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.text()).contains("text");
  }

  @Test
  void cutStreamDeliversAnEvenPrefixThenBreaks() throws Exception {
    stubs.elevenLabs().fail(HttpFault.cutMidway());

    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_16000"), KEY, REQUEST);

    assertThat(reply.failure()).isNotNull();
    int whole = TEXT.length() * 65 * 16 * 2;
    assertThat(reply.body().length).isEven().isBetween(whole / 2 - 2, whole / 2);
  }

  @Test
  void rateLimitFaultUsesDetailShape() throws Exception {
    stubs.elevenLabs().fail(HttpFault.status(429));

    StubHttp.Reply reply = StubHttp.post(streamUrl("pcm_16000"), KEY, REQUEST);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("1");
    assertThat(JSON.readTree(reply.body()).path("detail").path("message").asText()).isNotBlank();
  }
}
