package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.llm.LlmListener;
import java.util.ArrayList;
import java.util.List;

/** An LLM whose replies the test types in, delta by delta. */
final class FakeChatModel implements ChatModel {
  static final class Call {
    final List<ChatMessage> history;
    final LlmListener listener;
    boolean cancelled;

    Call(List<ChatMessage> history, LlmListener listener) {
      this.history = history;
      this.listener = listener;
    }

    Call say(String delta) {
      listener.onLlm(new LlmEvent.TextDelta(delta));
      return this;
    }

    void finish() {
      listener.onLlm(new LlmEvent.Completed("stop"));
    }

    void fail(String message) {
      listener.onLlm(new LlmEvent.Failed(message));
    }
  }

  final List<Call> calls = new ArrayList<>();

  @Override
  public Cancellable stream(List<ChatMessage> history, LlmListener listener) {
    Call call = new Call(history, listener);
    calls.add(call);
    return () -> call.cancelled = true;
  }

  Call last() {
    return calls.get(calls.size() - 1);
  }
}
