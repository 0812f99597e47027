package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The far-end reference: the audio handed to the speaker, in order, consumed one 10 ms frame per 10
 * ms of microphone audio. The microphone's pace is real time, so the reference runs at the
 * speaker's pace: it starts when audio is handed over, is silence while nothing is queued, and
 * loses what {@link #flush()} (a barge-in's stop) discards, as the speaker does. The echo reaches
 * the microphone after the reference (line buffers, the air); AEC3 finds that delay itself.
 *
 * <p>Thread-safe: the event loop adds and flushes, the microphone thread takes frames.
 */
final class FarEndReference {
  private final int frameBytes;
  private byte[] queued = new byte[0];
  private int start;
  private int end;
  /** An odd byte of a chunk split mid-sample, waiting for the rest of its sample. */
  private final ByteArrayOutputStream carry = new ByteArrayOutputStream(1);

  FarEndReference(PcmFormat speaker) {
    this.frameBytes = WebRtcEchoCanceller.frameBytes(speaker);
  }

  int frameBytes() {
    return frameBytes;
  }

  synchronized void add(byte[] pcm) {
    byte[] whole = pcm;
    if (carry.size() > 0 || pcm.length % PcmFormat.BYTES_PER_FRAME != 0) {
      carry.writeBytes(pcm);
      byte[] all = carry.toByteArray();
      int usable = all.length - all.length % PcmFormat.BYTES_PER_FRAME;
      whole = Arrays.copyOf(all, usable);
      carry.reset();
      carry.write(all, usable, all.length - usable);
    }
    ensureRoom(whole.length);
    System.arraycopy(whole, 0, queued, end, whole.length);
    end += whole.length;
  }

  /** Everything not yet referenced is dropped: the speaker will never play it. */
  synchronized void flush() {
    start = 0;
    end = 0;
    carry.reset();
  }

  /** Fills {@code frame} with the next 10 ms handed to the speaker, zeros where there is none. */
  synchronized void next(byte[] frame) {
    int n = Math.min(frameBytes, end - start);
    System.arraycopy(queued, start, frame, 0, n);
    Arrays.fill(frame, n, frameBytes, (byte) 0);
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  synchronized int queuedBytes() {
    return end - start;
  }

  private void ensureRoom(int more) {
    if (end + more <= queued.length) {
      return;
    }
    int live = end - start;
    byte[] target = live + more <= queued.length ? queued : new byte[Math.max(2 * queued.length, live + more)];
    System.arraycopy(queued, start, target, 0, live);
    queued = target;
    start = 0;
    end = live;
  }
}
