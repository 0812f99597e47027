package dev.turntable.agent.conversation;

import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatMessage.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What was said, as the user experienced it: user turns as transcribed, agent replies only as far
 * as they were heard. Consecutive user turns are merged, since some LLM APIs require alternation.
 * Only the oldest messages beyond {@code maxMessages} are forgotten.
 */
final class ConversationHistory {
  private final List<ChatMessage> messages = new ArrayList<>();
  private final int maxMessages;

  ConversationHistory(int maxMessages) {
    this.maxMessages = maxMessages;
  }

  void addUser(String text) {
    int last = messages.size() - 1;
    if (last >= 0 && messages.get(last).role() == Role.USER) {
      messages.set(last, ChatMessage.user(messages.get(last).content() + " " + text));
    } else {
      messages.add(ChatMessage.user(text));
    }
    trim();
  }

  void addAssistant(String text) {
    if (!text.isBlank()) {
      messages.add(ChatMessage.assistant(text));
      trim();
    }
  }

  int size() {
    return messages.size();
  }

  List<ChatMessage> snapshot() {
    return List.copyOf(messages);
  }

  private void trim() {
    // Keep the history starting with a user message after trimming.
    while (messages.size() > maxMessages
        || (!messages.isEmpty() && messages.get(0).role() != Role.USER)) {
      messages.remove(0);
    }
  }
}
