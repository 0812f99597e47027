package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProtocolValidationTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  @ParameterizedTest
  @ValueSource(longs = {10, 2000})
  void closesWith3007WhenAFrameIsOutside50To1000Ms(long frameMs) throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      client.sendAudio(frameMs);
      List<TestClient.Event> events = client.untilClosed();

      JsonNode error = TestClient.messagesOf(events).get(0);
      assertThat(error.get("type").asText()).isEqualTo("Error");
      assertThat(error.get("error_code").asInt()).isEqualTo(3007);
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3007);
      assertThat(TestClient.closeOf(events).reason().getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(123);
    }
  }

  @Test
  void acceptsFramesOfExactly50And1000Ms() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      assertThat(client.sendAudioAndSync(50)).isEmpty();
      assertThat(client.sendAudioAndSync(1000)).isEmpty();
      client.closeBlocking();

      RecordedSession session = server.takeSession(WAIT);
      assertThat(session.audioMs()).isEqualTo(1050);
      assertThat(session.audioFrames()).isEqualTo(2);
      assertThat(session.closeCode()).isEqualTo(1000);
    }
  }

  @Test
  void countsMulawAudioAtOneBytePerSample() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(
          URI.create(server.url() + "?encoding=pcm_mulaw&sample_rate=8000"), KEY);
      client.nextMessage("Begin");

      client.send(ByteBuffer.wrap(new byte[800])); // 100 ms at 8 kHz, 1 byte a sample
      client.sync();
      client.closeBlocking();

      assertThat(server.takeSession(WAIT).audioMs()).isEqualTo(100);
    }
  }

  @Test
  void strictPacingClosesWith3007WhenAudioRunsAheadOfRealTime() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .strictPacing(Duration.ofMillis(500)).start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      // 1 s of audio at once breaks the 500 ms tolerance with its first frame. Nothing is sent
      // after it: a frame still in flight when the server closes could reset the connection
      // (1006) before the client reads the close frame.
      client.sendAudio(1000);
      List<TestClient.Event> events = client.untilClosed();

      JsonNode error = TestClient.messagesOf(events).get(0);
      assertThat(error.get("error_code").asInt()).isEqualTo(3007);
      assertThat(error.get("error").asText()).contains("faster than real time");
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3007);
    }
  }

  @Test
  void withoutStrictPacingFastAudioIsAccepted() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      for (int i = 0; i < 4; i++) {
        client.sendAudio(1000);
      }
      client.sync();
      client.sendJson("{\"type\":\"Terminate\"}");

      assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(1000);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[]", "\"Terminate\"", "42", "{}",
      "{\"type\":\"Transcribe\"}"})
  void closesWith3006OnAnInvalidMessage(String message) throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      client.sendJson(message);
      List<TestClient.Event> events = client.untilClosed();

      JsonNode error = TestClient.messagesOf(events).get(0);
      assertThat(error.get("type").asText()).isEqualTo("Error");
      assertThat(error.get("error_code").asInt()).isEqualTo(3006);
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3006);
      assertThat(server.takeSession(WAIT).clientMessages()).containsExactly(message);
    }
  }

  @Test
  void terminateSendsTerminationWithWholeSecondsThenCloses1000() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");
      for (int i = 0; i < 3; i++) {
        client.sendAudio(1000);
      }

      client.sendJson("{\"type\":\"Terminate\"}");
      List<TestClient.Event> events = client.untilClosed();

      JsonNode termination = TestClient.messagesOf(events).get(0);
      assertThat(termination.get("type").asText()).isEqualTo("Termination");
      assertThat(termination.get("audio_duration_seconds").isIntegralNumber()).isTrue();
      assertThat(termination.get("audio_duration_seconds").asLong()).isEqualTo(3);
      assertThat(termination.get("session_duration_seconds").isIntegralNumber()).isTrue();
      assertThat(TestClient.closeOf(events).code()).isEqualTo(1000);
      assertThat(TestClient.closeOf(events).remote()).isTrue();
    }
  }

  @Test
  void keepAliveAndUpdateConfigurationAreAcceptedAndApplied() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      client.sendJson("{\"type\":\"KeepAlive\"}");
      client.sendJson("{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":300,"
          + "\"max_turn_silence\":null,\"keyterms_prompt\":[\"Turntable\"],\"prompt\":\"Hi\"}");
      assertThat(client.sync()).isEmpty();
      client.sendJson("{\"type\":\"Terminate\"}");
      client.untilClosed();

      RecordedSession session = server.takeSession(WAIT);
      assertThat(session.finalParameters().minTurnSilenceMs()).isEqualTo(300);
      assertThat(session.finalParameters().maxTurnSilenceMs()).isEqualTo(1000);
      assertThat(session.finalParameters().keytermsPrompt()).containsExactly("Turntable");
      assertThat(session.finalParameters().prompt()).contains("Hi");
      assertThat(session.initialParameters().minTurnSilenceMs()).isEqualTo(100);
    }
  }

  @Test
  void inactivityTimeoutClosesWith3005WhenNoAudioArrives() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client =
          TestClient.connect(URI.create(server.url() + "?inactivity_timeout=0.3"), KEY);
      client.nextMessage("Begin");

      List<TestClient.Event> events = client.untilClosed();

      JsonNode error = TestClient.messagesOf(events).get(0);
      assertThat(error.get("error_code").asInt()).isEqualTo(3005);
      assertThat(error.get("error").asText()).contains("inactive");
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3005);
    }
  }

  @Test
  void keepAliveHoldsOffTheInactivityTimeout() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client =
          TestClient.connect(URI.create(server.url() + "?inactivity_timeout=0.4"), KEY);
      long start = System.nanoTime();
      client.nextMessage("Begin");

      // A KeepAlive every 100 ms for 1 s, more than twice the timeout: nothing may arrive.
      while (System.nanoTime() - start < 1_000_000_000L) {
        client.sendJson("{\"type\":\"KeepAlive\"}");
        client.expectNothingFor(Duration.ofMillis(100));
      }
      client.sendJson("{\"type\":\"Terminate\"}");

      assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(1000);
    }
  }

  @Test
  void maxSessionDurationExpiresTheSessionWith3008() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .maxSessionDuration(Duration.ofMillis(300)).start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      List<TestClient.Event> events = client.untilClosed();

      assertThat(TestClient.messagesOf(events).get(0).get("error_code").asInt()).isEqualTo(3008);
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3008);
    }
  }

  @Test
  void longErrorTextsPointTheCloseReasonAtTheErrorFrame() {
    String longText = "x".repeat(200);
    assertThat(ServerMessages.closeReason(longText)).isEqualTo("See Error message for details");
    assertThat(ServerMessages.closeReason("short")).isEqualTo("short");
  }
}
