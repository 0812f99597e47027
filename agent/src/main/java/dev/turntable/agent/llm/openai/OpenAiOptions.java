package dev.turntable.agent.llm.openai;

import dev.turntable.agent.http.ConfigValues;
import dev.turntable.agent.http.Secrets;

/**
 * Settings for {@link OpenAiChatModel}. Null or blank {@code baseUrl} and {@code model} take the
 * defaults; {@code baseUrl} includes {@code /v1}, as the official SDKs expect; a blank
 * {@code systemPrompt} sends no system message.
 */
public record OpenAiOptions(
    String baseUrl, String apiKey, String model, String systemPrompt, int maxTokens) {
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final int DEFAULT_MAX_TOKENS = 300;

  public OpenAiOptions {
    baseUrl = ConfigValues.baseUrl(baseUrl, DEFAULT_BASE_URL, "OpenAI base URL");
    apiKey = ConfigValues.apiKey(apiKey, "OpenAI API key");
    model = ConfigValues.orDefault(model, DEFAULT_MODEL);
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    if (maxTokens < 1) {
      throw new IllegalArgumentException("OpenAI maxTokens must be at least 1, was " + maxTokens);
    }
  }

  /** The default endpoint, model and token limit. */
  public static OpenAiOptions of(String apiKey, String systemPrompt) {
    return new OpenAiOptions(null, apiKey, null, systemPrompt, DEFAULT_MAX_TOKENS);
  }

  /** The same settings against another server, e.g. a local stub. */
  public OpenAiOptions withBaseUrl(String newBaseUrl) {
    return new OpenAiOptions(newBaseUrl, apiKey, model, systemPrompt, maxTokens);
  }

  @Override
  public String toString() {
    return "OpenAiOptions[baseUrl=" + baseUrl + ", apiKey=" + Secrets.mask(apiKey)
        + ", model=" + model + ", systemPrompt=" + systemPrompt.length() + " chars"
        + ", maxTokens=" + maxTokens + "]";
  }
}
