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

  @Test
  void tokensStreamOverTheTtsWebSocketUnlessHttpIsChosen() {
    var env =
        Environment.of(
            Map.of(),
            Map.of(
                Providers.ASSEMBLYAI_KEY, "k", "OPENAI_API_KEY", "k", "ELEVENLABS_API_KEY", "k",
                "ELEVENLABS_VOICE_ID", "v", "CARTESIA_API_KEY", "k"));
    var http = new okhttp3.OkHttpClient();
    ServiceChoices choices = ServiceChoices.defaults();
    assertThat(choices.ttsTransport()).isEqualTo(Providers.TtsTransport.WS);
    assertThat(Services.create(env, choices, http, dev.turntable.agent.stt.SttWireTap.NONE).tts())
        .isInstanceOf(dev.turntable.agent.tts.elevenlabs.ElevenLabsStreamSynthesizer.class);
    var cartesiaHttp =
        new ServiceChoices(
                Providers.Llm.OPENAI, Providers.Tts.CARTESIA, choices.preset(), null, null, null,
                null, null, null, null, 16_000, null)
            .withTtsTransport(Providers.TtsTransport.HTTP);
    assertThat(Services.create(env, cartesiaHttp, http, dev.turntable.agent.stt.SttWireTap.NONE).tts())
        .isInstanceOf(dev.turntable.agent.tts.cartesia.CartesiaSynthesizer.class);
  }

  @Test
  void theWebSocketAddressFollowsTheBaseUrlAndABadOverrideIsNamed() {
    assertThat(dev.turntable.agent.tts.websocket.WebSocketUrls.fromHttpBase("https://api.elevenlabs.io"))
        .hasToString("wss://api.elevenlabs.io");
    assertThat(dev.turntable.agent.tts.websocket.WebSocketUrls.fromHttpBase("http://127.0.0.1:8080"))
        .hasToString("ws://127.0.0.1:8080");
    assertThatThrownBy(
            () -> dev.turntable.agent.tts.websocket.WebSocketUrls.parse("http://x", "CARTESIA_WS_URL"))
        .hasMessage("CARTESIA_WS_URL 'http://x' is not a ws:// or wss:// URL");
  }
}
