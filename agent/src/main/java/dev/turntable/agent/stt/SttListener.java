package dev.turntable.agent.stt;

@FunctionalInterface
public interface SttListener {
  void onStt(SttEvent event);
}
