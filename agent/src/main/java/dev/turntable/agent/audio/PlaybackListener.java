package dev.turntable.agent.audio;

@FunctionalInterface
public interface PlaybackListener {
  void onPlayback(PlaybackEvent event);
}
