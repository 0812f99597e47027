package dev.turntable.agent.llm;

import dev.turntable.agent.Cancellable;
import java.util.List;

/** A streaming chat LLM. The system prompt, model and limits belong to the adapter's settings. */
public interface ChatModel {
  /**
   * Starts streaming a reply to {@code history} (oldest first, ending with the user's turn). Events
   * arrive on an HTTP thread: any number of {@link LlmEvent.TextDelta}, then exactly one
   * {@link LlmEvent.Completed} or {@link LlmEvent.Failed} — unless cancelled, after which nothing
   * more is delivered.
   */
  Cancellable stream(List<ChatMessage> history, LlmListener listener);
}
