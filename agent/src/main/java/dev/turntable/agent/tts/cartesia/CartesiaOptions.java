package dev.turntable.agent.tts.cartesia;

import dev.turntable.agent.http.ConfigValues;
import dev.turntable.agent.http.Secrets;

/**
 * Settings for {@link CartesiaSynthesizer}. Null or blank {@code baseUrl}, {@code version} and
 * {@code modelId} take the defaults. {@code version} is sent as the {@code Cartesia-Version} header.
 */
public record CartesiaOptions(
    String baseUrl, String apiKey, String version, String modelId, String voiceId,
    int sampleRate) {
  public static final String DEFAULT_BASE_URL = "https://api.cartesia.ai";
  public static final String DEFAULT_VERSION = "2025-04-16";
  public static final String DEFAULT_MODEL_ID = "sonic-2";
  public static final int DEFAULT_SAMPLE_RATE = 16_000;
  /** The rates Cartesia accepts in {@code output_format.sample_rate}. */
  static final int[] PCM_RATES = {8_000, 16_000, 22_050, 24_000, 44_100, 48_000};

  public CartesiaOptions {
    baseUrl = ConfigValues.baseUrl(baseUrl, DEFAULT_BASE_URL, "Cartesia base URL");
    apiKey = ConfigValues.apiKey(apiKey, "Cartesia API key");
    version = ConfigValues.orDefault(version, DEFAULT_VERSION);
    modelId = ConfigValues.orDefault(modelId, DEFAULT_MODEL_ID);
    voiceId = ConfigValues.required(voiceId, "Cartesia voice id");
    sampleRate = ConfigValues.sampleRate(sampleRate, PCM_RATES, "Cartesia sample rate");
  }

  /** The default endpoint, API version, model and 16 kHz output. */
  public static CartesiaOptions of(String apiKey, String voiceId) {
    return new CartesiaOptions(null, apiKey, null, null, voiceId, DEFAULT_SAMPLE_RATE);
  }

  /** The same settings against another server, e.g. a local stub. */
  public CartesiaOptions withBaseUrl(String newBaseUrl) {
    return new CartesiaOptions(newBaseUrl, apiKey, version, modelId, voiceId, sampleRate);
  }

  @Override
  public String toString() {
    return "CartesiaOptions[baseUrl=" + baseUrl + ", apiKey=" + Secrets.mask(apiKey)
        + ", version=" + version + ", modelId=" + modelId + ", voiceId=" + voiceId
        + ", sampleRate=" + sampleRate + "]";
  }
}
