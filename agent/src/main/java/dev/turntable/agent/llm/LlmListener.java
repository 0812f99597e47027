package dev.turntable.agent.llm;

@FunctionalInterface
public interface LlmListener {
  void onLlm(LlmEvent event);
}
