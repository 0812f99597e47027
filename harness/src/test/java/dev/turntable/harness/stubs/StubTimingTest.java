package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StubTimingTest {
  @Test
  void scaleDividesEveryDelay() {
    StubTiming fast = StubTiming.DEFAULT.scale(4);

    assertThat(fast.llmFirstTokenMillis()).isEqualTo(75);
    assertThat(fast.llmMillisPerToken()).isCloseTo(6.25, within(1e-9));
    assertThat(fast.ttsFirstByteMillis()).isEqualTo(38);
    assertThat(fast.ttsMillisPerAudioSecond()).isCloseTo(1000.0 / 12, within(1e-9));
    assertThat(fast.scaleRecorded(400)).isEqualTo(100);
    assertThat(fast.scale(2).speed()).isEqualTo(8);
  }

  @Test
  void defaultsAreTypicalOfTheRealServices() {
    assertThat(StubTiming.DEFAULT.llmFirstTokenMillis()).isEqualTo(300);
    assertThat(StubTiming.DEFAULT.llmMillisPerToken()).isEqualTo(25);
    assertThat(StubTiming.DEFAULT.ttsFirstByteMillis()).isEqualTo(150);
    assertThat(StubTiming.DEFAULT.ttsRealtimeFactor()).isBetween(2.0, 4.0);
    assertThat(StubTiming.INSTANT.llmMillisPerToken()).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> StubTiming.DEFAULT.scale(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StubTiming(Duration.ofMillis(-1), 40, Duration.ZERO, 3, Duration.ofMillis(100), 1))
        .hasMessageContaining("llmFirstToken");
  }

  @Test
  void generatedMappingsCarryTheScaledTiming() throws Exception {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(4))
        .withSpeech(SpeechEngine.TONE)).start()) {
      Map<String, Object> llm = reply(stubs, StubService.OPENAI).getResponse().getTransformerParameters();
      Map<String, Object> tts = reply(stubs, StubService.ELEVENLABS).getResponse().getTransformerParameters();

      assertThat(llm).containsEntry("firstByteMillis", 75).containsEntry("millisPerToken", 6.25);
      assertThat(tts).containsEntry("firstByteMillis", 38).containsEntry("audioChunkMillis", 100);
      assertThat((Double) tts.get("millisPerAudioSecond")).isCloseTo(83.33, within(0.01));

      stubs.openAi().fail(HttpFault.slow(3));
      Map<String, Object> slow = mapping(stubs, StubService.OPENAI, "fault").getResponse().getTransformerParameters();
      assertThat(slow).containsEntry("firstByteMillis", 225).containsEntry("millisPerToken", 18.75);
    }
  }

  @Test
  void servedStreamIsPacedFromTheMappingTiming() throws Exception {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withSpeech(SpeechEngine.TONE)).start()) {
      stubs.openAi().reply(StubReply.text("Hi there."));
      StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", Map.of("Authorization", "Bearer k"),
          "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

      ServeEvent served = stubs.wireMock().getAllServeEvents().get(0);
      ResponseDefinition response = served.getResponseDefinition();
      int chunks = response.getChunkedDribbleDelay().getNumberOfChunks();
      assertThat(chunks).isBetween(4, 7);
      assertThat(response.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(chunks * 25);
      // The first token lands in the second or third chunk: 300 ms minus two or three 25 ms steps.
      assertThat(response.getFixedDelayMilliseconds()).isIn(225, 250);
    }
  }

  @Test
  void servedAudioIsPacedFasterThanRealTime() throws Exception {
    try (ServiceStubs stubs = new ServiceStubs(StubOptions.defaults().withSpeech(SpeechEngine.TONE)).start()) {
      StubHttp.Reply reply = StubHttp.post(
          stubs.elevenLabsBaseUrl() + "/v1/text-to-speech/v/stream?output_format=pcm_16000",
          Map.of("xi-api-key", "k"), "{\"text\":\"Hello there, how are you?\"}");

      ResponseDefinition response = stubs.wireMock().getAllServeEvents().get(0).getResponseDefinition();
      // 25 characters of tone: 1,625 ms of audio = 52,000 bytes in 100 ms (3,200-byte) chunks,
      // one every 33 ms (3x real time), the first after 150 ms.
      assertThat(reply.body()).hasSize(52_000);
      assertThat(response.getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(16);
      assertThat(response.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(16 * 33);
      // 150 ms minus one 33 ms step, minus however long synthesis took (it counts against it).
      assertThat(response.getFixedDelayMilliseconds()).isBetween(0, 117);
    }
  }

  private static StubMapping reply(ServiceStubs stubs, StubService service) {
    return mapping(stubs, service, "reply");
  }

  @SuppressWarnings("unchecked")
  private static StubMapping mapping(ServiceStubs stubs, StubService service, String role) {
    return stubs.wireMock().getStubMappings().stream()
        .filter(m -> {
          Map<String, Object> tag = (Map<String, Object>) m.getMetadata().get("turntable");
          return tag != null && service.name().equals(tag.get("service")) && role.equals(tag.get("role"));
        })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + role + " mapping for " + service));
  }
}
