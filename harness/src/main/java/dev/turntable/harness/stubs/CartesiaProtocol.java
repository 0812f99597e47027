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

/**
 * Cartesia {@code POST /tts/bytes} in the {@code output_format} asked for: container raw or wav
 * with pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw, or mp3 ({@link SpeechFormat}).
 */
final class CartesiaProtocol implements ServiceProtocol {
  static final String PATH = "/tts/bytes";

  private final SpeechReplies speech;

  CartesiaProtocol(SpeechReplies speech) {
    this.speech = speech;
  }

  @Override
  public StubService service() {
    return StubService.CARTESIA;
  }

  @Override
  public List<MappingBuilder> rejections() {
    return List.of(
        accepted()
            .withHeader("Cartesia-Version", absent())
            .willReturn(error(400, "The Cartesia-Version header is required, e.g. Cartesia-Version: 2025-04-16.")),
        accepted()
            .withHeader("X-API-Key", absent())
            .withHeader("Authorization", absent())
            .willReturn(error(401, "No API key: send Authorization: Bearer <key> or X-API-Key: <key>.")));
  }

  @Override
  public MappingBuilder accepted() {
    return post(urlPathEqualTo(PATH));
  }

  @Override
  public RenderedReply render(LoggedRequest request, ReplySettings settings) throws StubRejection {
    JsonNode body = JsonBodies.parseObject(service(), request);
    for (String field : List.of("model_id", "transcript", "voice", "output_format")) {
      if (body.path(field).isMissingNode() || body.path(field).isNull()) {
        throw StubRejection.of(service(), 400, "Missing required field: " + field);
      }
    }
    SpeechFormat format;
    try {
      format = SpeechFormat.cartesia(body.path("output_format"));
    } catch (IllegalArgumentException e) {
      throw StubRejection.of(service(), 400, e.getMessage());
    }
    String text = settings.text() == null ? body.path("transcript").asText() : settings.text();
    if (text.isBlank()) {
      throw StubRejection.of(service(), 400, "transcript must not be empty");
    }
    return speech.render(service(), text, format, true, settings);
  }

  private static ResponseDefinitionBuilder error(int status, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", RenderedReply.JSON)
        .withBody(ErrorBodies.cartesia(status, message));
  }
}
