package dev.turntable.harness.record;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackListener;
import dev.turntable.harness.fixture.FixtureWriter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A speaker that also writes to speaker.wav what was really played: queued audio is held back until
 * the sink reports it played ({@link AudioSink#framesPlayed()}), and audio discarded by {@link
 * #stop()} never reaches the file. The file is the played audio back to back, without the silences
 * between replies (agent.jsonl has the timing). The file is written on the recorder's thread; the
 * agent's loop only copies what was played.
 */
final class RecordingAudioSink implements AudioSink {
  private final AudioSink delegate;
  private final FixtureWriter writer;
  private final RecordingQueue queue;
  private final int frameBytes = PcmFormat.BYTES_PER_FRAME;
  private final Deque<byte[]> queued = new ArrayDeque<>();
  private int headOffset;
  private long framesWritten;

  RecordingAudioSink(AudioSink delegate, FixtureWriter writer, RecordingQueue queue) {
    this.delegate = delegate;
    this.writer = writer;
    this.queue = queue;
  }

  @Override
  public PcmFormat format() {
    return delegate.format();
  }

  @Override
  public void setListener(PlaybackListener listener) {
    delegate.setListener(
        event -> {
          catchUp(event.framesPlayed());
          listener.onPlayback(event);
        });
  }

  @Override
  public void play(byte[] pcm) {
    synchronized (this) {
      queued.addLast(pcm.clone());
    }
    delegate.play(pcm);
    catchUp(delegate.framesPlayed());
  }

  @Override
  public void stop() {
    delegate.stop();
    discardUnplayed();
  }

  @Override
  public long framesPlayed() {
    return delegate.framesPlayed();
  }

  @Override
  public void close() {
    discardUnplayed();
    delegate.close();
  }

  /** Writes what the speaker has played so far; the recorder calls it before finalising. */
  void recordPlayedSoFar() {
    catchUp(delegate.framesPlayed());
  }

  /** Writes what has been played since the last call. */
  private synchronized void catchUp(long framesPlayed) {
    long due = framesPlayed - framesWritten;
    while (due > 0 && !queued.isEmpty()) {
      byte[] head = queued.peekFirst();
      int available = (head.length - headOffset) / frameBytes;
      int frames = (int) Math.min(due, available);
      byte[] played = Arrays.copyOfRange(head, headOffset, headOffset + frames * frameBytes);
      int sampleRate = format().sampleRate();
      queue.submit("speaker.wav", () -> writer.writeSpeaker(sampleRate, played, 0, played.length));
      headOffset += frames * frameBytes;
      framesWritten += frames;
      due -= frames;
      if (head.length - headOffset < frameBytes) {
        queued.removeFirst();
        headOffset = 0;
      }
    }
  }

  /** After a stop (or at the end) nothing still queued will ever be heard. */
  private synchronized void discardUnplayed() {
    catchUp(delegate.framesPlayed());
    queued.clear();
    headOffset = 0;
    framesWritten = Math.max(framesWritten, delegate.framesPlayed());
  }
}
