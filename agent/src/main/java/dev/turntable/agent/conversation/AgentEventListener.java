package dev.turntable.agent.conversation;

/** Receives agent events on the event loop thread; implementations must not block. */
@FunctionalInterface
public interface AgentEventListener {
  void onEvent(AgentEvent event);
}
