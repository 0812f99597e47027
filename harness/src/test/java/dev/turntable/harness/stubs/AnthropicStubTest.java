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

class AnthropicStubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HEADERS =
      Map.of("x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01");
  private static final String REQUEST =
      "{\"model\":\"claude-x\",\"max_tokens\":256,\"stream\":true,\"system\":\"Be brief.\","
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  private static ServiceStubs stubs;

  /** One SSE event as sent: its {@code event:} name and parsed {@code data:}. */
  record Event(String name, JsonNode data) {}

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
    return stubs.anthropicBaseUrl() + "/v1/messages";
  }

  @Test
  void streamsNamedEventsInAnthropicOrder() throws Exception {
    stubs.anthropic().reply(StubReply.text("Hi there."));

    StubHttp.Reply reply = StubHttp.post(url(), HEADERS, REQUEST);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
    List<Event> events = events(reply.text());
    assertThat(events).extracting(Event::name).containsExactly(
        "message_start", "content_block_start", "ping",
        "content_block_delta", "content_block_delta", "content_block_delta",
        "content_block_stop", "message_delta", "message_stop");
    assertThat(events).allSatisfy(e -> assertThat(e.data().path("type").asText()).isEqualTo(e.name()));
    JsonNode message = events.get(0).data().path("message");
    assertThat(message.path("id").asText()).startsWith("msg_");
    assertThat(message.path("role").asText()).isEqualTo("assistant");
    assertThat(message.path("model").asText()).isEqualTo("claude-x");
    assertThat(message.path("content").isArray()).isTrue();
    assertThat(message.path("usage").path("input_tokens").asInt()).isPositive();
    assertThat(text(events)).isEqualTo("Hi there.");
    JsonNode messageDelta = events.get(7).data();
    assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void framesEachEventAsEventLineThenDataLine() throws Exception {
    String body = StubHttp.post(url(), HEADERS, REQUEST).text();

    assertThat(body.split("\n\n")).allSatisfy(frame -> {
      String[] lines = frame.split("\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).startsWith("event: ");
      assertThat(lines[1]).startsWith("data: {");
    });
  }

  @Test
  void answersWholeMessageWithoutStream() throws Exception {
    stubs.anthropic().reply(StubReply.text("Hi there."));

    JsonNode message = JSON.readTree(StubHttp.post(url(), HEADERS, REQUEST.replace("\"stream\":true,", "")).body());

    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("Hi there.");
    assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
  }

  @Test
  void refusesMissingVersionWithInvalidRequestError() throws Exception {
    StubHttp.Reply reply = StubHttp.post(url(), Map.of("x-api-key", "sk-ant-test"), REQUEST);

    assertThat(reply.status()).isEqualTo(400);
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(body.path("error").path("message").asText()).contains("anthropic-version");
  }

  @Test
  void refusesMissingKeyWithAuthenticationError() throws Exception {
    StubHttp.Reply reply = StubHttp.post(url(), Map.of("anthropic-version", "2023-06-01"), REQUEST);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(JSON.readTree(reply.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
  }

  @Test
  void acceptsBearerTokenInsteadOfXApiKey() throws Exception {
    StubHttp.Reply reply = StubHttp.post(url(),
        Map.of("Authorization", "Bearer sk-ant-test", "anthropic-version", "2023-06-01"), REQUEST);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void refusesBodyWithoutMaxTokens() throws Exception {
    StubHttp.Reply reply = StubHttp.post(url(), HEADERS, REQUEST.replace("\"max_tokens\":256,", ""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(JSON.readTree(reply.body()).path("error").path("message").asText()).contains("max_tokens");
  }

  @Test
  void overloadFaultsUseAnthropicErrorTypes() throws Exception {
    stubs.anthropic().fail(HttpFault.status(529));

    StubHttp.Reply reply = StubHttp.post(url(), HEADERS, REQUEST);

    assertThat(reply.status()).isEqualTo(529);
    assertThat(reply.header("Retry-After")).isEqualTo("1");
    assertThat(JSON.readTree(reply.body()).path("error").path("type").asText()).isEqualTo("overloaded_error");
  }

  @Test
  void streamErrorIsAnErrorEvent() throws Exception {
    stubs.anthropic().reply(StubReply.text("One two three four.")).fail(HttpFault.streamError());

    List<Event> events = events(StubHttp.post(url(), HEADERS, REQUEST).text());

    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("error");
    assertThat(last.data().path("error").path("type").asText()).isEqualTo("overloaded_error");
    assertThat(events).extracting(Event::name).doesNotContain("message_stop");
  }

  @Test
  void cutStreamStopsBeforeMessageStop() throws Exception {
    stubs.anthropic().reply(StubReply.text("One two three four five six.")).fail(HttpFault.cutAfter(0.5));

    StubHttp.Reply reply = StubHttp.post(url(), HEADERS, REQUEST);

    assertThat(reply.failure()).isNotNull();
    List<Event> events = events(reply.text());
    assertThat(events).extracting(Event::name).doesNotContain("message_stop", "content_block_stop");
    assertThat(text(events)).isEqualTo("One two three");
  }

  static List<Event> events(String body) throws Exception {
    List<Event> events = new ArrayList<>();
    for (String frame : body.split("\n\n")) {
      String[] lines = frame.split("\n");
      events.add(new Event(lines[0].substring("event: ".length()), JSON.readTree(lines[1].substring("data: ".length()))));
    }
    return events;
  }

  static String text(List<Event> events) {
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.name().equals("content_block_delta"))
        .forEach(e -> text.append(e.data().path("delta").path("text").asText()));
    return text.toString();
  }
}
