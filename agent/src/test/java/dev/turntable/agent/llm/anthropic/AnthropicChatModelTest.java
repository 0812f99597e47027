package dev.turntable.agent.llm.anthropic;

import static dev.turntable.agent.http.TestServers.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.http.ChunkedStreamBody;
import dev.turntable.agent.http.EventQueue;
import dev.turntable.agent.http.StreamingHttpClients;
import dev.turntable.agent.http.TestServers;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.LlmEvent;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest {
  private static final String SSE = "text/event-stream; charset=utf-8";
  private static final List<ChatMessage> HISTORY = List.of(
      ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"), ChatMessage.user("Tell a joke"));
  private static final String MESSAGE_START = event("message_start", "{\"type\":\"message_start\","
      + "\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
      + "\"model\":\"claude-test\",\"stop_reason\":null,\"stop_sequence\":null,"
      + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
  private static final String BLOCK_START = event("content_block_start",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");

  private final EventQueue<LlmEvent> events = new EventQueue<>();
  private final ChunkedStreamBody body = new ChunkedStreamBody();
  private MockWebServer server;
  private OkHttpClient http;
  private AnthropicChatModel model;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.startLoopback();
    http = TestServers.client();
    model = new AnthropicChatModel(http, new AnthropicOptions(TestServers.url(server, "/"),
        SECRET_KEY, "claude-test", "Be brief.", 150));
  }

  @AfterEach
  void stop() {
    body.releaseAll();
    StreamingHttpClients.shutdown(http);
    server.close();
  }

  @Test
  void postsAStreamingMessagesRequestWithATopLevelSystemPrompt() throws Exception {
    server.enqueue(body.chunk(MESSAGE_START + messageStop()).response(200, SSE));

    model.stream(HISTORY, events::add);

    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request to the server").isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(SECRET_KEY);
    assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    JsonNode json = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(json.path("model").asText()).isEqualTo("claude-test");
    assertThat(json.path("max_tokens").asInt()).isEqualTo(150);
    assertThat(json.path("system").asText()).isEqualTo("Be brief.");
    assertThat(json.path("stream").asBoolean()).isTrue();
    assertThat(json.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":"
        + "\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\","
        + "\"content\":\"Tell a joke\"}]");
  }

  @Test
  void deliversTextDeltasInOrderAndIgnoresPingsAndUnknownEvents() throws Exception {
    server.enqueue(body
        .chunk(MESSAGE_START + BLOCK_START)
        .chunk(event("ping", "{\"type\":\"ping\"}"))
        .chunk(textDelta("Why did") + textDelta(" the chicken"))
        .chunk(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}"))
        .chunk(event("brand_new_event", "{\"type\":\"brand_new_event\",\"text\":\"no\"}"))
        .chunk("data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
            + "\"text_delta\",\"text\":\"unnamed, dropped\"}}\n\n")
        .chunk(textDelta("?"))
        .chunk(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"))
        .chunk(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
            + "\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"))
        .chunk(messageStop())
        .response(200, SSE));
    CountDownLatch idle = TestServers.whenIdle(http);

    model.stream(HISTORY, events::add);

    assertThat(events.next("first delta")).isEqualTo(new LlmEvent.TextDelta("Why did"));
    assertThat(events.next("second delta")).isEqualTo(new LlmEvent.TextDelta(" the chicken"));
    assertThat(events.next("third delta")).isEqualTo(new LlmEvent.TextDelta("?"));
    assertThat(events.next("completion")).isEqualTo(new LlmEvent.Completed("max_tokens"));
    TestServers.await(idle, "the call to finish");
    events.assertNoMore();
  }

  @Test
  void httpErrorFailsWithTheProvidersMessageAndNoKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401)
        .setHeader("Content-Type", "application/json")
        .body("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
            + "\"message\":\"invalid x-api-key " + SECRET_KEY + "\"}}")
        .build());

    model.stream(HISTORY, events::add);

    String message = events.next(LlmEvent.Failed.class, "failure").message();
    assertThat(message).contains("Anthropic", "401", "invalid x-api-key", "authentication_error")
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void overloadedStatusSuggestsRetrying() throws Exception {
    server.enqueue(new MockResponse.Builder().code(529)
        .setHeader("Content-Type", "application/json")
        .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"}}")
        .build());

    model.stream(HISTORY, events::add);

    assertThat(events.next(LlmEvent.Failed.class, "failure").message())
        .contains("529", "Overloaded", "retry later");
  }

  @Test
  void errorEventInTheStreamFailsTheReply() throws Exception {
    server.enqueue(body.chunk(MESSAGE_START + BLOCK_START + textDelta("Sure"))
        .chunk(event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"}}"))
        .chunk(textDelta("never seen") + messageStop())
        .response(200, SSE));

    model.stream(HISTORY, events::add);

    assertThat(events.next("delta")).isEqualTo(new LlmEvent.TextDelta("Sure"));
    assertThat(events.next(LlmEvent.Failed.class, "stream error").message())
        .contains("Anthropic", "Overloaded", "overloaded_error");
  }

  @Test
  void streamThatEndsWithoutMessageStopFails() throws Exception {
    server.enqueue(body.chunk(MESSAGE_START + BLOCK_START + textDelta("cut")).response(200, SSE));

    model.stream(HISTORY, events::add);

    assertThat(events.next("delta")).isEqualTo(new LlmEvent.TextDelta("cut"));
    assertThat(events.next(LlmEvent.Failed.class, "premature end").message())
        .contains("ended before event: message_stop");
  }

  @Test
  void cancelMidStreamDeliversNothingMore() throws Exception {
    server.enqueue(body.chunk(MESSAGE_START + BLOCK_START + textDelta("One")).pause()
        .chunk(textDelta("Two") + messageStop()).response(200, SSE));
    CountDownLatch idle = TestServers.whenIdle(http);

    Cancellable call = model.stream(HISTORY, events::add);
    assertThat(events.next("first delta")).isEqualTo(new LlmEvent.TextDelta("One"));
    call.cancel();
    body.release();

    TestServers.await(idle, "the cancelled call to finish");
    events.assertNoMore();
  }

  private static String textDelta(String text) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
  }

  private static String messageStop() {
    return event("message_stop", "{\"type\":\"message_stop\"}");
  }

  private static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }
}
