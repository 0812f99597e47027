package dev.turntable.agent.http;

/**
 * Cuts a byte stream into whole PCM frames. The network splits a response wherever it likes, so a
 * chunk can end in the middle of a 16-bit sample; the odd byte waits here for the next chunk.
 */
public final class PcmFrameAligner {
  private static final byte[] NONE = new byte[0];

  private final int frameSize;
  private final byte[] pending;
  private int pendingLength;

  public PcmFrameAligner(int frameSize) {
    if (frameSize < 1) {
      throw new IllegalArgumentException("frame size must be positive, was " + frameSize);
    }
    this.frameSize = frameSize;
    this.pending = new byte[frameSize];
  }

  /** The whole frames available after {@code chunk}; may be empty. */
  public byte[] wholeFrames(byte[] chunk) {
    int total = pendingLength + chunk.length;
    int usable = total - total % frameSize;
    if (usable == 0) {
      System.arraycopy(chunk, 0, pending, pendingLength, chunk.length);
      pendingLength = total;
      return NONE;
    }
    byte[] frames = new byte[usable];
    System.arraycopy(pending, 0, frames, 0, pendingLength);
    int fromChunk = usable - pendingLength;
    System.arraycopy(chunk, 0, frames, pendingLength, fromChunk);
    pendingLength = chunk.length - fromChunk;
    System.arraycopy(chunk, fromChunk, pending, 0, pendingLength);
    return frames;
  }

  /** Bytes held back because they do not yet make a whole frame. */
  int pendingBytes() {
    return pendingLength;
  }
}
