package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");
  private static final Script HELLO = Script.of(new Utterance("Hello there.", 500, 1400));

  @Test
  void closeAtClosesWithTheGivenCodeOnceTheAudioGetsThere() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.CloseAt(1000, 3005, "Session Cancelled"))) {
      TestClient client = open(server);

      assertThat(Timed.stream(client, 0, 900, 100)).extracting(Timed::type)
          .containsExactly("SpeechStarted");
      client.sendAudio(100);
      List<TestClient.Event> events = client.untilClosed();

      assertThat(TestClient.messagesOf(events)).isEmpty();
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3005);
      assertThat(TestClient.closeOf(events).reason()).isEqualTo("Session Cancelled");
      assertThat(server.takeSession(WAIT).audioMs()).isEqualTo(1000);
    }
  }

  @Test
  void errorFrameAtSendsAnErrorAndTheSessionGoesOn() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.ErrorFrameAt(300, 3005, "hiccup"))) {
      TestClient client = open(server);

      List<Timed> released = Timed.stream(client, 0, 400, 100);
      client.sendJson("{\"type\":\"Terminate\"}");

      assertThat(released).extracting(Timed::audioMs).containsExactly(300L);
      JsonNode error = released.get(0).message();
      assertThat(error.get("type").asText()).isEqualTo("Error");
      assertThat(error.get("error_code").asInt()).isEqualTo(3005);
      assertThat(error.get("error").asText()).isEqualTo("hiccup");
      assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(1000);
    }
  }

  @Test
  void errorFrameThenCloseAtTheSamePositionLooksLikeAServerError() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.ErrorFrameAt(200, 3009, "Too many"),
        new Fault.CloseAt(200, 3009, "Too many"))) {
      TestClient client = open(server);

      client.sendAudio(100);
      client.sendAudio(100);
      List<TestClient.Event> events = client.untilClosed();

      assertThat(TestClient.messagesOf(events)).extracting(m -> m.get("error_code").asInt())
          .containsExactly(3009);
      assertThat(TestClient.closeOf(events).code()).isEqualTo(3009);
    }
  }

  @Test
  void dropAtCutsTheConnectionWithoutACloseFrame() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.DropAt(500))) {
      TestClient client = open(server);

      for (int i = 0; i < 5; i++) {
        client.sendAudio(100);
      }
      List<TestClient.Event> events = client.untilClosed();

      assertThat(TestClient.closeOf(events).code()).isEqualTo(1006);
      assertThat(server.takeSession(WAIT).closeCode()).isEqualTo(1006);
    }
  }

  @Test
  void delayHoldsBackEveryOutgoingFrame() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.Delay(Duration.ofMillis(300)))) {
      long start = System.nanoTime();
      TestClient client = TestClient.connect(server.url(), KEY);

      client.nextMessage("Begin");

      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void jitterNeverReordersMessages() throws Exception {
    Script script = Script.of(new Utterance("I want to", 100, 1000),
        new Utterance("Book a table.", 1200, 2200));
    List<String> calm = messagesOf(script);
    List<String> jittery = messagesOf(script, new Fault.Jitter(Duration.ofMillis(40), 7));

    assertThat(jittery).hasSize(calm.size()).isEqualTo(calm);
  }

  @Test
  void stallHoldsEverythingBackThenCatchesUpInOrder() throws Exception {
    try (MockAssemblyAiServer server = serve(new Fault.StallAt(1000, Duration.ofMillis(400)))) {
      TestClient client = open(server);
      List<Timed> before = Timed.stream(client, 0, 1000, 100);
      long stallStart = System.nanoTime();

      List<Timed> during = Timed.stream(client, 1000, 2000, 100);
      List<JsonNode> after = new ArrayList<>();
      after.add(client.nextMessage("Turn"));
      long firstAfterStall = System.nanoTime();
      after.add(client.nextMessage("Turn"));

      assertThat(before).extracting(Timed::type).containsExactly("SpeechStarted");
      assertThat(during).as("nothing is sent while stalled").isEmpty();
      assertThat(after).extracting(m -> m.get("end_of_turn").asBoolean())
          .containsExactly(false, true);
      assertThat(Duration.ofNanos(firstAfterStall - stallStart))
          .isGreaterThanOrEqualTo(Duration.ofMillis(350));
      client.closeBlocking();
      assertThat(server.takeSession(WAIT).audioMs()).isEqualTo(2000);
    }
  }

  @Test
  void faultsRejectImpossibleSettings() {
    assertThatThrownBy(() -> new Fault.CloseAt(0, 1006, "x"))
        .hasMessageContaining("DropAt");
    assertThatThrownBy(() -> new Fault.CloseAt(0, 3005, "x".repeat(124)))
        .hasMessageContaining("123 bytes");
    assertThatThrownBy(() -> new Fault.DropAt(-1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new Fault.Delay(Duration.ZERO)).hasMessageContaining("positive");
  }

  private static List<String> messagesOf(Script script, Fault... faults) throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .driver(ScriptedDriver.factory(script)).fault(faults).start()) {
      TestClient client = open(server);
      for (int i = 0; i < 40; i++) {
        client.sendAudio(100);
      }
      client.sendJson("{\"type\":\"Terminate\"}");
      return TestClient.messagesOf(client.untilClosed()).stream().map(JsonNode::toString)
          .map(m -> m.replaceAll("\"session_duration_seconds\":\\d+", "")).toList();
    }
  }

  private static MockAssemblyAiServer serve(Fault... faults) {
    return MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(HELLO)).fault(faults)
        .start();
  }

  private static TestClient open(MockAssemblyAiServer server) throws Exception {
    TestClient client = TestClient.connect(server.url(), KEY);
    client.nextMessage("Begin");
    return client;
  }
}
