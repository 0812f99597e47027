package dev.turntable.agent.llm.openai;

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

class OpenAiChatModelTest {
  private static final String SSE = "text/event-stream; charset=utf-8";
  private static final List<ChatMessage> HISTORY = List.of(
      ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"), ChatMessage.user("Tell a joke"));

  private final EventQueue<LlmEvent> events = new EventQueue<>();
  private final ChunkedStreamBody body = new ChunkedStreamBody();
  private MockWebServer server;
  private OkHttpClient http;
  private OpenAiChatModel model;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.startLoopback();
    http = TestServers.client();
    String base = TestServers.url(server, "/v1");
    model = new OpenAiChatModel(http, new OpenAiOptions(base, SECRET_KEY, "gpt-test",
        "Be brief.", 120));
  }

  @AfterEach
  void stop() {
    body.releaseAll();
    StreamingHttpClients.shutdown(http);
    server.close();
  }

  @Test
  void postsAStreamingChatCompletionWithTheSystemPromptFirst() throws Exception {
    server.enqueue(body.chunk(data(delta("ok"))).chunk("data: [DONE]\n\n").response(200, SSE));

    model.stream(HISTORY, events::add);

    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request to the server").isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    JsonNode json = new ObjectMapper().readTree(request.getBody().utf8());
    assertThat(json.path("model").asText()).isEqualTo("gpt-test");
    assertThat(json.path("stream").asBoolean()).isTrue();
    assertThat(json.path("max_completion_tokens").asInt()).isEqualTo(120);
    assertThat(json.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":"
        + "\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\","
        + "\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":\"Tell a joke\"}]");
  }

  @Test
  void deliversDeltasInOrderThenCompletesWithTheFinishReason() throws Exception {
    server.enqueue(body
        .chunk(data("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
            + "\"content\":\"\"},\"finish_reason\":null}]}"))
        .chunk(data(delta("Why did")) + data(delta(" the chicken")))
        .chunk(data(delta("?")))
        .chunk(data("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},"
            + "\"finish_reason\":\"length\"}]}"))
        .chunk(data("{\"id\":\"c1\",\"choices\":[],\"usage\":{\"total_tokens\":11}}"))
        .chunk("data: [DONE]\n\n")
        .response(200, SSE));
    CountDownLatch idle = TestServers.whenIdle(http);

    model.stream(HISTORY, events::add);

    assertThat(events.next("first delta")).isEqualTo(new LlmEvent.TextDelta("Why did"));
    assertThat(events.next("second delta")).isEqualTo(new LlmEvent.TextDelta(" the chicken"));
    assertThat(events.next("third delta")).isEqualTo(new LlmEvent.TextDelta("?"));
    assertThat(events.next("completion")).isEqualTo(new LlmEvent.Completed("length"));
    TestServers.await(idle, "the call to finish");
    events.assertNoMore();
  }

  @Test
  void httpErrorFailsWithTheProvidersMessageAndNoKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET_KEY + ".\","
            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
        .build());

    model.stream(HISTORY, events::add);

    String message = events.next(LlmEvent.Failed.class, "failure").message();
    assertThat(message).contains("OpenAI", "401", "Incorrect API key provided", "API key")
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void errorObjectInTheStreamFailsTheReply() throws Exception {
    server.enqueue(body.chunk(data(delta("Sure")))
        .chunk(data("{\"error\":{\"message\":\"The server had an error while processing\","
            + "\"type\":\"server_error\"}}"))
        .chunk(data(delta("never seen")))
        .response(200, SSE));

    model.stream(HISTORY, events::add);

    assertThat(events.next("delta")).isEqualTo(new LlmEvent.TextDelta("Sure"));
    String message = events.next(LlmEvent.Failed.class, "stream error").message();
    assertThat(message).contains("The server had an error while processing", "server_error");
  }

  @Test
  void streamThatEndsWithoutDoneFails() throws Exception {
    server.enqueue(body.chunk(data(delta("cut"))).response(200, SSE));

    model.stream(HISTORY, events::add);

    assertThat(events.next("delta")).isEqualTo(new LlmEvent.TextDelta("cut"));
    assertThat(events.next(LlmEvent.Failed.class, "premature end").message())
        .contains("ended before data: [DONE]");
  }

  @Test
  void replyThatIsNotAnEventStreamFails() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "text/html").body("<html>proxy login</html>").build());

    model.stream(HISTORY, events::add);

    assertThat(events.next(LlmEvent.Failed.class, "failure").message())
        .contains("text/html", "base URL");
  }

  @Test
  void cancelMidStreamDeliversNothingMore() throws Exception {
    server.enqueue(body.chunk(data(delta("One"))).pause()
        .chunk(data(delta("Two")) + "data: [DONE]\n\n").response(200, SSE));
    CountDownLatch idle = TestServers.whenIdle(http);

    Cancellable call = model.stream(HISTORY, events::add);
    assertThat(events.next("first delta")).isEqualTo(new LlmEvent.TextDelta("One"));
    call.cancel();
    body.release();

    TestServers.await(idle, "the cancelled call to finish");
    events.assertNoMore();
  }

  private static String delta(String text) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
  }

  private static String data(String json) {
    return "data: " + json + "\n\n";
  }
}
