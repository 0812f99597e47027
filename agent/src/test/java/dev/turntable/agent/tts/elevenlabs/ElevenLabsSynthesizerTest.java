package dev.turntable.agent.tts.elevenlabs;

import static dev.turntable.agent.http.TestServers.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.http.ChunkedStreamBody;
import dev.turntable.agent.http.EventQueue;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.http.TestServers;
import dev.turntable.agent.tts.TtsEvent;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElevenLabsSynthesizerTest {
  private static final String AUDIO = "audio/mpeg";

  private final EventQueue<TtsEvent> events = new EventQueue<>();
  private final ChunkedStreamBody body = new ChunkedStreamBody();
  private MockWebServer server;
  private OkHttpClient http;
  private ElevenLabsSynthesizer tts;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.startLoopback();
    http = TestServers.client();
    tts = new ElevenLabsSynthesizer(http, new ElevenLabsOptions(TestServers.url(server, ""),
        SECRET_KEY, "voice123", "eleven_test", 22_050));
  }

  @AfterEach
  void stop() {
    body.releaseAll();
    StreamingHttpClients.shutdown(http);
    server.close();
  }

  @Test
  void postsTheTextToTheVoicesStreamEndpointAskingForRawPcm() throws Exception {
    server.enqueue(body.chunk(new byte[] {1, 2}).response(200, AUDIO));

    tts.synthesize("Hello there.", events::add);

    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request to the server").isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/text-to-speech/voice123/stream");
    assertThat(request.getUrl().queryParameter("output_format")).isEqualTo("pcm_22050");
    assertThat(request.getHeaders().get("xi-api-key")).isEqualTo(SECRET_KEY);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    JsonNode json = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(json.path("text").asText()).isEqualTo("Hello there.");
    assertThat(json.path("model_id").asText()).isEqualTo("eleven_test");
    assertThat(tts.format()).isEqualTo(new PcmFormat(22_050));
  }

  @Test
  void deliversWholeFramesAsTheyArriveEvenWhenTheServerSplitsSamples() throws Exception {
    byte[] pcm = ramp(15);
    // Each pause waits for the test to see audio, so the client cannot read ahead and merge.
    server.enqueue(body.chunk(slice(pcm, 0, 3)).pause()
        .chunk(slice(pcm, 3, 9)).pause()
        .chunk(slice(pcm, 9, 10)).pause()
        .chunk(slice(pcm, 10, 15))
        .response(200, AUDIO));
    ByteArrayOutputStream played = new ByteArrayOutputStream();

    tts.synthesize("Hello.", events::add);

    for (int step = 1; step <= 4; step++) {
      byte[] chunk = events.next(TtsEvent.Audio.class, "audio chunk " + step).pcm();
      assertThat(chunk.length % PcmFormat.BYTES_PER_FRAME).as("chunk %d length", step).isZero();
      played.write(chunk);
      body.release();
    }
    events.next(TtsEvent.Completed.class, "completion");
    // The 15th byte is half a sample and is dropped, never played.
    assertThat(played.toByteArray()).isEqualTo(slice(pcm, 0, 14));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "401 | {\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}"
          + " | Invalid API key",
      "422 | {\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\"}]}"
          + " | field required",
      "429 | {\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many\"}}"
          + " | Rate limit",
      "503 | upstream unavailable | retry later"})
  void httpErrorsFailWithAClearMessage(int status, String errorBody, String expected)
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json").body(errorBody).build());

    tts.synthesize("Hello.", events::add);

    String message = events.next(TtsEvent.Failed.class, "failure").message();
    assertThat(message).contains("ElevenLabs", String.valueOf(status), expected);
  }

  @Test
  void keyEchoedByTheServerNeverAppearsInTheMessage() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain")
        .body("key " + SECRET_KEY + " is not valid").build());

    tts.synthesize("Hello.", events::add);

    assertThat(events.next(TtsEvent.Failed.class, "failure").message())
        .contains("is not valid").doesNotContain(SECRET_KEY);
  }

  @Test
  void jsonInsteadOfAudioFails() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type",
        "application/json").body("{\"detail\":{\"message\":\"voice not ready\"}}").build());

    tts.synthesize("Hello.", events::add);

    assertThat(events.next(TtsEvent.Failed.class, "failure").message())
        .contains("instead of audio", "voice not ready");
  }

  @Test
  void cancelMidStreamDeliversNothingMore() throws Exception {
    server.enqueue(body.chunk(ramp(4)).pause().chunk(ramp(400)).response(200, AUDIO));
    CountDownLatch idle = TestServers.whenIdle(http);

    Cancellable call = tts.synthesize("Hello.", events::add);
    events.next(TtsEvent.Audio.class, "first audio");
    call.cancel();
    body.release();

    TestServers.await(idle, "the cancelled call to finish");
    events.assertNoMore();
  }

  private static byte[] ramp(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i + 1);
    }
    return bytes;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }
}
