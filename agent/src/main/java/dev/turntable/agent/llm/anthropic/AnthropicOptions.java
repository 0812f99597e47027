package dev.turntable.agent.llm.anthropic;

import dev.turntable.agent.http.ConfigValues;
import dev.turntable.agent.http.Secrets;

/**
 * Settings for {@link AnthropicChatModel}. Null or blank {@code baseUrl} and {@code model} take the
 * defaults; {@code baseUrl} has no {@code /v1} (the SDKs add it); a blank {@code systemPrompt}
 * sends no {@code system} field.
 */
public record AnthropicOptions(
    String baseUrl, String apiKey, String model, String systemPrompt, int maxTokens) {
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  public static final String DEFAULT_MODEL = "claude-haiku-4-5";
  public static final int DEFAULT_MAX_TOKENS = 300;

  public AnthropicOptions {
    baseUrl = ConfigValues.baseUrl(baseUrl, DEFAULT_BASE_URL, "Anthropic base URL");
    apiKey = ConfigValues.apiKey(apiKey, "Anthropic API key");
    model = ConfigValues.orDefault(model, DEFAULT_MODEL);
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    if (maxTokens < 1) {
      throw new IllegalArgumentException(
          "Anthropic maxTokens must be at least 1, was " + maxTokens);
    }
  }

  /** The default endpoint, model and token limit. */
  public static AnthropicOptions of(String apiKey, String systemPrompt) {
    return new AnthropicOptions(null, apiKey, null, systemPrompt, DEFAULT_MAX_TOKENS);
  }

  /** The same settings against another server, e.g. a local stub. */
  public AnthropicOptions withBaseUrl(String newBaseUrl) {
    return new AnthropicOptions(newBaseUrl, apiKey, model, systemPrompt, maxTokens);
  }

  @Override
  public String toString() {
    return "AnthropicOptions[baseUrl=" + baseUrl + ", apiKey=" + Secrets.mask(apiKey)
        + ", model=" + model + ", systemPrompt=" + systemPrompt.length() + " chars"
        + ", maxTokens=" + maxTokens + "]";
  }
}
