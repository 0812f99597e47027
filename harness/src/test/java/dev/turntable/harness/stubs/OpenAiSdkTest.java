package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, unchanged, streaming from the stub. */
class OpenAiSdkTest {
  private static ServiceStubs stubs;
  private static OpenAIClient client;

  @BeforeAll
  static void start() {
    // Paced (at 4x) so the SDK reads events split across network reads, as from the real API.
    stubs = new ServiceStubs(StubOptions.defaults().withTiming(StubTiming.DEFAULT.scale(4))
        .withSpeech(SpeechEngine.TONE)).start();
    client = clientWithRetries(0);
  }

  private static OpenAIClient clientWithRetries(int retries) {
    return OpenAIOkHttpClient.builder().apiKey("sk-test-openai").baseUrl(stubs.openAiBaseUrl())
        .maxRetries(retries).build();
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

  private static ChatCompletionCreateParams.Builder params() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addSystemMessage("Be brief.")
        .addUserMessage("Say hello.");
  }

  @Test
  void streamsTheReplyAndUsage() {
    stubs.openAi().reply(StubReply.text("Hello! How can I help you today?"));
    List<ChatCompletionChunk> chunks = new ArrayList<>();

    ChatCompletionCreateParams params =
        params().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunks::add);
    }

    StringBuilder text = new StringBuilder();
    chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
    assertThat(text.toString()).isEqualTo("Hello! How can I help you today?");
    assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
    ChatCompletionChunk.Choice last = chunks.get(chunks.size() - 2).choices().get(0);
    assertThat(last.finishReason()).hasValueSatisfying(reason ->
        assertThat(reason).isEqualTo(ChatCompletionChunk.Choice.FinishReason.STOP));
    assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(usage ->
        assertThat(usage.completionTokens()).isPositive());
    assertThat(stubs.openAi().requests()).singleElement().satisfies(request -> {
      assertThat(request.header("Authorization")).hasValue("Bearer ***");
      assertThat(request.body()).contains("\"stream\":true");
    });
  }

  @Test
  void getsAWholeCompletion() {
    stubs.openAi().reply(StubReply.text("Hi there."));

    ChatCompletion completion = client.chat().completions().create(params().build());

    assertThat(completion.choices().get(0).message().content()).hasValue("Hi there.");
  }

  @Test
  void seesRateLimitAsRateLimitException() {
    stubs.openAi().fail(HttpFault.status(429));

    assertThatThrownBy(() -> client.chat().completions().createStreaming(params().build()).close())
        .isInstanceOf(RateLimitException.class);
  }

  @Test
  void retriesPastOneFailureAsTheRealApiWouldAllow() {
    stubs.openAi().reply(StubReply.text("Second time lucky.")).failNext(HttpFault.status(500));
    StringBuilder text = new StringBuilder();

    OpenAIClient retrying = clientWithRetries(1);
    try (StreamResponse<ChatCompletionChunk> stream = retrying.chat().completions().createStreaming(params().build())) {
      stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
    } finally {
      retrying.close();
    }

    assertThat(text.toString()).isEqualTo("Second time lucky.");
    assertThat(stubs.openAi().requestCount()).isEqualTo(2);
  }

  @Test
  void seesServerErrorAndUnauthorized() {
    stubs.openAi().fail(HttpFault.status(500));
    assertThatThrownBy(() -> client.chat().completions().create(params().build()))
        .isInstanceOf(InternalServerException.class);

    stubs.openAi().fail(HttpFault.status(401));
    assertThatThrownBy(() -> client.chat().completions().create(params().build()))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void seesInStreamErrorAsSseException() {
    stubs.openAi().reply(StubReply.text("One two three four.")).fail(HttpFault.streamError());

    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params().build())) {
        stream.stream().forEach(chunk -> {});
      }
    }).isInstanceOf(SseException.class);
  }

  @Test
  void seesCutStreamAsIoFailureAfterSomeTokens() {
    stubs.openAi().reply(StubReply.text("One two three four five six.")).fail(HttpFault.cutMidway());
    StringBuilder text = new StringBuilder();

    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params().build())) {
        stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)));
      }
    }).isInstanceOf(OpenAIIoException.class);
    assertThat(text.toString()).isEqualTo("One two three");
  }
}
