package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.turntable.agent.stt.SttEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssemblyAiReconnectTest {
  private static final String KEY = "test-key-0123456789";
  private static final ReconnectPolicy QUICK =
      new ReconnectPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

  /** Long enough that a reconnect the adapter wrongly scheduled (10–40 ms) would show up. */
  private static final long NO_RECONNECT_WAIT_MS = 300;

  private LoopbackAssemblyAi server;
  private final RecordingListener events = new RecordingListener();
  private AssemblyAiSpeechToText stt;

  @BeforeEach
  void startServer() throws InterruptedException {
    server = LoopbackAssemblyAi.started();
  }

  @AfterEach
  void stopAll() {
    if (stt != null) {
      stt.close();
    }
    server.close();
  }

  private AssemblyAiOptions.Builder options(URI url) {
    return AssemblyAiOptions.builder(AssemblyAiCredential.apiKey(KEY)).url(url).reconnect(QUICK);
  }

  private LoopbackAssemblyAi.Session connect(AssemblyAiOptions options)
      throws InterruptedException {
    stt = new AssemblyAiSpeechToText(options, new RecordingTap());
    stt.start(events);
    LoopbackAssemblyAi.Session session = server.awaitSession();
    events.next(SttEvent.SessionBegan.class);
    return session;
  }

  @Test
  void aServerInternalErrorIsRetriedWithBackoff() throws InterruptedException {
    LoopbackAssemblyAi.Session first = connect(options(server.url()).build());

    first.socket.close(1011, "Internal error");

    SttEvent.Failure failure = events.next(SttEvent.Failure.class);
    assertThat(failure.code()).isEqualTo(1011);
    assertThat(failure.retrying()).isTrue();
    assertThat(failure.message()).contains("internal error").contains("attempt 1 of 3");
    LoopbackAssemblyAi.Session second = server.awaitSession();
    assertThat(second.headers).containsEntry("Authorization", KEY);
    events.next(SttEvent.SessionBegan.class);
  }

  @Test
  void aDroppedConnectionIsRetriedAndTheAttemptCountResetsAfterBegin() throws InterruptedException {
    LoopbackAssemblyAi.Session first =
        connect(
            options(server.url())
                .reconnect(new ReconnectPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)))
                .build());

    first.socket.closeConnection(1006, "gone");
    assertThat(events.next(SttEvent.Failure.class))
        .extracting(SttEvent.Failure::code, SttEvent.Failure::retrying)
        .containsExactly(1006, true);
    LoopbackAssemblyAi.Session second = server.awaitSession();
    events.next(SttEvent.SessionBegan.class);

    second.socket.closeConnection(1006, "gone again");
    assertThat(events.next(SttEvent.Failure.class).retrying()).isTrue();
    server.awaitSession();
    events.next(SttEvent.SessionBegan.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1008, 3006, 3007, 3008})
  void failuresARetryCannotFixAreNotRetried(int code) throws InterruptedException {
    LoopbackAssemblyAi.Session session = connect(options(server.url()).build());

    session.send("{\"type\":\"Error\",\"error_code\":" + code + ",\"error\":\"Full server text\"}");
    session.socket.close(code, "See Error message for details");

    SttEvent.Failure failure = events.next(SttEvent.Failure.class);
    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.retrying()).isFalse();
    assertThat(failure.message())
        .contains(CloseCodes.describe(code, "See Error message for details"))
        .contains("AssemblyAI said: Full server text");
    assertThat(server.pollSession(NO_RECONNECT_WAIT_MS)).as("a reconnect").isNull();
  }

  @Test
  void anUnauthorizedCloseNamesTheKeyVariableAndTheTokenRule() throws InterruptedException {
    LoopbackAssemblyAi.Session session =
        connect(
            options(server.url())
                .credential(AssemblyAiCredential.temporaryToken("eyJused"))
                .build());

    session.socket.close(1008, "Unauthorized connection");

    SttEvent.Failure failure = events.next(SttEvent.Failure.class);
    assertThat(failure.message())
        .contains("ASSEMBLYAI_API_KEY")
        .contains("single-use")
        .doesNotContain("eyJused");
  }

  @Test
  void connectFailuresAreRetriedThenGivenUp() throws Exception {
    URI closedPort;
    try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = URI.create("ws://127.0.0.1:" + reserved.getLocalPort() + "/v3/ws");
    }
    stt =
        new AssemblyAiSpeechToText(
            options(closedPort)
                .reconnect(new ReconnectPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)))
                .build(),
            new RecordingTap());

    stt.start(events);

    assertThat(events.next(SttEvent.Failure.class))
        .extracting(SttEvent.Failure::code, SttEvent.Failure::retrying)
        .containsExactly(-1, true);
    assertThat(events.next(SttEvent.Failure.class).retrying()).isTrue();
    SttEvent.Failure last = events.next(SttEvent.Failure.class);
    assertThat(last.retrying()).isFalse();
    assertThat(last.message())
        .contains("Could not connect")
        .contains(closedPort.toString())
        .contains("Gave up after 2 reconnect attempt(s)");
  }

  @Test
  void anHttpRejectionOfTheUpgradeIsExplainedAndNotRetried() throws Exception {
    try (MockWebServer http = new MockWebServer()) {
      http.enqueue(
          new MockResponse.Builder().code(401).body("{\"error\":\"Unauthorized\"}").build());
      http.start(InetAddress.getLoopbackAddress(), 0);
      URI url = URI.create("ws://127.0.0.1:" + http.getPort() + "/v3/ws");
      stt = new AssemblyAiSpeechToText(options(url).build(), new RecordingTap());

      stt.start(events);

      SttEvent.Failure failure = events.next(SttEvent.Failure.class);
      assertThat(failure.code()).isEqualTo(401);
      assertThat(failure.retrying()).isFalse();
      assertThat(failure.message()).contains("HTTP 401").contains("ASSEMBLYAI_API_KEY");
      RecordedRequest request = http.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request.getHeaders().get("Authorization")).isEqualTo(KEY);
      assertThat(request.getTarget()).doesNotContain(KEY);
      assertThat(http.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anUnansweredUpgradeIsAbortedAfterTheConnectTimeout() throws Exception {
    // A listening socket that never accepts: TCP connects, the upgrade request gets no answer.
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      URI url = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/v3/ws");
      stt =
          new AssemblyAiSpeechToText(
              options(url)
                  .connectTimeout(Duration.ofMillis(300))
                  .reconnect(ReconnectPolicy.NEVER)
                  .build(),
              new RecordingTap());

      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> stt.start(events), "start() hung");

      SttEvent.Failure failure = events.next(SttEvent.Failure.class);
      assertThat(failure.code()).isEqualTo(-1);
      assertThat(failure.message()).contains("no answer to the WebSocket upgrade within 300 ms");
    }
  }

  @Test
  void closeDuringBackoffCancelsTheReconnect() throws InterruptedException {
    LoopbackAssemblyAi.Session session =
        connect(
            options(server.url())
                .reconnect(new ReconnectPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .build());
    session.socket.close(3005, "Session Cancelled: An error occurred");
    assertThat(events.next(SttEvent.Failure.class).retrying()).isTrue();

    assertTimeoutPreemptively(Duration.ofSeconds(5), stt::close, "close() waited for the backoff");

    assertThat(server.pollSession(NO_RECONNECT_WAIT_MS)).as("a reconnect after close").isNull();
  }
}
