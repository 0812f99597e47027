package dev.turntable.harness.record;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.fixture.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpExchangeRecorderTest {
  static final List<String> SSE =
      List.of(
          "data: {\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}\n\n",
          "data: {\"choices\":[{\"delta\":{\"content\":\" there\"}}]}\n\n",
          "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
          "data: [DONE]\n\n");
  static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;
  private final ManualClock clock = new ManualClock();
  private final MockWebServer server = new MockWebServer();
  private SessionRecorder recorder;
  private OkHttpClient client;
  private WireMockServer wireMock;

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    recorder =
        SessionRecorder.start(
            temp.resolve("fixture"),
            FixtureManifest.v1("test", "http", List.of(), null, null),
            clock,
            Redactor.none());
    client = new OkHttpClient.Builder().addInterceptor(recorder.httpInterceptor()).build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    recorder.close();
    server.close();
    if (wireMock != null) {
      wireMock.stop();
    }
    RecorderThreads.assertAllStopped();
  }

  @Test
  void recordsAStreamedReplyWithItsTimingWhileTheClientGetsEveryEventAtOnce() throws Exception {
    LockstepBody body = new LockstepBody(SSE, clock, 200, 50);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .body(body)
            .onResponseEnd(
                SocketEffect.ShutdownConnection.INSTANCE) // a body without length ends at EOF
            .build());

    List<String> events = streamEvents(body);
    recorder.close();

    assertThat(events)
        .containsExactly(
            "{\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\" there\"}}]}",
            "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}",
            "[DONE]");
    JsonNode mapping = onlyMapping();
    assertThat(mapping.at("/request/method").asText()).isEqualTo("POST");
    assertThat(mapping.at("/request/urlPath").asText()).isEqualTo("/v1/chat/completions");
    assertThat(mapping.at("/request/headers").isMissingNode()).isTrue();
    assertThat(mapping.at("/scenarioName").asText()).isEqualTo("POST /v1/chat/completions");
    assertThat(mapping.at("/requiredScenarioState").asText()).isEqualTo("Started");
    assertThat(mapping.at("/newScenarioState").asText()).isEqualTo("call 2");
    // Recorded: first byte at 200 ms, then a piece every 50 ms. WireMock sleeps one interval
    // before each of its 4 chunks, so 150 + 50 = 200 ms for the first and 350 ms for the last.
    assertThat(mapping.at("/response/fixedDelayMilliseconds").asInt()).isEqualTo(150);
    assertThat(mapping.at("/response/chunkedDribbleDelay/numberOfChunks").asInt()).isEqualTo(4);
    assertThat(mapping.at("/response/chunkedDribbleDelay/totalDuration").asInt()).isEqualTo(200);
    assertThat(mapping.at("/metadata/turntable/firstByteMs").asDouble()).isEqualTo(200.0);
    assertThat(mapping.at("/metadata/turntable/lastByteMs").asDouble()).isEqualTo(350.0);
    assertThat(mapping.at("/metadata/turntable/complete").asBoolean()).isTrue();
    assertThat(mapping.at("/metadata/turntable/requestBody/model").asText())
        .isEqualTo("gpt-4o-mini");

    assertThat(replay("/v1/chat/completions")).isEqualTo(body.whole());
    assertThat(FixtureReader.read(recorder.dir()).httpDir()).isPresent();
  }

  @Test
  void repeatedCallsToOneEndpointReplayInOrder() throws Exception {
    for (String reply : List.of("first", "second")) {
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "application/json")
              .body("{\"reply\":\"" + reply + "\"}")
              .build());
      try (Response response =
          client.newCall(post(server.url("/v1/messages").toString())).execute()) {
        assertThat(response.body().string()).contains(reply);
      }
    }
    recorder.close();

    assertThat(replay("/v1/messages")).isEqualTo("{\"reply\":\"first\"}");
    assertThat(replay("/v1/messages")).isEqualTo("{\"reply\":\"second\"}");
    try (Response third =
        new OkHttpClient().newCall(post(wireMock.baseUrl() + "/v1/messages")).execute()) {
      assertThat(third.code()).as("no third recorded call").isEqualTo(404);
    }
  }

  @Test
  void aStreamTheClientAbandonsIsRecordedAsFarAsItWasRead() throws Exception {
    LockstepBody body = new LockstepBody(SSE, clock, 120, 30, 1);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/event-stream")
            .body(body)
            .build());

    try (Response response =
        client.newCall(post(server.url("/v1/chat/completions").toString())).execute()) {
      assertThat(response.body().source().readUtf8Line()).isEqualTo(SSE.get(0).strip());
      body.clientReceived();
    }
    recorder.close();

    JsonNode mapping = onlyMapping();
    assertThat(mapping.at("/metadata/turntable/complete").asBoolean()).isFalse();
    assertThat(mapping.at("/response/fixedDelayMilliseconds").asInt()).isEqualTo(120);
    assertThat(
            Files.readString(
                recorder.dir().resolve("http/__files/001-post-v1-chat-completions.sse")))
        .isEqualTo(SSE.get(0));
  }

  private List<String> streamEvents(LockstepBody body) throws InterruptedException {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    CountDownLatch closed = new CountDownLatch(1);
    BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
    EventSource source =
        EventSources.createFactory(client)
            .newEventSource(
                post(server.url("/v1/chat/completions").toString()),
                new EventSourceListener() {
                  @Override
                  public void onEvent(EventSource s, String id, String type, String data) {
                    events.add(data);
                    body.clientReceived();
                  }

                  @Override
                  public void onClosed(EventSource s) {
                    closed.countDown();
                  }

                  @Override
                  public void onFailure(EventSource s, Throwable t, Response response) {
                    failures.add(t == null ? new AssertionError("HTTP " + response.code()) : t);
                    closed.countDown();
                  }
                });
    if (!closed.await(10, TimeUnit.SECONDS)) {
      source.cancel();
      throw new AssertionError("timed out waiting for the event stream to end; got " + events);
    }
    assertThat(failures).isEmpty();
    return List.copyOf(events);
  }

  private JsonNode onlyMapping() throws IOException {
    try (Stream<Path> files = Files.list(recorder.dir().resolve("http/mappings"))) {
      List<Path> mappings = files.toList();
      assertThat(mappings).hasSize(1);
      return MAPPER.readTree(mappings.get(0).toFile());
    }
  }

  /** Replays the recorded mappings with WireMock, as the harness does, and returns one body. */
  private String replay(String path) throws IOException {
    if (wireMock == null) {
      wireMock =
          new WireMockServer(
              options()
                  .bindAddress("127.0.0.1")
                  .dynamicPort()
                  .usingFilesUnderDirectory(recorder.dir().resolve("http").toString()));
      wireMock.start();
    }
    try (Response response =
        new OkHttpClient().newCall(post(wireMock.baseUrl() + path)).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  static Request post(String url) {
    return new Request.Builder()
        .url(url)
        .post(RequestBody.create("{\"model\":\"gpt-4o-mini\",\"stream\":true}", JSON))
        .build();
  }
}
