package dev.turntable.agent.audio;

/**
 * What the speaker reports. {@code framesPlayed} is the sink's running total at the moment of the
 * event, so the listener can tell how much of what it queued was heard.
 */
public sealed interface PlaybackEvent {
  long framesPlayed();

  /** The first frame after silence has come out of the device. */
  record Started(long framesPlayed) implements PlaybackEvent {}

  /** Everything queued has been played; the device is silent again. */
  record Drained(long framesPlayed) implements PlaybackEvent {}

  /** {@link AudioSink#stop()} took effect; queued audio was discarded. */
  record Stopped(long framesPlayed) implements PlaybackEvent {}

  /** The device stopped accepting audio (short writes on a started line). */
  record DeviceLost(long framesPlayed, String message) implements PlaybackEvent {}
}
