package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiStubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer sk-test-123");
  private static final String REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  private static ServiceStubs stubs;

  @BeforeAll
  static void start() {
    stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT).withSpeech(SpeechEngine.TONE)).start();
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @BeforeEach
  void reset() {
    stubs.reset();
  }

  private String url() {
    return stubs.openAiBaseUrl() + "/chat/completions";
  }

  @Test
  void answersASequenceOfRepliesInOrderThenRepeatsTheLast() throws Exception {
    stubs.openAi().replies(List.of(StubReply.text("First."), StubReply.text("Second.")));

    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      StringBuilder text = new StringBuilder();
      for (JsonNode chunk : chunks(StubHttp.post(url(), AUTH, REQUEST).text())) {
        text.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
      }
      texts.add(text.toString());
    }
    assertThat(texts).containsExactly("First.", "Second.", "Second.");
  }

  @Test
  void streamsDataOnlyEventsEndingInDone() throws Exception {
    stubs.openAi().reply(StubReply.text("Hi there."));

    StubHttp.Reply reply = StubHttp.post(url(), AUTH, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
    assertThat(reply.failure()).isNull();
    String body = reply.text();
    assertThat(body).doesNotContain("event:").endsWith("data: [DONE]\n\n");
    List<String> frames = List.of(body.split("\n\n"));
    assertThat(frames).allSatisfy(frame -> assertThat(frame).startsWith("data: ").doesNotContain("\n"));
    List<JsonNode> chunks = chunks(body);
    assertThat(chunks).hasSize(5); // role, "Hi", " there", ".", stop
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
    assertThat(chunks.get(0).path("choices").get(0).path("delta").path("content").asText()).isEmpty();
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(chunk.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText()).startsWith("chatcmpl-");
      assertThat(chunk.path("created").asLong()).isEqualTo(chunks.get(0).path("created").asLong());
      assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.path("model").asText()).isEqualTo("gpt-4o-mini");
      assertThat(chunk.has("usage")).isFalse();
    });
    assertThat(content(chunks)).isEqualTo("Hi there.");
    JsonNode last = chunks.get(chunks.size() - 1).path("choices").get(0);
    assertThat(last.path("finish_reason").asText()).isEqualTo("stop");
    assertThat(last.path("delta").isEmpty()).isTrue();
    assertThat(chunks.subList(0, 4)).allSatisfy(c ->
        assertThat(c.path("choices").get(0).path("finish_reason").isNull()).isTrue());
  }

  @Test
  void addsUsageChunkWhenAsked() throws Exception {
    stubs.openAi().reply(StubReply.text("Hi there."));
    String request = REQUEST.replace("\"stream\":true", "\"stream\":true,\"stream_options\":{\"include_usage\":true}");

    List<JsonNode> chunks = chunks(StubHttp.post(url(), AUTH, request).text());

    JsonNode usage = chunks.get(chunks.size() - 1);
    assertThat(usage.path("choices").isArray()).isTrue();
    assertThat(usage.path("choices").isEmpty()).isTrue();
    assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    assertThat(usage.path("usage").path("total_tokens").asInt())
        .isEqualTo(usage.path("usage").path("prompt_tokens").asInt() + 3);
    assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.path("usage").isNull()).isTrue());
  }

  @Test
  void answersWholeCompletionWithoutStream() throws Exception {
    stubs.openAi().reply(StubReply.text("Hi there."));

    StubHttp.Reply reply = StubHttp.post(url(), AUTH, REQUEST.replace("\"stream\":true,", ""));

    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JsonNode completion = JSON.readTree(reply.body());
    assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
    assertThat(completion.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hi there.");
    assertThat(completion.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void refusesRequestsWithoutBearerKey() throws Exception {
    StubHttp.Reply missing = StubHttp.post(url(), Map.of(), REQUEST);
    StubHttp.Reply notBearer = StubHttp.post(url(), Map.of("Authorization", "sk-test-123"), REQUEST);

    for (StubHttp.Reply reply : List.of(missing, notBearer)) {
      assertThat(reply.status()).isEqualTo(401);
      JsonNode error = JSON.readTree(reply.body()).path("error");
      assertThat(error.path("message").asText()).isNotBlank();
      assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
      assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
      assertThat(error.has("param")).isTrue();
    }
  }

  @Test
  void refusesBodiesWithoutMessages() throws Exception {
    StubHttp.Reply reply = StubHttp.post(url(), AUTH, "{\"model\":\"gpt-4o-mini\",\"stream\":true}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(JSON.readTree(reply.body()).path("error").path("message").asText()).contains("messages");
  }

  @Test
  void rateLimitFaultCarriesRetryAfterAndOpenAiErrorShape() throws Exception {
    stubs.openAi().fail(HttpFault.status(429));

    StubHttp.Reply reply = StubHttp.post(url(), AUTH, REQUEST);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("1");
    assertThat(JSON.readTree(reply.body()).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void failNextFailsOnceThenRepliesAgain() throws Exception {
    stubs.openAi().reply(StubReply.text("Back again.")).failNext(HttpFault.status(500));

    StubHttp.Reply first = StubHttp.post(url(), AUTH, REQUEST);
    StubHttp.Reply second = StubHttp.post(url(), AUTH, REQUEST);

    assertThat(first.status()).isEqualTo(500);
    assertThat(JSON.readTree(first.body()).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(second.status()).isEqualTo(200);
    assertThat(content(chunks(second.text()))).isEqualTo("Back again.");
  }

  @Test
  void cutStreamEndsWithoutDoneAndWithABrokenConnection() throws Exception {
    stubs.openAi().reply(StubReply.text("One two three four five six seven eight.")).fail(HttpFault.cutMidway());

    StubHttp.Reply reply = StubHttp.post(url(), AUTH, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.failure()).as("reading a cut stream must fail like a dropped connection").isNotNull();
    assertThat(reply.text()).startsWith("data: ").doesNotContain("[DONE]").doesNotContain("\"finish_reason\":\"stop\"");
    assertThat(content(chunks(reply.text()))).isEqualTo("One two three four");
  }

  @Test
  void aNewReplyAlsoChangesTheFaultyOne() throws Exception {
    stubs.openAi().fail(HttpFault.cutMidway()).reply(StubReply.text("Alpha beta gamma delta."));

    assertThat(content(chunks(StubHttp.post(url(), AUTH, REQUEST).text()))).isEqualTo("Alpha beta");
  }

  @Test
  void streamErrorSendsErrorDataEvent() throws Exception {
    stubs.openAi().reply(StubReply.text("One two three four.")).fail(HttpFault.streamError());

    StubHttp.Reply reply = StubHttp.post(url(), AUTH, REQUEST);

    assertThat(reply.failure()).isNull();
    List<JsonNode> chunks = chunks(reply.text());
    assertThat(chunks.get(chunks.size() - 1).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(reply.text()).doesNotContain("[DONE]");
  }

  @Test
  void nonStreamingRequestsMeetFaultsAsWholeAnswers() throws Exception {
    String whole = REQUEST.replace("\"stream\":true,", "");

    stubs.openAi().fail(HttpFault.streamError());
    StubHttp.Reply failed = StubHttp.post(url(), AUTH, whole);
    stubs.openAi().fail(HttpFault.cutMidway());
    StubHttp.Reply cut = StubHttp.post(url(), AUTH, whole);

    assertThat(failed.status()).isEqualTo(500);
    assertThat(JSON.readTree(failed.body()).path("error").path("type").asText()).isEqualTo("server_error");
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.failure()).isNotNull();
    assertThat(cut.text()).startsWith("{\"id\":").doesNotEndWith("}");
  }

  @Test
  void connectionResetFaultGivesNoHttpAnswer() {
    stubs.openAi().fail(HttpFault.connectionReset());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StubHttp.post(url(), AUTH, REQUEST))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void recoverClearsFaults() throws Exception {
    stubs.openAi().fail(HttpFault.status(503)).recover();

    assertThat(StubHttp.post(url(), AUTH, REQUEST).status()).isEqualTo(200);
  }

  static List<JsonNode> chunks(String body) throws Exception {
    List<JsonNode> chunks = new ArrayList<>();
    for (String frame : body.split("\n\n")) {
      String data = frame.substring("data: ".length());
      if (!data.equals("[DONE]") && !frame.isBlank()) {
        chunks.add(JSON.readTree(data));
      }
    }
    return chunks;
  }

  static String content(List<JsonNode> chunks) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : chunks) {
      JsonNode choices = chunk.path("choices");
      if (choices.size() > 0) {
        text.append(choices.get(0).path("delta").path("content").asText(""));
      }
    }
    return text.toString();
  }
}
