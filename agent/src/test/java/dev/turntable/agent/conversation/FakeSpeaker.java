package dev.turntable.agent.conversation;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;

/** A speaker the test plays by hand: {@link #playFrames} moves audio out of the "device". */
final class FakeSpeaker implements AudioSink {
  private PlaybackListener listener;
  private final java.util.function.LongSupplier clockMs;
  private long silencedAtMs = -1;
  /** Spans during which a stopped reply was silent until its audio was queued again. */
  final java.util.List<Long> silentSpansMs = new java.util.ArrayList<>();

  FakeSpeaker() {
    this(() -> 0);
  }

  FakeSpeaker(java.util.function.LongSupplier clockMs) {
    this.clockMs = clockMs;
  }
  long framesQueued;
  long framesPlayed;
  int stops;

  @Override
  public PcmFormat format() {
    return FakeSynthesizer.FORMAT;
  }

  @Override
  public void setListener(PlaybackListener listener) {
    this.listener = listener;
  }

  @Override
  public void play(byte[] pcm) {
    if (silencedAtMs >= 0) {
      silentSpansMs.add(clockMs.getAsLong() - silencedAtMs);
      silencedAtMs = -1;
    }
    framesQueued += pcm.length / PcmFormat.BYTES_PER_FRAME;
  }

  /** Plays up to {@code frames} of what is queued, reporting Started and Drained like a device. */
  void playFrames(long frames) {
    long pending = framesQueued - framesPlayed;
    if (pending <= 0) {
      return;
    }
    if (framesPlayed == framesQueued - pending && frames > 0 && !audible) {
      audible = true;
      listener.onPlayback(new PlaybackEvent.Started(framesPlayed));
    }
    framesPlayed += Math.min(frames, pending);
    if (framesPlayed == framesQueued) {
      audible = false;
      listener.onPlayback(new PlaybackEvent.Drained(framesPlayed));
    }
  }

  private boolean audible;

  long pendingFrames() {
    return framesQueued - framesPlayed;
  }

  boolean audible() {
    return audible;
  }

  @Override
  public void stop() {
    stops++;
    framesQueued = framesPlayed;
    if (audible) {
      audible = false;
      silencedAtMs = clockMs.getAsLong();
    }
    listener.onPlayback(new PlaybackEvent.Stopped(framesPlayed));
  }

  @Override
  public long framesPlayed() {
    return framesPlayed;
  }

  @Override
  public void close() {}
}
