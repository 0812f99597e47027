package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PcmFormat;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Audio waiting to be written, as one byte stream. Chunks from a streaming TTS may split a 16-bit
 * sample in two; the odd byte waits here for the next chunk instead of shifting every later sample.
 * Not thread-safe: owned by the speaker's writer thread.
 */
final class PcmQueue {
  private final Deque<byte[]> chunks = new ArrayDeque<>();
  private int headOffset;
  private long bytes;

  void add(byte[] pcm) {
    if (pcm.length > 0) {
      chunks.addLast(pcm);
      bytes += pcm.length;
    }
  }

  /** Whole frames queued, in bytes. */
  long frameBytes() {
    return bytes - bytes % PcmFormat.BYTES_PER_FRAME;
  }

  boolean hasFrames() {
    return frameBytes() > 0;
  }

  /** Copies up to {@code max} bytes of whole frames into {@code target} without removing them. */
  int peek(byte[] target, int max) {
    int wanted = (int) Math.min(Math.min(max, target.length), frameBytes());
    wanted -= wanted % PcmFormat.BYTES_PER_FRAME;
    int copied = 0;
    int offset = headOffset;
    for (byte[] chunk : chunks) {
      if (copied == wanted) {
        break;
      }
      int n = Math.min(chunk.length - offset, wanted - copied);
      System.arraycopy(chunk, offset, target, copied, n);
      copied += n;
      offset = 0;
    }
    return copied;
  }

  /** Removes {@code count} bytes from the front: the part the line accepted. */
  void remove(int count) {
    if (count < 0 || count > bytes) {
      throw new IllegalArgumentException("cannot remove " + count + " of " + bytes + " queued bytes");
    }
    bytes -= count;
    int left = count;
    while (left > 0) {
      byte[] head = chunks.peekFirst();
      int inHead = head.length - headOffset;
      if (left < inHead) {
        headOffset += left;
        return;
      }
      left -= inHead;
      chunks.removeFirst();
      headOffset = 0;
    }
  }

  void clear() {
    chunks.clear();
    headOffset = 0;
    bytes = 0;
  }
}
