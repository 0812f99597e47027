package dev.turntable.agent.tts;

@FunctionalInterface
public interface TtsListener {
  void onTts(TtsEvent event);
}
