package dev.turntable.agent.llm.anthropic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.turntable.agent.llm.ChatMessage;
import java.util.List;
import java.util.Locale;

/** The Messages request body: the system prompt is a top-level field, not a message. */
record AnthropicRequest(
    String model,
    @JsonProperty("max_tokens") int maxTokens,
    @JsonInclude(JsonInclude.Include.NON_NULL) String system,
    List<Message> messages,
    boolean stream) {

  record Message(String role, String content) {}

  static AnthropicRequest of(AnthropicOptions options, List<ChatMessage> history) {
    List<Message> messages = history.stream()
        .map(m -> new Message(m.role().name().toLowerCase(Locale.ROOT), m.content()))
        .toList();
    String system = options.systemPrompt().isBlank() ? null : options.systemPrompt();
    return new AnthropicRequest(options.model(), options.maxTokens(), system, messages, true);
  }
}
