package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.harness.mockstt.RecordedSession.CredentialSource;
import dev.turntable.harness.mockstt.TestClient.Closed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandshakeAndAuthTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  @Test
  void sendsBeginAtOnceWithIdExpiryAndConfiguration() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = TestClient.connect(
          URI.create(server.url() + "?speech_model=u3-rt-pro&sample_rate=16000"), KEY);

      JsonNode begin = client.nextMessage("Begin");

      assertThat(UUID.fromString(begin.get("id").asText())).isNotNull();
      assertThat(begin.get("expires_at").isIntegralNumber()).isTrue();
      assertThat(begin.get("expires_at").asLong())
          .isGreaterThan(Instant.now().getEpochSecond());
      assertThat(begin.get("configuration").get("model").asText()).isEqualTo("u3-rt-pro");
      assertThat(begin.get("configuration").get("mode").asText()).isEqualTo("balanced");
      assertThat(begin.get("configuration").get("api_version").asText()).isNotBlank();
      client.closeBlocking();
      assertThat(server.takeSession(WAIT).id()).isEqualTo(begin.get("id").asText());
    }
  }

  @Test
  void urlPointsAtTheStreamingPathOnTheBoundPort() {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.url()).hasToString("ws://127.0.0.1:" + server.port() + "/v3/ws");
    }
  }

  @Test
  void rejectsOtherPathsAtTheHandshakeWith404() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client = new TestClient(
          URI.create("ws://127.0.0.1:" + server.port() + "/v2/realtime/ws"), KEY);

      assertThat(client.connectBlocking(5, java.util.concurrent.TimeUnit.SECONDS)).isFalse();

      List<TestClient.Event> events = client.untilClosed();
      assertThat(TestClient.closeOf(events).reason()).contains("404");
    }
  }

  @Test
  void acceptsAnApiKeyInTheAuthorizationHeaderAndRedactsIt() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .authMode(AuthMode.requireKey("secret-key")).start()) {
      TestClient client = TestClient.connect(server.url(), Map.of("Authorization", "secret-key"));
      client.nextMessage("Begin");
      client.closeBlocking();

      RecordedSession session = server.takeSession(WAIT);
      assertThat(session.credentialSource()).isEqualTo(CredentialSource.AUTHORIZATION_HEADER);
      assertThat(session.headers()).containsEntry("Authorization", "***");
      assertThat(session.toString()).doesNotContain("secret-key");
    }
  }

  @Test
  void acceptsABearerPrefixedToken() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .authMode(AuthMode.requireKey("temp-token")).start()) {
      TestClient client =
          TestClient.connect(server.url(), Map.of("Authorization", "Bearer temp-token"));

      assertThat(client.nextMessage("Begin").has("id")).isTrue();
    }
  }

  @Test
  void acceptsATokenInTheQueryAndRedactsItFromThePath() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .authMode(AuthMode.requireKey("temp-token")).start()) {
      TestClient client = TestClient.connect(
          URI.create(server.url() + "?sample_rate=16000&token=temp-token"), Map.of());
      client.nextMessage("Begin");
      client.closeBlocking();

      RecordedSession session = server.takeSession(WAIT);
      assertThat(session.credentialSource()).isEqualTo(CredentialSource.TOKEN_QUERY_PARAMETER);
      assertThat(session.path()).isEqualTo("/v3/ws?sample_rate=16000&token=***");
      assertThat(session.initialParameters().other()).doesNotContainKey("token");
    }
  }

  @Test
  void rejectsAMissingCredentialWithError1008() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      assertRejected(TestClient.connect(server.url(), Map.of()), "Missing Authorization");
      assertThat(server.takeSession(WAIT).closeCode()).isEqualTo(1008);
    }
  }

  @Test
  void rejectsAWrongKeyWithError1008() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .authMode(AuthMode.requireKey("right-key")).start()) {
      assertRejected(TestClient.connect(server.url(), Map.of("Authorization", "wrong-key")),
          "Invalid API key");
    }
  }

  @Test
  void rejectAllRefusesEvenAValidLookingKey() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .authMode(AuthMode.rejectAll()).start()) {
      assertRejected(TestClient.connect(server.url(), KEY), "Unauthorized");
    }
  }

  @Test
  void requiredKeyIsMaskedInToString() {
    assertThat(AuthMode.requireKey("sk-live-123")).hasToString("RequireKey[key=***]");
  }

  @Test
  void recordsEveryParameterIncludingPythonStyleBooleansAndJsonLists() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      String query = "?sample_rate=8000&encoding=pcm_mulaw&speech_model=u3-rt-pro"
          + "&min_turn_silence=250&max_turn_silence=4000&format_turns=True"
          + "&speaker_labels=false&language_detection=TRUE"
          + "&keyterms_prompt=%5B%22account%20number%22%2C%22Turntable%22%5D"
          + "&prompt=Be+precise&vad_threshold=0.5&inactivity_timeout=30&interruption_delay=300";
      TestClient client = TestClient.connect(URI.create(server.url() + query), KEY);
      client.nextMessage("Begin");
      client.closeBlocking();

      SessionParameters p = server.takeSession(WAIT).initialParameters();
      assertThat(p.sampleRate()).isEqualTo(8000);
      assertThat(p.encoding()).isEqualTo("pcm_mulaw");
      assertThat(p.minTurnSilenceMs()).isEqualTo(250);
      assertThat(p.maxTurnSilenceMs()).isEqualTo(4000);
      assertThat(p.formatTurns()).isTrue();
      assertThat(p.speakerLabels()).isFalse();
      assertThat(p.languageDetection()).isTrue();
      assertThat(p.keytermsPrompt()).containsExactly("account number", "Turntable");
      assertThat(p.prompt()).contains("Be precise");
      assertThat(p.vadThreshold()).isEqualTo(0.5);
      assertThat(p.inactivityTimeout()).contains(Duration.ofSeconds(30));
      assertThat(p.other()).containsEntry("interruption_delay", "300");
    }
  }

  @Test
  void closesWith3006WhenAParameterCannotBeRead() throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder().start()) {
      TestClient client =
          TestClient.connect(URI.create(server.url() + "?sample_rate=fast"), KEY);

      List<TestClient.Event> events = client.untilClosed();

      JsonNode error = TestClient.messagesOf(events).get(0);
      assertThat(error.get("error_code").asInt()).isEqualTo(3006);
      assertThat(error.get("error").asText()).contains("sample_rate");
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3006);
    }
  }

  private static void assertRejected(TestClient client, String because) throws Exception {
    List<TestClient.Event> events = client.untilClosed();
    List<JsonNode> messages = TestClient.messagesOf(events);
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("type").asText()).isEqualTo("Error");
    assertThat(messages.get(0).get("error_code").asInt()).isEqualTo(1008);
    assertThat(messages.get(0).get("error").asText()).contains(because);
    Closed close = TestClient.closeOf(events);
    assertThat(close.code()).isEqualTo(1008);
    assertThat(close.reason()).startsWith("Unauthorized");
  }
}
