package dev.turntable.agent.tts.cartesia;

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
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartesiaSynthesizerTest {
  private static final String RAW = "application/octet-stream";
  private static final String VOICE = "a0e99841-438c-4a64-b679-ae501e7d6091";

  private final EventQueue<TtsEvent> events = new EventQueue<>();
  private final ChunkedStreamBody body = new ChunkedStreamBody();
  private MockWebServer server;
  private OkHttpClient http;
  private CartesiaSynthesizer tts;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.startLoopback();
    http = TestServers.client();
    tts = new CartesiaSynthesizer(http, new CartesiaOptions(TestServers.url(server, "/"),
        SECRET_KEY, "2024-11-13", "sonic-test", VOICE, 24_000));
  }

  @AfterEach
  void stop() {
    body.releaseAll();
    StreamingHttpClients.shutdown(http);
    server.close();
  }

  @Test
  void postsTheTranscriptAskingForRawPcmWithBothAuthHeaders() throws Exception {
    server.enqueue(body.chunk(new byte[] {1, 2}).response(200, RAW));

    tts.synthesize("Hello there.", events::add);

    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request to the server").isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/tts/bytes");
    assertThat(request.getHeaders().get("Cartesia-Version")).isEqualTo("2024-11-13");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(request.getHeaders().get("X-API-Key")).isEqualTo(SECRET_KEY);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    JsonNode json = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(json.path("model_id").asText()).isEqualTo("sonic-test");
    assertThat(json.path("transcript").asText()).isEqualTo("Hello there.");
    assertThat(json.path("voice").toString())
        .isEqualTo("{\"mode\":\"id\",\"id\":\"" + VOICE + "\"}");
    assertThat(json.path("output_format").toString()).isEqualTo(
        "{\"container\":\"raw\",\"encoding\":\"pcm_s16le\",\"sample_rate\":24000}");
    assertThat(json.path("language").asText()).isEqualTo("en");
    assertThat(tts.format()).isEqualTo(new PcmFormat(24_000));
  }

  @Test
  void deliversWholeFramesAsTheyArriveThenCompletes() throws Exception {
    byte[] pcm = new byte[12];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (byte) (100 + i);
    }
    server.enqueue(body.chunk(Arrays.copyOfRange(pcm, 0, 5)).pause()
        .chunk(Arrays.copyOfRange(pcm, 5, 12)).response(200, RAW));
    ByteArrayOutputStream played = new ByteArrayOutputStream();

    tts.synthesize("Hello.", events::add);

    byte[] first = events.next(TtsEvent.Audio.class, "first audio chunk").pcm();
    assertThat(first).hasSize(4);
    played.write(first);
    body.release();
    byte[] second = events.next(TtsEvent.Audio.class, "second audio chunk").pcm();
    assertThat(second).hasSize(8);
    played.write(second);
    events.next(TtsEvent.Completed.class, "completion");
    assertThat(played.toByteArray()).isEqualTo(pcm);
  }

  @Test
  void httpErrorFailsWithTheProvidersMessageAndNoKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type",
        "application/json").body("{\"error\":\"Invalid API key " + SECRET_KEY + "\"}").build());

    tts.synthesize("Hello.", events::add);

    assertThat(events.next(TtsEvent.Failed.class, "failure").message())
        .contains("Cartesia", "401", "Invalid API key", "Check the API key")
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void brokenConnectionFailsWithTheEndpointNamed() throws Exception {
    // Promises 1000 bytes, sends 14, then hangs up.
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", RAW)
        .body("only a little.").setHeader("Content-Length", "1000")
        .onResponseEnd(new SocketEffect.CloseSocket()).build());

    tts.synthesize("Hello.", events::add);

    TtsEvent event = events.next("audio or failure");
    while (event instanceof TtsEvent.Audio) {
      event = events.next("failure");
    }
    assertThat(event).isInstanceOf(TtsEvent.Failed.class);
    assertThat(((TtsEvent.Failed) event).message()).contains("Cartesia request to http://127.0.0.1:",
        "/tts/bytes failed");
  }

  @Test
  void cancelMidStreamDeliversNothingMore() throws Exception {
    server.enqueue(body.chunk(new byte[64]).pause().chunk(new byte[640]).response(200, RAW));
    CountDownLatch idle = TestServers.whenIdle(http);

    Cancellable call = tts.synthesize("Hello.", events::add);
    events.next(TtsEvent.Audio.class, "first audio");
    call.cancel();
    body.release();

    TestServers.await(idle, "the cancelled call to finish");
    events.assertNoMore();
  }
}
