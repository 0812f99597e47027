package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayDriverTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  /** A recorded session: Begin, two audio frames, four transcript messages, Termination. */
  private static final List<String> RECORDING = List.of(
      "{\"t_ms\":40.5,\"audio_ms\":0,\"dir\":\"out\",\"type\":\"Begin\","
          + "\"json\":{\"type\":\"Begin\",\"id\":\"recorded-id\",\"expires_at\":1}}",
      "{\"t_ms\":100.0,\"audio_ms\":100,\"dir\":\"in\",\"type\":\"Audio\",\"bytes\":3200}",
      "{\"t_ms\":700.2,\"audio_ms\":650,\"dir\":\"out\",\"type\":\"SpeechStarted\","
          + "\"json\":{\"type\":\"SpeechStarted\",\"timestamp\":560,\"confidence\":0.9}}",
      "",
      "{\"t_ms\":1260.0,\"audio_ms\":1250,\"dir\":\"out\",\"type\":\"Turn\","
          + "\"json\":" + turn("My name", false) + "}",
      "{\"t_ms\":1262.0,\"audio_ms\":1250,\"dir\":\"out\",\"type\":\"Turn\","
          + "\"json\":" + turn("My name is", false) + "}",
      "{\"t_ms\":1300.0,\"audio_ms\":1300,\"dir\":\"in\",\"type\":\"ForceEndpoint\","
          + "\"json\":{\"type\":\"ForceEndpoint\"}}",
      "{\"t_ms\":2110.0,\"audio_ms\":2100,\"dir\":\"out\",\"type\":\"Turn\","
          + "\"json\":" + turn("My name is Sonny.", true) + "}",
      "{\"t_ms\":2400.0,\"audio_ms\":2300,\"dir\":\"out\",\"type\":\"Termination\","
          + "\"json\":{\"type\":\"Termination\",\"audio_duration_seconds\":99,"
          + "\"session_duration_seconds\":99}}");

  @Test
  void releasesEachMessageOnceTheAudioReachesItsPositionInOrder(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("stt.jsonl");
    Files.write(file, RECORDING);
    try (MockAssemblyAiServer server = serve(SttRecording.load(file))) {
      TestClient client = TestClient.connect(server.url(), KEY);
      JsonNode begin = client.nextMessage("Begin");

      List<Timed> released = Timed.stream(client, 0, 2500, 100);

      assertThat(begin.get("id").asText()).isNotEqualTo("recorded-id");
      assertThat(released).extracting(Timed::audioMs, Timed::type,
          t -> t.message().path("transcript").asText())
          .containsExactly(
              tuple(700L, "SpeechStarted", ""),
              tuple(1300L, "Turn", "My name"),
              tuple(1300L, "Turn", "My name is"),
              tuple(2100L, "Turn", "My name is Sonny."));
      client.closeBlocking();
      List<Release> releases = server.takeSession(WAIT).releases();
      assertThat(releases).extracting(Release::dueAudioMs, Release::audioMsAtRelease)
          .containsExactly(tuple(650L, 700L), tuple(1250L, 1300L), tuple(1250L, 1300L),
              tuple(2100L, 2100L));
    }
  }

  @Test
  void terminateFlushesWhatTheAudioNeverReachedThenSendsALiveTermination() throws Exception {
    try (MockAssemblyAiServer server = serve(SttRecording.parse("stt.jsonl", RECORDING))) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");
      Timed.stream(client, 0, 1000, 100);

      client.sendJson("{\"type\":\"Terminate\"}");
      List<TestClient.Event> events = client.untilClosed();

      List<JsonNode> messages = TestClient.messagesOf(events);
      assertThat(messages).extracting(m -> m.path("transcript").asText())
          .containsExactly("My name", "My name is", "My name is Sonny.", "");
      JsonNode termination = messages.get(3);
      assertThat(termination.get("type").asText()).isEqualTo("Termination");
      assertThat(termination.get("audio_duration_seconds").asLong()).isEqualTo(1);
      assertThat(TestClient.closeOf(events).code()).isEqualTo(1000);
    }
  }

  @Test
  void canAlsoHonourTheRecordedWallClockGaps() throws Exception {
    List<String> lines = List.of(
        "{\"t_ms\":100,\"audio_ms\":100,\"dir\":\"out\",\"type\":\"Turn\",\"json\":"
            + turn("One", false) + "}",
        "{\"t_ms\":700,\"audio_ms\":200,\"dir\":\"out\",\"type\":\"Turn\",\"json\":"
            + turn("One two.", true) + "}");
    SttRecording recording = SttRecording.parse("gaps.jsonl", lines);
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .driver(ReplayDriver.factory(recording, new ReplayDriver.Options(true, 2.0))).start()) {
      TestClient client = TestClient.connect(server.url(), KEY);
      client.nextMessage("Begin");

      client.sendAudio(100);
      client.nextMessage("Turn");
      long firstNanos = System.nanoTime();
      client.sendAudio(100);
      assertThat(client.sync()).as("the second waits for its wall-clock gap").isEmpty();
      JsonNode second = client.nextMessage("Turn");

      assertThat(second.get("end_of_turn").asBoolean()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - firstNanos))
          .as("the recorded 600 ms gap at 2x speed").isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void recordingKeepsClientMessagesForComparison() {
    SttRecording recording = SttRecording.parse("stt.jsonl", RECORDING);

    assertThat(recording.clientMessages()).extracting(SttRecording.Frame::type)
        .containsExactly("ForceEndpoint");
    assertThat(recording.replayedMessages()).hasSize(4);
    assertThat(recording.frames()).hasSize(8);
  }

  @Test
  void badLinesAreReportedWithFileAndLine() {
    assertThatThrownBy(() -> SttRecording.parse("fixtures/a/stt.jsonl",
        List.of(RECORDING.get(0), "{not json")))
        .hasMessageStartingWith("fixtures/a/stt.jsonl:2: not JSON");
    assertThatThrownBy(() -> SttRecording.parse("stt.jsonl", List.of(
        "{\"t_ms\":1,\"audio_ms\":0,\"dir\":\"sideways\",\"type\":\"Turn\",\"json\":{}}")))
        .hasMessage("stt.jsonl:1: \"dir\" must be \"in\" or \"out\", was \"sideways\"");
    assertThatThrownBy(() -> SttRecording.parse("stt.jsonl", List.of(
        "{\"t_ms\":1,\"audio_ms\":0,\"dir\":\"out\",\"type\":\"Turn\"}")))
        .hasMessageContaining("stt.jsonl:1: a Turn frame needs its message in \"json\"");
    assertThatThrownBy(() -> SttRecording.parse("stt.jsonl", List.of(
        "{\"t_ms\":1,\"audio_ms\":2.5,\"dir\":\"in\",\"type\":\"Audio\"}")))
        .hasMessageContaining("audio_ms");
  }

  private static MockAssemblyAiServer serve(SttRecording recording) {
    return MockAssemblyAiServer.builder().driver(ReplayDriver.factory(recording)).start();
  }

  private static String turn(String transcript, boolean last) {
    return "{\"type\":\"Turn\",\"turn_order\":0,\"turn_is_formatted\":" + last
        + ",\"end_of_turn\":" + last + ",\"transcript\":\"" + transcript
        + "\",\"utterance\":\"" + (last ? transcript : "") + "\",\"end_of_turn_confidence\":"
        + (last ? 1 : 0) + ",\"words\":[]}";
  }
}
