package dev.turntable.agent.conversation;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply's audio as it arrived from TTS. The speaker discards what it has queued when it stops, so
 * a paused reply keeps its own copy to go on from the exact frame where the user stopped hearing it.
 */
final class ReplyAudio {
  private final List<byte[]> chunks = new ArrayList<>();
  private long bytes;

  void add(byte[] pcm) {
    chunks.add(pcm);
    bytes += pcm.length;
  }

  long frames() {
    return bytes / PcmFormat.BYTES_PER_FRAME;
  }

  /** The audio from {@code frame} (counted from the reply's first frame) to the end. */
  byte[] from(long frame) {
    long skip = Math.max(0, frame) * PcmFormat.BYTES_PER_FRAME;
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, bytes - skip));
    for (byte[] chunk : chunks) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      out.write(chunk, (int) skip, chunk.length - (int) skip);
      skip = 0;
    }
    return out.toByteArray();
  }
}
