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

/** Cartesia {@code POST /tts/bytes}: raw {@code pcm_s16le} at {@code output_format.sample_rate}. */
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
    JsonNode format = body.path("output_format");
    requireValue(format, "container", "raw");
    requireValue(format, "encoding", "pcm_s16le");
    int sampleRate = format.path("sample_rate").asInt(0);
    if (!SpeechReplies.SAMPLE_RATES.contains(sampleRate)) {
      throw StubRejection.of(service(), 400, "output_format.sample_rate must be one of 8000, 16000,"
          + " 22050, 24000, 44100 or 48000, got " + format.path("sample_rate"));
    }
    String text = settings.text() == null ? body.path("transcript").asText() : settings.text();
    if (text.isBlank()) {
      throw StubRejection.of(service(), 400, "transcript must not be empty");
    }
    return speech.render(text, sampleRate, true, settings);
  }

  private void requireValue(JsonNode format, String field, String expected) throws StubRejection {
    String actual = format.path(field).asText();
    if (!expected.equals(actual)) {
      throw StubRejection.of(service(), 400, "the Turntable stub serves output_format." + field + " '"
          + expected + "' only, got '" + actual + "'");
    }
  }

  private static ResponseDefinitionBuilder error(int status, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", RenderedReply.JSON)
        .withBody(ErrorBodies.cartesia(status, message));
  }
}
