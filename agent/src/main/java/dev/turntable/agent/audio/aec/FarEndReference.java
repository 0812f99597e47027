package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.function.LongSupplier;

/**
 * The far-end reference: the audio handed to the speaker, released to the canceller as the speaker
 * reports it played ({@code framesPlayed}), and taken one 10 ms frame per 10 ms of microphone
 * audio. Following the speaker's own position keeps the reference in step with the sound in the
 * room when the output starts late, underruns or is stopped: silence while nothing plays, and what
 * a barge-in's {@link #flush()} discards never enters it. The echo reaches the microphone after the
 * reference (line buffers, the air); AEC3 finds that delay itself.
 *
 * <p>The position advances in bursts (the speaker polls its line every few ms, the microphone
 * delivers 50 ms at a time), so a stretch of playback starts only once {@link #PRIME_MS} of it
 * has played, and then runs one frame per microphone frame without gaps: a linear echo canceller
 * needs the delay between reference and echo to stay put, and a gap inserted by a late position
 * reading would move it. Only when the played audio runs out (the end of a reply, a real
 * underrun, a stop) does the reference fall silent and wait to prime again.
 *
 * <p>Thread-safe: the event loop adds and flushes, the microphone thread takes frames.
 */
final class FarEndReference {
  /** Played audio not yet taken is capped here, so a stalled microphone cannot build up a lag. */
  private static final int MAX_BACKLOG_MS = 1_000;
  /** Played audio held back at the start of a stretch, to absorb the position's bursts. */
  static final int PRIME_MS = 60;

  private final int frameBytes;
  private final int maxBacklogBytes;
  private final int primeBytes;
  private boolean running;
  private final ByteFifo queued = new ByteFifo();
  private final ByteFifo played = new ByteFifo();
  /** An odd byte of a chunk split mid-sample, waiting for the rest of its sample. */
  private final ByteArrayOutputStream carry = new ByteArrayOutputStream(1);
  private LongSupplier framesPlayed = () -> Long.MAX_VALUE;
  private long framesSeen = -1;

  FarEndReference(PcmFormat speaker) {
    this.frameBytes = WebRtcEchoCanceller.frameBytes(speaker);
    this.maxBacklogBytes = speaker.bytesForMillis(MAX_BACKLOG_MS);
    this.primeBytes = speaker.bytesForMillis(PRIME_MS);
  }

  int frameBytes() {
    return frameBytes;
  }

  /** The speaker's running count of frames played; until set, audio counts as played at once. */
  synchronized void followPlayback(LongSupplier framesPlayed) {
    this.framesPlayed = framesPlayed;
    this.framesSeen = framesPlayed.getAsLong();
  }

  synchronized void add(byte[] pcm) {
    carry.writeBytes(pcm);
    byte[] all = carry.toByteArray();
    int whole = all.length - all.length % PcmFormat.BYTES_PER_FRAME;
    queued.add(all, 0, whole);
    carry.reset();
    carry.write(all, whole, all.length - whole);
  }

  /** Counts what has played so far, then drops what never will: the speaker is being stopped. */
  synchronized void flush() {
    catchUp();
    queued.clear();
    carry.reset();
  }

  /** Fills {@code frame} with the next 10 ms the speaker played, zeros where it played nothing. */
  synchronized void next(byte[] frame) {
    catchUp();
    if (!running && played.size() >= Math.min(primeBytes, played.size() + queued.size())
        && played.size() > 0) {
      running = true; // primed, or all there is has played (a clip shorter than the prime)
    }
    if (!running) {
      java.util.Arrays.fill(frame, 0, frameBytes, (byte) 0);
      return;
    }
    played.take(frame, frameBytes);
    if (played.size() == 0) {
      running = false;
    }
  }

  synchronized int queuedBytes() {
    return queued.size();
  }

  /** Moves what the speaker has played since the last look from queued to played. */
  private void catchUp() {
    long now = framesPlayed.getAsLong();
    long bytes = now == Long.MAX_VALUE ? queued.size() : (now - framesSeen) * PcmFormat.BYTES_PER_FRAME;
    framesSeen = now == Long.MAX_VALUE ? framesSeen : now;
    if (bytes > 0) {
      queued.moveTo(played, (int) Math.min(bytes, queued.size()));
    }
    if (played.size() > maxBacklogBytes) {
      played.skip(played.size() - maxBacklogBytes);
    }
  }

  /** A growable byte queue. */
  private static final class ByteFifo {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    int size() {
      return end - start;
    }

    void add(byte[] source, int offset, int length) {
      ensureRoom(length);
      System.arraycopy(source, offset, bytes, end, length);
      end += length;
    }

    void moveTo(ByteFifo target, int length) {
      target.add(bytes, start, length);
      skip(length);
    }

    /** Copies {@code length} bytes out, zero-filled past what there is. */
    void take(byte[] target, int length) {
      int n = Math.min(length, size());
      System.arraycopy(bytes, start, target, 0, n);
      java.util.Arrays.fill(target, n, length, (byte) 0);
      skip(n);
    }

    void skip(int length) {
      start += length;
      if (start == end) {
        clear();
      }
    }

    void clear() {
      start = 0;
      end = 0;
    }

    private void ensureRoom(int more) {
      if (end + more <= bytes.length) {
        return;
      }
      int live = size();
      byte[] target = live + more <= bytes.length ? bytes : new byte[Math.max(2 * bytes.length, live + more)];
      System.arraycopy(bytes, start, target, 0, live);
      bytes = target;
      start = 0;
      end = live;
    }
  }
}
