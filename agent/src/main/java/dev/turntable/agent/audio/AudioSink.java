package dev.turntable.agent.audio;

/**
 * Where the agent's voice goes. It owns its own thread: {@link #play} only queues, so the event
 * loop never blocks on a device. It reports what really came out of the device, so "the agent is
 * speaking" means audio is audible and the end of playback is exact.
 */
public interface AudioSink extends AutoCloseable {
  PcmFormat format();

  /** Receives playback events on the sink's own thread; set once before the first {@link #play}. */
  void setListener(PlaybackListener listener);

  /** Queues audio to play after what is already queued. Never blocks. */
  void play(byte[] pcm);

  /** Silences the output at once and discards everything queued; reports {@link PlaybackEvent.Stopped}. */
  void stop();

  /** Frames that have actually been played since the sink was opened. */
  long framesPlayed();

  @Override
  void close();
}
