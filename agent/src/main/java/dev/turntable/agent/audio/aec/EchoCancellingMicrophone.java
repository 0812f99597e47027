package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.util.Arrays;

/**
 * The microphone as STT sees it: each read is cancelled in 10 ms frames against the far-end
 * reference before it is returned. A short last read (the end of a file) is processed as a whole
 * frame padded with silence, so the canceller's input is the same however the stream is cut.
 */
final class EchoCancellingMicrophone implements AudioSource {
  private final AudioSource delegate;
  private final FarEndReference reference;
  private final WebRtcEchoCanceller canceller;
  private final EchoTap tap;
  private final Runnable onClose;
  private final byte[] near;
  private final byte[] far;
  private final byte[] cleaned;
  private byte[] raw = new byte[0];
  private byte[] farBlock = new byte[0];

  EchoCancellingMicrophone(
      AudioSource delegate,
      FarEndReference reference,
      WebRtcEchoCanceller canceller,
      EchoTap tap,
      Runnable onClose) {
    this.delegate = delegate;
    this.reference = reference;
    this.canceller = canceller;
    this.tap = tap;
    this.onClose = onClose;
    this.near = new byte[canceller.nearFrameBytes()];
    this.far = new byte[canceller.farFrameBytes()];
    this.cleaned = new byte[canceller.nearFrameBytes()];
  }

  @Override
  public PcmFormat format() {
    return delegate.format();
  }

  /** Reads like the microphone, then replaces the audio with its echo-cancelled version. */
  @Override
  public int read(byte[] buffer) throws IOException {
    if (buffer.length % near.length != 0) {
      throw new IllegalArgumentException(
          "echo cancellation reads whole 10 ms frames (" + near.length + " bytes); got " + buffer.length);
    }
    int n = delegate.read(buffer);
    if (n <= 0) {
      return n;
    }
    int frames = (n + near.length - 1) / near.length;
    raw = n <= raw.length ? raw : new byte[buffer.length];
    farBlock = frames * far.length <= farBlock.length ? farBlock : new byte[frames * far.length];
    System.arraycopy(buffer, 0, raw, 0, n);
    reference.heard(frames);
    for (int i = 0; i < frames; i++) {
      int offset = i * near.length;
      int length = Math.min(near.length, n - offset);
      System.arraycopy(buffer, offset, near, 0, length);
      Arrays.fill(near, length, near.length, (byte) 0);
      reference.next(far);
      if (!canceller.process(far, near, cleaned)) {
        return -1; // closed while reading: the stream has ended
      }
      System.arraycopy(far, 0, farBlock, i * far.length, far.length);
      System.arraycopy(cleaned, 0, buffer, offset, length);
    }
    tap.processed(raw, Arrays.copyOf(farBlock, frames * far.length), buffer, n);
    return n;
  }

  @Override
  public void close() {
    delegate.close();
    onClose.run();
  }
}
