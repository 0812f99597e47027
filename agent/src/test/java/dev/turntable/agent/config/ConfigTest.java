package dev.turntable.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void parsesDotEnvLines() {
    var values =
        EnvFile.parse(
            ".env",
            List.of(
                "# keys",
                "",
                "OPENAI_API_KEY=sk-one",
                "export ANTHROPIC_API_KEY = \"sk-ant two\"",
                "ELEVENLABS_VOICE_ID='voice' ",
                "CARTESIA_API_KEY=abc # comment"));
    assertThat(values)
        .containsEntry("OPENAI_API_KEY", "sk-one")
        .containsEntry("ANTHROPIC_API_KEY", "sk-ant two")
        .containsEntry("ELEVENLABS_VOICE_ID", "voice")
        .containsEntry("CARTESIA_API_KEY", "abc");
  }

  @Test
  void aBrokenLineIsNamedWithoutEchoingIt() {
    assertThatThrownBy(() -> EnvFile.parse(".env", List.of("A=1", "sk-secret-value")))
        .hasMessage(".env:2: expected KEY=VALUE")
        .message()
        .doesNotContain("sk-secret");
  }

  @Test
  void environmentOverridesDotEnvAndBlankMeansUnset() {
    var env = Environment.of(Map.of("A", "file", "B", "file"), Map.of("A", "env", "B", " "));
    assertThat(env.get("A")).contains("env");
    assertThat(env.get("B")).isEmpty();
  }

  @Test
  void missingKeysNameExactlyTheVariablesTheChosenProvidersNeed() {
    var env = Environment.of(Map.of(), Map.of("OPENAI_API_KEY", "x"));
    assertThatThrownBy(() -> Providers.requireKeys(env, Providers.Llm.OPENAI, Providers.Tts.ELEVENLABS))
        .hasMessageStartingWith("missing ASSEMBLYAI_API_KEY, ELEVENLABS_API_KEY, ELEVENLABS_VOICE_ID ");
    assertThatThrownBy(() -> Providers.requireKeys(env, Providers.Llm.ANTHROPIC, Providers.Tts.CARTESIA))
        .hasMessageStartingWith("missing ASSEMBLYAI_API_KEY, ANTHROPIC_API_KEY, CARTESIA_API_KEY ");
  }

  @Test
  void nothingMissingPasses() {
    var env =
        Environment.of(
            Map.of(),
            Map.of("ASSEMBLYAI_API_KEY", "a", "ANTHROPIC_API_KEY", "b", "CARTESIA_API_KEY", "c"));
    Providers.requireKeys(env, Providers.Llm.ANTHROPIC, Providers.Tts.CARTESIA);
  }
}
