package dev.turntable.agent.tts.elevenlabs;

import dev.turntable.agent.http.ConfigValues;
import dev.turntable.agent.http.Secrets;

/**
 * Settings for {@link ElevenLabsSynthesizer}. Null or blank {@code baseUrl} and {@code modelId}
 * take the defaults. {@code sampleRate} picks the raw PCM {@code output_format}
 * ({@code pcm_<rate>}); 44100 needs the Pro tier.
 */
public record ElevenLabsOptions(
    String baseUrl, String apiKey, String voiceId, String modelId, int sampleRate) {
  public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
  public static final String DEFAULT_MODEL_ID = "eleven_flash_v2_5";
  public static final int DEFAULT_SAMPLE_RATE = 16_000;
  /** The rates ElevenLabs documents as {@code pcm_*} output formats. */
  static final int[] PCM_RATES = {8_000, 16_000, 22_050, 24_000, 44_100, 48_000};

  public ElevenLabsOptions {
    baseUrl = ConfigValues.baseUrl(baseUrl, DEFAULT_BASE_URL, "ElevenLabs base URL");
    apiKey = ConfigValues.apiKey(apiKey, "ElevenLabs API key");
    voiceId = ConfigValues.required(voiceId, "ElevenLabs voice id");
    modelId = ConfigValues.orDefault(modelId, DEFAULT_MODEL_ID);
    sampleRate = ConfigValues.sampleRate(sampleRate, PCM_RATES, "ElevenLabs sample rate");
  }

  /** The default endpoint, model and 16 kHz output. */
  public static ElevenLabsOptions of(String apiKey, String voiceId) {
    return new ElevenLabsOptions(null, apiKey, voiceId, null, DEFAULT_SAMPLE_RATE);
  }

  /** The same settings against another server, e.g. a local stub. */
  public ElevenLabsOptions withBaseUrl(String newBaseUrl) {
    return new ElevenLabsOptions(newBaseUrl, apiKey, voiceId, modelId, sampleRate);
  }

  /** The {@code output_format} query value. */
  public String outputFormat() {
    return "pcm_" + sampleRate;
  }

  @Override
  public String toString() {
    return "ElevenLabsOptions[baseUrl=" + baseUrl + ", apiKey=" + Secrets.mask(apiKey)
        + ", voiceId=" + voiceId + ", modelId=" + modelId + ", sampleRate=" + sampleRate + "]";
  }
}
