package dev.turntable.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class PcmFrameAlignerTest {
  private final PcmFrameAligner aligner = new PcmFrameAligner(2);

  @Test
  void carriesAnOddTrailingByteIntoTheNextChunk() {
    assertThat(aligner.wholeFrames(new byte[] {1, 2, 3})).containsExactly(1, 2);
    assertThat(aligner.pendingBytes()).isEqualTo(1);
    assertThat(aligner.wholeFrames(new byte[] {4, 5, 6})).containsExactly(3, 4, 5, 6);
    assertThat(aligner.pendingBytes()).isZero();
  }

  @Test
  void singleBytesComeOutInPairs() {
    assertThat(aligner.wholeFrames(new byte[] {7})).isEmpty();
    assertThat(aligner.wholeFrames(new byte[] {8})).containsExactly(7, 8);
    assertThat(aligner.wholeFrames(new byte[0])).isEmpty();
  }

  @Test
  void anySplitOfAStreamReassemblesToTheSameFrames() {
    byte[] stream = new byte[101];
    for (int i = 0; i < stream.length; i++) {
      stream[i] = (byte) i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] sizes = {1, 3, 2, 7, 0, 5, 1, 1, 81};
    int offset = 0;
    for (int size : sizes) {
      byte[] chunk = java.util.Arrays.copyOfRange(stream, offset, offset + size);
      offset += size;
      byte[] frames = aligner.wholeFrames(chunk);
      assertThat(frames.length % 2).isZero();
      out.writeBytes(frames);
    }
    assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOf(stream, 100));
    assertThat(aligner.pendingBytes()).isEqualTo(1);
  }
}
