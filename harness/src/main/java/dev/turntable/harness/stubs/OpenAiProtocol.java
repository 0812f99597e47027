package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** OpenAI Chat Completions: {@code POST /v1/chat/completions}, streamed as {@code data:}-only SSE. */
final class OpenAiProtocol implements ServiceProtocol {
  static final String PATH = "/v1/chat/completions";

  private final Clock clock;
  private final AtomicLong ids = new AtomicLong();

  OpenAiProtocol(Clock clock) {
    this.clock = clock;
  }

  @Override
  public StubService service() {
    return StubService.OPENAI;
  }

  @Override
  public List<MappingBuilder> rejections() {
    return List.of(
        post(urlPathEqualTo(PATH))
            .withHeader("Authorization", absent())
            .willReturn(unauthorized("You didn't provide an API key. You need to provide your API key in an"
                + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")),
        post(urlPathEqualTo(PATH))
            .withHeader("Authorization", notMatching("Bearer \\S.*"))
            .willReturn(unauthorized("Incorrect API key provided: the Authorization header must read"
                + " 'Bearer <key>'.")));
  }

  @Override
  public MappingBuilder accepted() {
    return post(urlPathEqualTo(PATH));
  }

  @Override
  public RenderedReply render(LoggedRequest request, ReplySettings settings) throws StubRejection {
    JsonNode body = JsonBodies.parseObject(service(), request);
    requireField(body, "model", "you must provide a model parameter");
    if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
      throw StubRejection.of(service(), 400, "Missing required parameter: 'messages'.");
    }
    OpenAiChunks chunks =
        new OpenAiChunks(
            "chatcmpl-turntable" + ids.incrementAndGet(),
            clock.instant().getEpochSecond(),
            body.path("model").asText(),
            body.path("stream_options").path("include_usage").asBoolean(false));
    List<String> tokens = TokenSplitter.split(settings.text() == null ? StubReply.DEFAULT.text() : settings.text());
    int promptTokens = JsonBodies.estimateTokens(body.path("messages"));
    if (!body.path("stream").asBoolean(false)) {
      String json = chunks.completion(tokens, promptTokens).toString();
      return RenderedReply.wholeJson(service(), json, tokens.size(), settings, 500);
    }
    return chunks.stream(tokens, promptTokens).reply(settings);
  }

  private void requireField(JsonNode body, String field, String message) throws StubRejection {
    if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
      throw StubRejection.of(service(), 400, message);
    }
  }

  private static ResponseDefinitionBuilder unauthorized(String message) {
    return aResponse()
        .withStatus(401)
        .withHeader("Content-Type", RenderedReply.JSON)
        .withBody(ErrorBodies.openAi(401, message));
  }
}
