package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * ElevenLabs text to speech: {@code POST /v1/text-to-speech/{voice}/stream} (chunked) and
 * {@code POST /v1/text-to-speech/{voice}} (whole), in the {@code output_format} asked for: raw
 * S16LE {@code pcm_*}, {@code ulaw_8000}, {@code alaw_8000}, {@code mp3_*} (the default) or
 * {@code opus_48000_*} ({@link SpeechFormat}, {@link AudioEncoder}).
 */
final class ElevenLabsProtocol implements ServiceProtocol {
  private final SpeechReplies speech;

  ElevenLabsProtocol(SpeechReplies speech) {
    this.speech = speech;
  }

  @Override
  public StubService service() {
    return StubService.ELEVENLABS;
  }

  @Override
  public List<MappingBuilder> rejections() {
    return List.of(
        accepted()
            .withHeader("xi-api-key", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", RenderedReply.JSON)
                    .withBody(ErrorBodies.elevenLabs(401,
                        "Neither authorization header nor xi-api-key received, please provide one."))));
  }

  @Override
  public MappingBuilder accepted() {
    return post(urlPathMatching(service().pathRegex()));
  }

  @Override
  public RenderedReply render(LoggedRequest request, ReplySettings settings) throws StubRejection {
    SpeechFormat format = format(request);
    JsonNode body = JsonBodies.parseObject(service(), request);
    if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
      throw validation("body", "text", "Field required: the text to speak");
    }
    String text = settings.text() == null ? body.path("text").asText() : settings.text();
    boolean streaming = URI.create(request.getUrl()).getPath().endsWith("/stream");
    return speech.render(service(), text, format, streaming, settings);
  }

  /** As the service: no {@code output_format} means its default, MP3. */
  private SpeechFormat format(LoggedRequest request) throws StubRejection {
    QueryParameter format = request.getQueryParams().get("output_format");
    try {
      return SpeechFormat.elevenLabs(format == null || !format.isPresent() ? null : format.firstValue());
    } catch (IllegalArgumentException e) {
      throw validation("query", "output_format", e.getMessage());
    }
  }

  private static StubRejection validation(String location, String field, String message) {
    return new StubRejection(422, ErrorBodies.elevenLabsValidation(location, field, message));
  }
}
