package dev.turntable.harness.record;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;

/** A speaker the test drives: it plays only when told, and reports like a real sink. */
final class FakeSpeaker implements AudioSink {
  private final PcmFormat format;
  private PlaybackListener listener = e -> {};
  private long queuedFrames;
  private long playedFrames;

  FakeSpeaker(PcmFormat format) {
    this.format = format;
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public void setListener(PlaybackListener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized void play(byte[] pcm) {
    queuedFrames += pcm.length / PcmFormat.BYTES_PER_FRAME;
  }

  /** Plays up to {@code frames} of what is queued and reports it. */
  void playFrames(long frames) {
    long played;
    boolean drained;
    synchronized (this) {
      playedFrames = Math.min(queuedFrames, playedFrames + frames);
      played = playedFrames;
      drained = playedFrames == queuedFrames;
    }
    listener.onPlayback(
        drained ? new PlaybackEvent.Drained(played) : new PlaybackEvent.Started(played));
  }

  @Override
  public void stop() {
    long played;
    synchronized (this) {
      queuedFrames = playedFrames;
      played = playedFrames;
    }
    listener.onPlayback(new PlaybackEvent.Stopped(played));
  }

  @Override
  public synchronized long framesPlayed() {
    return playedFrames;
  }

  @Override
  public void close() {}
}
