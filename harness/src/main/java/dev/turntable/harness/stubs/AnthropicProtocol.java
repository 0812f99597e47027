package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Anthropic Messages: {@code POST /v1/messages}, streamed as {@code event:} + {@code data:} pairs. */
final class AnthropicProtocol implements ServiceProtocol {
  static final String PATH = "/v1/messages";

  private final AtomicLong ids = new AtomicLong();

  @Override
  public StubService service() {
    return StubService.ANTHROPIC;
  }

  @Override
  public List<MappingBuilder> rejections() {
    return List.of(
        post(urlPathEqualTo(PATH))
            .withHeader("anthropic-version", absent())
            .willReturn(error(400, "anthropic-version: header is required")),
        // anthropic-java 3.x sends its key as "Authorization: Bearer"; older clients use x-api-key.
        post(urlPathEqualTo(PATH))
            .withHeader("x-api-key", absent())
            .withHeader("Authorization", absent())
            .willReturn(error(401, "x-api-key header is required")));
  }

  @Override
  public MappingBuilder accepted() {
    return post(urlPathEqualTo(PATH));
  }

  @Override
  public RenderedReply render(LoggedRequest request, ReplySettings settings) throws StubRejection {
    JsonNode body = JsonBodies.parseObject(service(), request);
    for (String field : List.of("model", "max_tokens", "messages")) {
      if (body.path(field).isMissingNode() || body.path(field).isNull()) {
        throw StubRejection.of(service(), 400, field + ": Field required");
      }
    }
    AnthropicEvents events =
        new AnthropicEvents(
            String.format("msg_turntable%08d", ids.incrementAndGet()),
            body.path("model").asText(),
            JsonBodies.estimateTokens(body.path("messages")) + JsonBodies.estimateTokens(body.path("system")));
    String text = settings.text() == null ? StubReply.DEFAULT.text() : settings.text();
    List<String> tokens = TokenSplitter.split(text);
    if (!body.path("stream").asBoolean(false)) {
      return RenderedReply.wholeJson(service(), events.message(tokens).toString(), tokens.size(), settings, 529);
    }
    return events.stream(tokens).reply(settings);
  }

  private static ResponseDefinitionBuilder error(int status, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", RenderedReply.JSON)
        .withBody(ErrorBodies.anthropic(status, message));
  }
}
