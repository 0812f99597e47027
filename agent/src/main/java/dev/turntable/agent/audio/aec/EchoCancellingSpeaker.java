package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;

/**
 * The speaker as the agent sees it, also feeding the canceller's far-end reference: every chunk
 * handed to the speaker, in order, released as the speaker reports it played, the moment its first
 * sound came out, and the flush when a barge-in stops it.
 */
final class EchoCancellingSpeaker implements AudioSink {
  private final AudioSink delegate;
  private final FarEndReference reference;

  EchoCancellingSpeaker(AudioSink delegate, FarEndReference reference) {
    this.delegate = delegate;
    this.reference = reference;
    reference.followPlayback(delegate::framesPlayed);
  }

  @Override
  public PcmFormat format() {
    return delegate.format();
  }

  @Override
  public void setListener(PlaybackListener listener) {
    delegate.setListener(event -> {
      if (event instanceof PlaybackEvent.Started) {
        reference.started(); // the moment sound came out: where this stretch sits
      }
      listener.onPlayback(event);
    });
  }

  @Override
  public void play(byte[] pcm) {
    reference.add(pcm);
    delegate.play(pcm);
  }

  @Override
  public void stop() {
    reference.flush();
    delegate.stop();
  }

  @Override
  public long framesPlayed() {
    return delegate.framesPlayed();
  }

  @Override
  public void close() {
    reference.flush();
    delegate.close();
  }
}
