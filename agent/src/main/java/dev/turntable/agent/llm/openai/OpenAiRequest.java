package dev.turntable.agent.llm.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.turntable.agent.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Chat Completions request body: system message first, then the history, streamed. */
record OpenAiRequest(
    String model,
    List<Message> messages,
    boolean stream,
    @JsonProperty("max_completion_tokens") int maxCompletionTokens) {

  record Message(String role, String content) {}

  static OpenAiRequest of(OpenAiOptions options, List<ChatMessage> history) {
    List<Message> messages = new ArrayList<>(history.size() + 1);
    if (!options.systemPrompt().isBlank()) {
      messages.add(new Message("system", options.systemPrompt()));
    }
    for (ChatMessage message : history) {
      messages.add(new Message(message.role().name().toLowerCase(Locale.ROOT), message.content()));
    }
    return new OpenAiRequest(options.model(), List.copyOf(messages), true, options.maxTokens());
  }
}
