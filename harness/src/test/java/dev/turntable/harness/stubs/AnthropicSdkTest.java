package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK, unchanged, streaming from the stub. */
class AnthropicSdkTest {
  private static ServiceStubs stubs;
  private static AnthropicClient client;

  @BeforeAll
  static void start() {
    stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(4))
        .withSpeech(SpeechEngine.TONE)).start();
    client = AnthropicOkHttpClient.builder().apiKey("sk-ant-test").baseUrl(stubs.anthropicBaseUrl())
        .maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    stubs.close();
  }

  @BeforeEach
  void reset() {
    stubs.reset();
  }

  private static MessageCreateParams params() {
    return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(256).system("Be brief.")
        .addUserMessage("Say hello.").build();
  }

  @Test
  void streamsEventsThatAccumulateIntoTheReply() {
    stubs.anthropic().reply(StubReply.text("Hello! How can I help you today?"));
    MessageAccumulator accumulator = MessageAccumulator.create();

    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
      stream.stream().forEach(accumulator::accumulate);
    }

    Message message = accumulator.message();
    assertThat(message.content()).singleElement().satisfies(block ->
        assertThat(block.asText().text()).isEqualTo("Hello! How can I help you today?"));
    assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
    assertThat(message.usage().outputTokens()).isPositive();
    assertThat(stubs.anthropic().requests()).singleElement().satisfies(request -> {
      // anthropic-java 3.x authenticates with a bearer token and a newer API version.
      assertThat(request.header("Authorization")).hasValue("Bearer ***");
      assertThat(request.header("anthropic-version")).isPresent();
    });
  }

  @Test
  void getsAWholeMessage() {
    stubs.anthropic().reply(StubReply.text("Hi there."));

    Message message = client.messages().create(params());

    assertThat(message.content().get(0).asText().text()).isEqualTo("Hi there.");
  }

  @Test
  void seesRateLimitAndOverload() {
    stubs.anthropic().fail(HttpFault.status(429));
    assertThatThrownBy(() -> client.messages().create(params())).isInstanceOf(RateLimitException.class);

    stubs.anthropic().fail(HttpFault.status(529));
    assertThatThrownBy(() -> client.messages().create(params())).isInstanceOf(OverloadedException.class);
  }

  @Test
  void seesInStreamErrorAsSseException() {
    stubs.anthropic().reply(StubReply.text("One two three four.")).fail(HttpFault.streamError());

    assertThatThrownBy(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
        stream.stream().forEach(event -> {});
      }
    }).isInstanceOf(SseException.class);
  }

  @Test
  void seesCutStreamAsIoFailure() {
    stubs.anthropic().reply(StubReply.text("One two three four five six.")).fail(HttpFault.cutMidway());

    assertThatThrownBy(() -> {
      try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
        stream.stream().forEach(event -> {});
      }
    }).isInstanceOf(AnthropicIoException.class);
  }
}
