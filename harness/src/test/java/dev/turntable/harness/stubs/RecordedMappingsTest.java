package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedMappingsTest {
  private static final String RECORDED_SSE =
      "data: {\"id\":\"chatcmpl-rec\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Recorded.\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
          + "data: [DONE]\n\n";

  @TempDir Path http;

  private void writeFixture() throws Exception {
    Files.createDirectories(http.resolve("mappings/llm"));
    Files.createDirectories(http.resolve("__files"));
    Files.writeString(http.resolve("__files/openai-0001.sse"), RECORDED_SSE);
    Files.writeString(http.resolve("mappings/llm/openai-0001.json"), """
        {"request": {"method": "POST", "urlPath": "/v1/chat/completions"},
         "response": {"status": 200, "headers": {"Content-Type": "text/event-stream"},
                      "bodyFileName": "openai-0001.sse", "fixedDelayMilliseconds": 400,
                      "chunkedDribbleDelay": {"numberOfChunks": 4, "totalDuration": 1000}}}
        """);
    String audio = Base64.getEncoder().encodeToString(new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
    Files.writeString(http.resolve("mappings/tts.json"), """
        {"mappings": [
          {"request": {"method": "POST", "urlPathPattern": "/v1/text-to-speech/.+/stream"},
           "response": {"status": 200, "base64Body": "%s",
                        "delayDistribution": {"type": "uniform", "lower": 100, "upper": 200}}}
        ]}
        """.formatted(audio));
  }

  @Test
  void replaysRecordedExchangesWithDelaysDividedBySpeed() throws Exception {
    writeFixture();
    StubOptions options = StubOptions.defaults().withRecordings(http)
        .withTiming(StubTiming.DEFAULT.scale(4)).withSpeech(SpeechEngine.TONE);

    try (ServiceStubs stubs = new ServiceStubs(options).start()) {
      StubHttp.Reply llm = StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions",
          Map.of("Authorization", "Bearer sk-test"), "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");
      StubHttp.Reply tts = StubHttp.post(stubs.elevenLabsBaseUrl() + "/v1/text-to-speech/v/stream?output_format=pcm_16000",
          Map.of("xi-api-key", "k"), "{\"text\":\"anything\"}");

      assertThat(llm.text()).isEqualTo(RECORDED_SSE);
      assertThat(tts.body()).containsExactly(1, 0, 2, 0, 3, 0, 4, 0);
      StubMapping recordedLlm = mappingFor(stubs, "/v1/chat/completions");
      assertThat(recordedLlm.getResponse().getFixedDelayMilliseconds()).isEqualTo(100);
      assertThat(recordedLlm.getResponse().getChunkedDribbleDelay().getTotalDuration()).isEqualTo(250);
      assertThat(recordedLlm.getResponse().getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(4);
      String ttsDelay = com.github.tomakehurst.wiremock.common.Json.write(
          mappingFor(stubs, "/v1/text-to-speech/.+/stream").getResponse().getDelayDistribution());
      assertThat(ttsDelay).contains("\"lower\" : 25").contains("\"upper\" : 50");
    }
  }

  @Test
  void recordedMappingsStillRequireCredentials() throws Exception {
    writeFixture();
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withRecordings(http)
        .withTiming(StubTiming.INSTANT).withSpeech(SpeechEngine.TONE)).start()) {
      StubHttp.Reply reply = StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", Map.of(),
          "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");

      assertThat(reply.status()).isEqualTo(401);
    }
  }

  @Test
  void namesTheBrokenFile() throws Exception {
    Files.createDirectories(http.resolve("mappings"));
    Files.writeString(http.resolve("mappings/broken.json"), "{ not json");

    assertThatThrownBy(() -> new ServiceStubs(StubOptions.defaults().withRecordings(http)))
        .hasStackTraceContaining("broken.json");
  }

  @Test
  void refusesAMissingRecordingsFolder() {
    assertThatThrownBy(() -> new ServiceStubs(StubOptions.defaults().withRecordings(http.resolve("nope"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  /** The recorded mapping (not one the stubs generated) for a path. */
  private static StubMapping mappingFor(ServiceStubs stubs, String path) {
    return stubs.wireMock().getStubMappings().stream()
        .filter(m -> m.getMetadata() == null || !m.getMetadata().containsKey("turntable"))
        .filter(m -> m.getRequest().getUrlMatcher().getExpected().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mapping for " + path));
  }
}
