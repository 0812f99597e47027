package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedDriverTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Map<String, String> KEY = Map.of("Authorization", "test-key");

  @Test
  void sentenceEndsItsTurnAfterMinTurnSilenceWithU3Invariants() throws Exception {
    Script script = Script.of(new Utterance("Hello there.", 500, 1400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");

      List<Timed> released = Timed.stream(client, 0, 3000, 50);

      assertThat(released).extracting(Timed::audioMs, Timed::type, Timed::isFinal)
          .containsExactly(
              tuple(600L, "SpeechStarted", false),
              tuple(1250L, "Turn", false),
              tuple(1500L, "Turn", true));
      assertThat(released.get(0).message().get("timestamp").asLong()).isEqualTo(500);
      JsonNode early = released.get(1).message();
      assertPartial(early, "Hello");
      JsonNode last = released.get(2).message();
      assertFinal(last, "Hello there.");
      assertThat(last.get("words")).extracting(w -> w.get("start").asLong(),
          w -> w.get("end").asLong()).containsExactly(tuple(500L, 950L), tuple(950L, 1400L));
      assertWordsArePrefix(early, last);
    }
  }

  @Test
  void unpunctuatedTextGetsAPartialAtMinSilenceAndItsFinalAtMaxSilence() throws Exception {
    Script script = Script.of(new Utterance("I want to", 500, 1400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");

      List<Timed> released = Timed.stream(client, 0, 3000, 50);

      assertThat(released).extracting(Timed::audioMs, Timed::type, Timed::isFinal)
          .containsExactly(
              tuple(600L, "SpeechStarted", false),
              tuple(1250L, "Turn", false),
              tuple(1500L, "Turn", false),
              tuple(2400L, "Turn", true));
      assertPartial(released.get(1).message(), "I want");
      assertPartial(released.get(2).message(), "I want to");
      assertFinal(released.get(3).message(), "I want to");
      assertWordsArePrefix(released.get(2).message(), released.get(3).message());
    }
  }

  @Test
  void turnSilencesFromTheUrlAreHonoured() throws Exception {
    Script script = Script.of(new Utterance("So", 200, 400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "?min_turn_silence=300&max_turn_silence=1500");

      List<Timed> released = Timed.stream(client, 0, 2500, 50);

      assertThat(released).extracting(Timed::audioMs, Timed::type, Timed::isFinal)
          .containsExactly(
              tuple(300L, "SpeechStarted", false),
              tuple(700L, "Turn", false),
              tuple(1900L, "Turn", true));
    }
  }

  @Test
  void updateConfigurationChangesWhenTheFinalComes() throws Exception {
    Script script = Script.of(new Utterance("Hello there.", 500, 1400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");
      client.sendJson("{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":600}");

      List<Timed> released = Timed.stream(client, 0, 3000, 50);

      Timed last = released.get(released.size() - 1);
      assertThat(last.isFinal()).isTrue();
      assertThat(last.audioMs()).isEqualTo(2000);
      client.closeBlocking();
      assertThat(server.takeSession(WAIT).releases()).last()
          .extracting(Release::dueAudioMs, Release::audioMsAtRelease)
          .containsExactly(2000L, 2000L);
    }
  }

  @Test
  void scriptTurnSilencesOverrideTheClientsUntilItUpdatesThem() throws Exception {
    Script script = Script.of(new Utterance("Hello there.", 500, 1400)).withTurnSilences(400, 900);
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "?min_turn_silence=100");

      List<Timed> released = Timed.stream(client, 0, 3000, 50);

      assertThat(released.get(released.size() - 1).audioMs()).isEqualTo(1800);
    }
  }

  @Test
  void forceEndpointEndsTheWaitingTurnAtOnce() throws Exception {
    Script script = Script.of(new Utterance("I want to", 500, 1400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");
      Timed.stream(client, 0, 1600, 50);

      client.sendJson("{\"type\":\"ForceEndpoint\"}");
      List<JsonNode> answer = client.sync();

      assertThat(answer).hasSize(1);
      assertFinal(answer.get(0), "I want to");
      assertThat(Timed.stream(client, 1600, 3000, 50)).as("nothing after the forced final")
          .isEmpty();
    }
  }

  @Test
  void terminateFlushesThePendingTurnThenSendsTermination() throws Exception {
    Script script = Script.of(
        new Utterance("I want to", 500, 1400), new Utterance("Never heard.", 5000, 6000));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");
      Timed.stream(client, 0, 1600, 50);

      client.sendJson("{\"type\":\"Terminate\"}");
      List<TestClient.Event> events = client.untilClosed();

      List<JsonNode> messages = TestClient.messagesOf(events);
      assertThat(messages).extracting(m -> m.get("type").asText())
          .containsExactly("Turn", "Termination");
      assertFinal(messages.get(0), "I want to");
      assertThat(TestClient.closeOf(events).code()).isEqualTo(1000);
    }
  }

  @Test
  void turnsCountUpAndANewUtteranceEndsTheWaitingTurn() throws Exception {
    Script script = Script.of(
        new Utterance("Well", 0, 400), new Utterance("Yes please.", 900, 1500));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");

      List<Timed> released = Timed.stream(client, 0, 2500, 50);

      List<Timed> finals = released.stream().filter(Timed::isFinal).toList();
      assertThat(finals).extracting(t -> t.message().get("turn_order").asInt(), Timed::audioMs)
          .containsExactly(tuple(0, 900L), tuple(1, 1600L));
      assertThat(released).extracting(Timed::type).containsSubsequence(
          "SpeechStarted", "Turn", "Turn", "SpeechStarted", "Turn");
      assertThat(released).filteredOn(t -> t.type().equals("Turn"))
          .allSatisfy(t -> assertThat(t.message().get("turn_order").asInt())
              .isEqualTo(t.message().get("transcript").asText().startsWith("Well") ? 0 : 1));
    }
  }

  @Test
  void languageAndSpeakerFieldsAppearWhenAskedFor() throws Exception {
    Script script = Script.of(new Utterance("Hola.", 100, 500));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "?language_detection=true&speaker_labels=True");

      List<Timed> released = Timed.stream(client, 0, 1000, 100);

      JsonNode last = released.get(released.size() - 1).message();
      assertThat(last.get("language_code").asText()).isEqualTo("en");
      assertThat(last.get("language_confidence").asDouble()).isPositive();
      assertThat(last.get("speaker_label").asText()).isEqualTo("A");
    }
  }

  @Test
  void releasesAreRecordedWithTheirAudioGap() throws Exception {
    Script script = Script.of(new Utterance("Hello there.", 500, 1400));
    try (MockAssemblyAiServer server = serve(script)) {
      TestClient client = open(server, "");
      Timed.stream(client, 0, 2000, 100);
      client.closeBlocking();

      List<Release> releases = server.takeSession(WAIT).releases();
      assertThat(releases).extracting(Release::type, Release::dueAudioMs,
          Release::audioMsAtRelease).containsExactly(
          tuple("SpeechStarted", 600L, 600L), tuple("Turn", 1250L, 1300L),
          tuple("Turn", 1500L, 1500L));
      assertThat(releases).allSatisfy(r -> assertThat(r.latenessNanos()).isNotNegative());
      assertThat(server.releaseStatistics().count()).isEqualTo(3);
      assertThat(server.releaseStatistics().audioGapMaxMs()).isEqualTo(50);
    }
  }

  static void assertPartial(JsonNode turn, String transcript) {
    assertThat(turn.get("type").asText()).isEqualTo("Turn");
    assertThat(turn.get("turn_order").asInt()).isZero();
    assertThat(turn.get("end_of_turn").asBoolean()).isFalse();
    assertThat(turn.get("turn_is_formatted").asBoolean()).isFalse();
    assertThat(turn.get("end_of_turn_confidence").asDouble()).isZero();
    assertThat(turn.get("transcript").asText()).isEqualTo(transcript);
    assertThat(turn.get("utterance").asText()).isEmpty();
    assertThat(turn.get("words")).allSatisfy(w -> assertWord(w, false));
  }

  static void assertFinal(JsonNode turn, String transcript) {
    assertThat(turn.get("type").asText()).isEqualTo("Turn");
    assertThat(turn.get("end_of_turn").asBoolean()).isTrue();
    assertThat(turn.get("turn_is_formatted").asBoolean()).isTrue();
    assertThat(turn.get("end_of_turn_confidence").asDouble()).isEqualTo(1.0);
    assertThat(turn.get("transcript").asText()).isEqualTo(transcript);
    assertThat(turn.get("utterance").asText()).isEqualTo(transcript);
    assertThat(turn.get("words")).isNotEmpty().allSatisfy(w -> assertWord(w, true));
  }

  private static void assertWord(JsonNode word, boolean isFinal) {
    assertThat(word.get("start").isIntegralNumber()).isTrue();
    assertThat(word.get("end").isIntegralNumber()).isTrue();
    assertThat(word.get("end").asLong()).isGreaterThan(word.get("start").asLong());
    assertThat(word.get("text").asText()).isNotBlank();
    assertThat(word.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(word.get("word_is_final").asBoolean()).isEqualTo(isFinal);
  }

  private static void assertWordsArePrefix(JsonNode partial, JsonNode fin) {
    List<String> partialWords = texts(partial);
    assertThat(texts(fin).subList(0, partialWords.size())).isEqualTo(partialWords);
  }

  private static List<String> texts(JsonNode turn) {
    return turn.get("words").findValuesAsText("text");
  }

  private static MockAssemblyAiServer serve(Script script) {
    return MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(script)).start();
  }

  private static TestClient open(MockAssemblyAiServer server, String query) throws Exception {
    TestClient client = TestClient.connect(URI.create(server.url() + query), KEY);
    client.nextMessage("Begin");
    return client;
  }
}
