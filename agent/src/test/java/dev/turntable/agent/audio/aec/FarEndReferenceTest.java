package dev.turntable.agent.audio.aec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import org.junit.jupiter.api.Test;

class FarEndReferenceTest {
  private final FarEndReference reference = new FarEndReference(PcmFormat.STT);
  private final byte[] frame = new byte[320];

  @Test
  void givesWhatWasPlayedInOrderThenSilence() {
    byte[] first = filled(400, (byte) 1);
    byte[] second = filled(240, (byte) 2);
    reference.add(first);
    reference.add(second);

    reference.next(frame);
    assertThat(frame).containsOnly((byte) 1);
    reference.next(frame);
    assertThat(slice(frame, 0, 80)).containsOnly((byte) 1);
    assertThat(slice(frame, 80, 320)).containsOnly((byte) 2);
    reference.next(frame);
    assertThat(frame).containsOnly((byte) 0);
  }

  @Test
  void keepsASampleSplitAcrossChunksWhole() {
    reference.add(new byte[] {1, 2, 3});
    reference.add(new byte[] {4});
    reference.next(frame);
    assertThat(slice(frame, 0, 4)).containsExactly(1, 2, 3, 4);
    assertThat(slice(frame, 4, 320)).containsOnly((byte) 0);
  }

  @Test
  void releasesAudioOnlyAsTheSpeakerPlaysItThenRunsWithoutGaps() {
    long[] played = {1_000};
    reference.followPlayback(() -> played[0]);
    reference.add(filled(6400, (byte) 7));
    reference.next(frame);
    assertThat(frame).as("nothing played yet").containsOnly((byte) 0);
    played[0] += 480; // 30 ms: less than the prime
    reference.next(frame);
    assertThat(frame).as("priming").containsOnly((byte) 0);
    played[0] += 480; // 60 ms played: primed
    reference.next(frame);
    assertThat(frame).containsOnly((byte) 7);
    for (int i = 0; i < 5; i++) { // the position stands still a while: the reference runs on
      reference.next(frame);
      assertThat(frame).containsOnly((byte) 7);
    }
    reference.next(frame);
    assertThat(frame).as("all 60 ms played so far have been taken").containsOnly((byte) 0);
    played[0] += 1_600;
    reference.next(frame);
    assertThat(frame).as("primes again before running").containsOnly((byte) 7);
  }

  @Test
  void flushDropsWhatTheSpeakerWillNeverPlay() {
    long[] played = {0};
    reference.followPlayback(() -> played[0]);
    reference.add(filled(3200, (byte) 7));
    played[0] = 160;
    reference.flush();
    played[0] = 1_600; // the position runs on a little while the line closes
    reference.next(frame);
    assertThat(frame).as("what played before the stop").containsOnly((byte) 7);
    reference.next(frame);
    assertThat(frame).containsOnly((byte) 0);
    assertThat(reference.queuedBytes()).isZero();
  }

  @Test
  void aSpeakerAt24kHzGivesFramesOf240Samples() {
    assertThat(new FarEndReference(new PcmFormat(24_000)).frameBytes()).isEqualTo(480);
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }
}
