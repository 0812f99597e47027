package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer sk-test");
  private static ServiceStubs stubs;

  @BeforeAll
  static void start() {
    stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.INSTANT).withSpeech(SpeechEngine.TONE)).start();
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @Test
  void listsTheGeneratedMappings() throws Exception {
    StubHttp.Reply reply = StubHttp.get(stubs.adminUrl() + "/mappings");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode mappings = JSON.readTree(reply.body()).path("mappings");
    assertThat(mappings.findValuesAsText("role")).contains("reply", "rejection");
    assertThat(mappings.findValuesAsText("service")).contains("OPENAI", "ANTHROPIC", "ELEVENLABS", "CARTESIA");
  }

  @Test
  void servesAMappingAddedByAUserWithTheReplyTransformer() throws Exception {
    String mapping = """
        {"priority": 4,
         "request": {"method": "POST", "urlPath": "/v1/chat/completions",
                     "bodyPatterns": [{"contains": "secret handshake"}]},
         "response": {"transformers": ["turntable-reply"],
                      "transformerParameters": {"service": "OPENAI", "text": "Added by hand."}}}
        """;

    StubHttp.Reply created = StubHttp.post(stubs.adminUrl() + "/mappings", Map.of(), mapping);
    StubHttp.Reply special = StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", AUTH,
        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"secret handshake\"}]}");
    StubHttp.Reply ordinary = StubHttp.post(stubs.openAiBaseUrl() + "/chat/completions", AUTH,
        "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(OpenAiStubTest.content(OpenAiStubTest.chunks(special.text()))).isEqualTo("Added by hand.");
    assertThat(OpenAiStubTest.content(OpenAiStubTest.chunks(ordinary.text()))).isEqualTo(StubReply.DEFAULT.text());
  }
}
