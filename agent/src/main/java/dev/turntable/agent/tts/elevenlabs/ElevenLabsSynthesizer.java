package dev.turntable.agent.tts.elevenlabs;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.http.JsonBody;
import dev.turntable.agent.http.PcmHttpStream;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsListener;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ElevenLabs HTTP streaming TTS: {@code POST {baseUrl}/v1/text-to-speech/{voice}/stream} with a
 * raw PCM {@code output_format}; the chunked body is S16LE mono with no header.
 */
public final class ElevenLabsSynthesizer implements SpeechSynthesizer {
  public static final String PROVIDER = "ElevenLabs";
  private static final Logger log = LoggerFactory.getLogger(ElevenLabsSynthesizer.class);

  private final OkHttpClient http;
  private final ElevenLabsOptions options;
  private final HttpUrl endpoint;
  private final PcmFormat format;

  public ElevenLabsSynthesizer(OkHttpClient http, ElevenLabsOptions options) {
    this.http = Objects.requireNonNull(http, "http");
    this.options = Objects.requireNonNull(options, "options");
    this.endpoint = HttpUrl.get(options.baseUrl()).newBuilder()
        .addPathSegments("v1/text-to-speech")
        .addPathSegment(options.voiceId())
        .addPathSegment("stream")
        .addQueryParameter("output_format", options.outputFormat())
        .build();
    this.format = new PcmFormat(options.sampleRate());
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to synthesize is blank");
    }
    Request request = new Request.Builder()
        .url(endpoint)
        .header("xi-api-key", options.apiKey())
        .post(JsonBody.of(new Body(text, options.modelId())))
        .build();
    log.debug("synthesizing {} chars with {} at {} Hz", text.length(), options.modelId(),
        options.sampleRate());
    return PcmHttpStream.start(http, request, PROVIDER, options.apiKey(), listener);
  }

  record Body(String text, @JsonProperty("model_id") String modelId) {}
}
