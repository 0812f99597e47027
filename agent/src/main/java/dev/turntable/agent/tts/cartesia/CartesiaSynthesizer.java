package dev.turntable.agent.tts.cartesia;

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

/** Cartesia TTS over HTTP: {@code POST {baseUrl}/tts/bytes}, streaming raw S16LE PCM back. */
public final class CartesiaSynthesizer implements SpeechSynthesizer {
  public static final String PROVIDER = "Cartesia";
  private static final Logger log = LoggerFactory.getLogger(CartesiaSynthesizer.class);

  private final OkHttpClient http;
  private final CartesiaOptions options;
  private final HttpUrl endpoint;
  private final PcmFormat format;

  public CartesiaSynthesizer(OkHttpClient http, CartesiaOptions options) {
    this.http = Objects.requireNonNull(http, "http");
    this.options = Objects.requireNonNull(options, "options");
    this.endpoint = HttpUrl.get(options.baseUrl() + "/tts/bytes");
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
    // Older API versions read X-API-Key, newer ones Authorization: Bearer; sending both lets
    // any configured Cartesia-Version authenticate.
    Request request = new Request.Builder()
        .url(endpoint)
        .header("Cartesia-Version", options.version())
        .header("Authorization", "Bearer " + options.apiKey())
        .header("X-API-Key", options.apiKey())
        .post(JsonBody.of(CartesiaRequest.of(options, text)))
        .build();
    log.debug("synthesizing {} chars with {} at {} Hz", text.length(), options.modelId(),
        options.sampleRate());
    return PcmHttpStream.start(http, request, PROVIDER, options.apiKey(), listener);
  }
}
