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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ElevenLabs text to speech: {@code POST /v1/text-to-speech/{voice}/stream} (chunked) and
 * {@code POST /v1/text-to-speech/{voice}} (whole), raw S16LE at the {@code output_format} rate.
 */
final class ElevenLabsProtocol implements ServiceProtocol {
  private static final Pattern PCM_FORMAT = Pattern.compile("pcm_(\\d+)");

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
    int sampleRate = sampleRate(request);
    JsonNode body = JsonBodies.parseObject(service(), request);
    if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
      throw validation("body", "text", "Field required: the text to speak");
    }
    String text = settings.text() == null ? body.path("text").asText() : settings.text();
    boolean streaming = URI.create(request.getUrl()).getPath().endsWith("/stream");
    return speech.render(text, sampleRate, streaming, settings);
  }

  private int sampleRate(LoggedRequest request) throws StubRejection {
    QueryParameter format = request.getQueryParams().get("output_format");
    if (format == null || !format.isPresent()) {
      throw validation("query", "output_format",
          "the Turntable stub serves raw PCM only, and the default mp3_44100_128 is not PCM: set"
              + " output_format to pcm_16000, pcm_22050, pcm_24000 or pcm_44100");
    }
    Matcher pcm = PCM_FORMAT.matcher(format.firstValue());
    if (!pcm.matches() || !SpeechReplies.SAMPLE_RATES.contains(Integer.parseInt(pcm.group(1)))) {
      throw validation("query", "output_format",
          "unsupported output_format '" + format.firstValue() + "': the Turntable stub serves"
              + " pcm_8000, pcm_16000, pcm_22050, pcm_24000, pcm_44100 or pcm_48000");
    }
    return Integer.parseInt(pcm.group(1));
  }

  private static StubRejection validation(String location, String field, String message) {
    return new StubRejection(422, ErrorBodies.elevenLabsValidation(location, field, message));
  }
}
