package dev.turntable.agent.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnthropicOptionsTest {
  private static final String KEY = "sk-ant-api03-OptionsSecret";

  @Test
  void blankSettingsTakeTheDefaults() {
    AnthropicOptions options = AnthropicOptions.of(KEY, null);
    assertThat(options.baseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(options.model()).isEqualTo("claude-haiku-4-5");
    assertThat(options.systemPrompt()).isEmpty();
    assertThat(options.maxTokens()).isEqualTo(AnthropicOptions.DEFAULT_MAX_TOKENS);
  }

  @Test
  void keyIsTrimmedAndMaskedInToString() {
    AnthropicOptions options = AnthropicOptions.of("  " + KEY + "\n", "Be brief.");
    assertThat(options.apiKey()).isEqualTo(KEY);
    assertThat(options.toString()).contains("apiKey=****").doesNotContain(KEY);
  }

  @Test
  void rejectsMissingKeyAndNonPositiveTokenLimit() {
    assertThatThrownBy(() -> AnthropicOptions.of(null, "")).hasMessageContaining("API key");
    assertThatThrownBy(() -> new AnthropicOptions(null, KEY, null, null, -1))
        .hasMessageContaining("maxTokens");
  }
}
