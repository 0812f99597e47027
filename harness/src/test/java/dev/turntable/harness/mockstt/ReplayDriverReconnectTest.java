package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recording of a client that reconnected: the first connection is closed where the recorded one
 * was, as it was (1006: no close frame; another code: in a close frame), and the next connection
 * is served the second connection's messages, timed on its own audio.
 */
class ReplayDriverReconnectTest {
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  /**
   * Connection 1: "And what" at 300 ms, then the drop at 800 ms. Connection 2 opens when 800 ms had
   * been sent in all: its final Turn is due 500 ms into its own audio.
   */
  static List<String> recording(int code) {
    return List.of(
        "{\"t_ms\":0,\"audio_ms\":0,\"dir\":\"in\",\"type\":\"Connect\",\"url\":\"ws://x/v3/ws\"}",
        "{\"t_ms\":40,\"audio_ms\":0,\"dir\":\"out\",\"type\":\"Begin\","
            + "\"json\":{\"type\":\"Begin\",\"id\":\"first\",\"expires_at\":1}}",
        "{\"t_ms\":300,\"audio_ms\":300,\"dir\":\"out\",\"type\":\"Turn\",\"json\":"
            + turn(1, "And what", false) + "}",
        "{\"t_ms\":801,\"audio_ms\":800,\"dir\":\"out\",\"type\":\"Close\",\"code\":" + code
            + ",\"reason\":\"\",\"remote\":true}",
        "{\"t_ms\":1100,\"audio_ms\":800,\"dir\":\"in\",\"type\":\"Connect\",\"url\":\"ws://x/v3/ws\"}",
        "{\"t_ms\":1101,\"audio_ms\":800,\"dir\":\"out\",\"type\":\"Begin\","
            + "\"json\":{\"type\":\"Begin\",\"id\":\"second\",\"expires_at\":1}}",
        "{\"t_ms\":1600,\"audio_ms\":1300,\"dir\":\"out\",\"type\":\"Turn\",\"json\":"
            + turn(0, "Hello?", true) + "}",
        "{\"t_ms\":2000,\"audio_ms\":1700,\"dir\":\"in\",\"type\":\"Terminate\","
            + "\"json\":{\"type\":\"Terminate\"}}",
        "{\"t_ms\":2001,\"audio_ms\":1700,\"dir\":\"out\",\"type\":\"Termination\",\"json\":"
            + "{\"type\":\"Termination\",\"audio_duration_seconds\":1,\"session_duration_seconds\":1}}",
        "{\"t_ms\":2002,\"audio_ms\":1700,\"dir\":\"out\",\"type\":\"Close\",\"code\":1000,"
            + "\"reason\":\"\",\"remote\":true}");
  }

  @Test
  void splitsTheRecordingIntoItsConnectionsAtTheReconnect() {
    SttRecording recording = SttRecording.parse("stt.jsonl", recording(1006));

    assertThat(recording.connections()).hasSize(2);
    SttRecording.Connection first = recording.connections().get(0);
    SttRecording.Connection second = recording.connections().get(1);
    assertThat(first.startAudioMs()).isZero();
    assertThat(first.messages()).extracting(first::dueAudioMs).containsExactly(300L);
    assertThat(first.disconnect()).contains(new SttRecording.Disconnect(4, 800, 1006, "", 299));
    assertThat(second.startAudioMs()).isEqualTo(800);
    assertThat(second.messages()).extracting(second::dueAudioMs).containsExactly(500L);
    assertThat(second.disconnect()).as("the session's own end is made live").isEmpty();
  }

  @Test
  void aRecordingOfOneConnectionIsOneConnectionWithoutADisconnect() {
    SttRecording recording = SttRecording.parse("stt.jsonl", List.of(
        "{\"t_ms\":0,\"audio_ms\":0,\"dir\":\"in\",\"type\":\"Connect\",\"url\":\"ws://x/v3/ws\"}",
        "{\"t_ms\":300,\"audio_ms\":300,\"dir\":\"out\",\"type\":\"Turn\",\"json\":"
            + turn(0, "Hi.", true) + "}",
        "{\"t_ms\":900,\"audio_ms\":800,\"dir\":\"out\",\"type\":\"Close\",\"code\":1000,"
            + "\"reason\":\"\",\"remote\":true}"));

    assertThat(recording.connections()).singleElement()
        .satisfies(c -> assertThat(c.disconnect()).isEmpty())
        .satisfies(c -> assertThat(c.messages()).hasSize(1));
  }

  @Test
  void dropsTheFirstConnectionAtTheRecordedAudioThenServesTheSecondOnItsOwnAudio()
      throws Exception {
    try (MockAssemblyAiServer server = serve(recording(1006))) {
      TestClient first = TestClient.connect(server.url(), KEY);
      first.nextMessage("Begin");
      List<Timed> beforeDrop = Timed.stream(first, 0, 700, 100);
      first.sendAudio(100);
      List<TestClient.Event> end = first.untilClosed();

      assertThat(beforeDrop).extracting(Timed::audioMs, t -> t.message().path("transcript").asText())
          .containsExactly(tuple(300L, "And what"));
      assertThat(TestClient.messagesOf(end)).as("nothing after the drop").isEmpty();
      assertThat(TestClient.closeOf(end).code()).as("dropped without a close frame").isEqualTo(1006);

      TestClient second = TestClient.connect(server.url(), KEY);
      second.nextMessage("Begin");
      List<Timed> afterReconnect = Timed.stream(second, 0, 600, 100);

      assertThat(afterReconnect)
          .extracting(Timed::audioMs, t -> t.message().path("transcript").asText())
          .containsExactly(tuple(500L, "Hello?"));
    }
  }

  @Test
  void aRecordedErrorCloseIsSentInACloseFrameWithItsCode() throws Exception {
    try (MockAssemblyAiServer server = serve(recording(1011))) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");
      Timed.stream(client, 0, 700, 100);
      client.sendAudio(100);

      TestClient.Closed closed = TestClient.closeOf(client.untilClosed());

      assertThat(closed.code()).isEqualTo(1011);
      assertThat(closed.remote()).isTrue();
    }
  }

  @Test
  void aClientAfterTheLastConnectionIsServedFromTheFirstAgain() throws Exception {
    try (MockAssemblyAiServer server = serve(recording(1006))) {
      for (int connection = 0; connection < 2; connection++) {
        TestClient client = TestClient.connect(server.url(), KEY);
        client.nextMessage("Begin");
        Timed.stream(client, 0, 100, 100);
        client.closeBlocking();
      }
      TestClient third = TestClient.connect(server.url(), KEY);
      third.nextMessage("Begin");

      assertThat(Timed.stream(third, 0, 300, 100))
          .extracting(t -> t.message().path("transcript").asText())
          .containsExactly("And what");
    }
  }

  private static MockAssemblyAiServer serve(List<String> lines) {
    return MockAssemblyAiServer.builder()
        .driver(ReplayDriver.factory(SttRecording.parse("stt.jsonl", lines)))
        .start();
  }

  static String turn(int order, String transcript, boolean last) {
    return "{\"type\":\"Turn\",\"turn_order\":" + order + ",\"turn_is_formatted\":" + last
        + ",\"end_of_turn\":" + last + ",\"transcript\":\"" + transcript
        + "\",\"utterance\":\"" + (last ? transcript : "") + "\",\"end_of_turn_confidence\":"
        + (last ? 1 : 0) + ",\"words\":[{\"start\":100,\"end\":250,\"text\":\"" + transcript
        + "\",\"confidence\":0.9,\"word_is_final\":true}]}";
  }
}
