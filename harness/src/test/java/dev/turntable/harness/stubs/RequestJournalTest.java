package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestJournalTest {
  @Test
  void recordsEachServiceSeparatelyWithSecretsMasked() throws Exception {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT)
        .withSpeech(SpeechEngine.TONE)).start()) {
      StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", Map.of("Authorization", "Bearer sk-live-SECRET"),
          "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"first\"}]}");
      StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", Map.of("Authorization", "Bearer sk-live-SECRET"),
          "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"second\"}]}");
      StubHttp.post(stubs.cartesiaBaseUrl() + "/tts/bytes?api_key=ck-SECRET&x=1",
          Map.of("X-API-Key", "ck-SECRET", "Cartesia-Version", "2024-11-13"), "{\"transcript\":\"hi\"}");

      assertThat(stubs.requests(StubService.OPENAI)).hasSize(2).allSatisfy(request -> {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("authorization")).hasValue("Bearer ***");
        assertThat(request.toString()).doesNotContain("SECRET");
      });
      assertThat(stubs.openAi().requests().get(0).body()).contains("first");
      assertThat(stubs.openAi().requests().get(1).body()).contains("second");
      assertThat(stubs.requests(StubService.CARTESIA)).singleElement().satisfies(request -> {
        assertThat(request.url()).isEqualTo("/tts/bytes?api_key=***&x=1");
        assertThat(request.header("X-API-Key")).hasValue("***");
        assertThat(request.header("Cartesia-Version")).hasValue("2024-11-13");
      });
      assertThat(stubs.anthropic().requestCount()).isZero();

      stubs.reset();
      assertThat(stubs.openAi().requestCount()).isZero();
    }
  }
}
