package dev.turntable.agent.conversation;

/** What the console shows: what the agent is doing now. */
public enum AgentState {
  LISTENING,
  THINKING,
  SPEAKING,
  INTERRUPTED
}
