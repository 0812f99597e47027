package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceStubsLifecycleTest {
  @Test
  void servesEveryServiceFromOneLoopbackPort() {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withSpeech(SpeechEngine.TONE)).start()) {
      assertThat(stubs.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
      assertThat(stubs.openAiBaseUrl()).isEqualTo(stubs.baseUrl() + "/v1");
      assertThat(stubs.anthropicBaseUrl()).isEqualTo(stubs.baseUrl());
      assertThat(stubs.elevenLabsBaseUrl()).isEqualTo(stubs.baseUrl());
      assertThat(stubs.cartesiaBaseUrl()).isEqualTo(stubs.baseUrl());
      assertThat(stubs.adminUrl()).isEqualTo(stubs.baseUrl() + "/__admin");
      assertThat(stubs.speechEngine()).isEqualTo("tone");
    }
  }

  @Test
  void refusesUseBeforeStartAndASecondStart() {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withSpeech(SpeechEngine.TONE))) {
      assertThatThrownBy(stubs::baseUrl).hasMessageContaining("start()");
      stubs.start();
      assertThatThrownBy(stubs::start).hasMessageContaining("already running");
    }
  }

  @Test
  void keepsRepliesAndFaultsSetBeforeStart() throws Exception {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT)
        .withSpeech(SpeechEngine.TONE))) {
      stubs.openAi().reply(StubReply.text("Set early.")).failNext(HttpFault.status(503));
      stubs.start();
      String url = stubs.openAiBaseUrl() + "/chat/completions";
      String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

      assertThat(StubHttp.post(url, Map.of("Authorization", "Bearer k"), body).status()).isEqualTo(503);
      String text = StubHttp.post(url, Map.of("Authorization", "Bearer k"), body).text();
      assertThat(OpenAiStubTest.content(OpenAiStubTest.chunks(text))).isEqualTo("Set early.");
      assertThat(stubs.wireMock().getStubMappings()).filteredOn(m -> m.getMetadata().toString().contains("role=reply"))
          .hasSize(4);
    }
  }

  @Test
  void closeStopsTheServerThreads() throws Exception {
    Set<String> before = serverThreads();
    ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT)
        .withSpeech(SpeechEngine.TONE)).start();
    StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", Map.of("Authorization", "Bearer k"),
        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertThat(serverThreads()).as("Jetty threads while running").isNotEqualTo(before);

    stubs.close();
    stubs.close();

    assertThat(serverThreads()).as("Jetty threads left after close()").isSubsetOf(before);
  }

  /** Jetty's pool threads ("qtp…"), WireMock's own, and the TTS WebSocket stub's. */
  private static Set<String> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(t -> t.getName() + "#" + t.getId())
        .filter(name -> name.startsWith("qtp") || name.toLowerCase().contains("wiremock")
            || name.startsWith("turntable-tts-ws"))
        .collect(Collectors.toSet());
  }
}
