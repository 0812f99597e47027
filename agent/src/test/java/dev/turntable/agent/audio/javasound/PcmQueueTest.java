package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcmQueueTest {
  private final PcmQueue queue = new PcmQueue();

  @Test
  void handsOutWholeFramesAcrossChunks() {
    queue.add(new byte[] {1, 2, 3});
    queue.add(new byte[] {4, 5, 6, 7});
    byte[] target = new byte[10];

    int n = queue.peek(target, 10);

    assertThat(n).isEqualTo(6);
    assertThat(Arrays.copyOf(target, n)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(queue.frameBytes()).isEqualTo(6);
  }

  @Test
  void anOddByteWaitsForTheNextChunk() {
    queue.add(new byte[] {1, 2, 3});
    byte[] target = new byte[10];
    queue.remove(queue.peek(target, 10));

    assertThat(queue.hasFrames()).isFalse();
    queue.add(new byte[] {4});

    assertThat(queue.peek(target, 10)).isEqualTo(2);
    assertThat(Arrays.copyOf(target, 2)).containsExactly(3, 4);
  }

  @Test
  void removesOnlyWhatTheLineAccepted() {
    queue.add(new byte[] {1, 2, 3, 4});
    queue.add(new byte[] {5, 6});
    byte[] target = new byte[4];

    queue.remove(queue.peek(target, 2));
    int n = queue.peek(target, 4);

    assertThat(Arrays.copyOf(target, n)).containsExactly(3, 4, 5, 6);
  }

  @Test
  void neverHandsOutMoreThanAsked() {
    queue.add(new byte[100]);

    assertThat(queue.peek(new byte[100], 7)).isEqualTo(6);
    assertThat(queue.peek(new byte[4], 100)).isEqualTo(4);
  }

  @Test
  void clearForgetsEverything() {
    queue.add(new byte[] {1, 2, 3});
    queue.clear();

    assertThat(queue.frameBytes()).isZero();
    queue.add(new byte[] {7, 8});
    byte[] target = new byte[2];
    queue.peek(target, 2);
    assertThat(target).containsExactly(7, 8);
  }
}
