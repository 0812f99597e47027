package dev.turntable.agent.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenAiOptionsTest {
  private static final String KEY = "sk-proj-Options123Secret";

  @Test
  void blankSettingsTakeTheDefaults() {
    OpenAiOptions options = new OpenAiOptions(" ", KEY, null, null, 50);
    assertThat(options.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(options.model()).isEqualTo("gpt-4o-mini");
    assertThat(options.systemPrompt()).isEmpty();
    assertThat(OpenAiOptions.of(KEY, "Hi").maxTokens()).isEqualTo(OpenAiOptions.DEFAULT_MAX_TOKENS);
  }

  @Test
  void baseUrlLosesItsTrailingSlash() {
    assertThat(OpenAiOptions.of(KEY, "").withBaseUrl("http://127.0.0.1:8080/v1/").baseUrl())
        .isEqualTo("http://127.0.0.1:8080/v1");
  }

  @Test
  void toStringMasksTheKey() {
    assertThat(OpenAiOptions.of(KEY, "Be brief.").toString())
        .contains("apiKey=****", "gpt-4o-mini").doesNotContain(KEY);
  }

  @Test
  void rejectsMissingKeysAndBadValuesWithoutQuotingTheKey() {
    assertThatThrownBy(() -> OpenAiOptions.of(" ", "")).hasMessageContaining("API key is missing");
    assertThatThrownBy(() -> OpenAiOptions.of("sk-abc\ndef", ""))
        .hasMessageContaining("position 6").hasMessageNotContaining("sk-abc");
    assertThatThrownBy(() -> new OpenAiOptions("ftp://x", KEY, null, null, 10))
        .hasMessageContaining("not an http");
    assertThatThrownBy(() -> new OpenAiOptions(null, KEY, null, null, 0))
        .hasMessageContaining("maxTokens");
  }
}
