package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.e2e.CrossCorrelation.Match;
import dev.turntable.harness.e2e.CrossCorrelation.PiecewiseMatch;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossCorrelationTest {
  private static short[] noise(long seed, int samples) {
    Random random = new Random(seed);
    short[] out = new short[samples];
    for (int i = 0; i < samples; i++) {
      out[i] = (short) (random.nextGaussian() * 3_000);
    }
    return out;
  }

  private static short[] place(short[] clip, int at, int length) {
    short[] recording = new short[length];
    System.arraycopy(clip, 0, recording, at, clip.length);
    return recording;
  }

  @Test
  void findsAnIdenticalClipBitExactAtItsLag() {
    short[] clip = noise(1, 4_000);
    Match match = CrossCorrelation.find(place(clip, 12_345, 40_000), clip);

    assertThat(match.lag()).isEqualTo(12_345);
    assertThat(match.exact()).isTrue();
    assertThat(match.correlation()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void findsAQuieterNoisyCopyByCorrelationAlone() {
    short[] clip = noise(2, 4_000);
    short[] copy = new short[clip.length];
    short[] hiss = noise(3, clip.length);
    for (int i = 0; i < clip.length; i++) {
      copy[i] = (short) (clip[i] / 2 + hiss[i] / 20);
    }
    Match match = CrossCorrelation.find(place(copy, 7_000, 30_000), clip);

    assertThat(match.lag()).isEqualTo(7_000);
    assertThat(match.exact()).isFalse();
    assertThat(match.correlation()).isBetween(0.9, 1.0);
  }

  @Test
  void aClipThatIsNotThereCorrelatesPoorly() {
    assertThat(CrossCorrelation.find(noise(4, 30_000), noise(5, 4_000)).correlation()).isLessThan(0.2);
  }

  @Test
  void findsAClipPieceByPieceAcrossAnInsertedGap() {
    short[] clip = noise(6, 16_000);
    short[] withGap = new short[clip.length + 480]; // 30 ms of underrun after 0.5 s
    System.arraycopy(clip, 0, withGap, 0, 8_000);
    System.arraycopy(clip, 8_000, withGap, 8_480, 8_000);
    short[] recording = place(withGap, 20_000, 60_000);

    assertThat(CrossCorrelation.find(recording, clip).correlation()).isLessThan(0.9);
    PiecewiseMatch match = CrossCorrelation.findInPieces(recording, clip, 1_600);
    assertThat(match.start()).isEqualTo(20_000);
    assertThat(match.matched()).isEqualTo(match.pieces()).isEqualTo(10);
    assertThat(match.insertedSamples()).isEqualTo(480);
  }

  @Test
  void silentPiecesAreNotCounted() {
    short[] clip = Arrays.copyOf(noise(7, 3_200), 6_400);
    PiecewiseMatch match = CrossCorrelation.findInPieces(place(clip, 100, 20_000), clip, 1_600);

    assertThat(match.pieces()).isEqualTo(2);
    assertThat(match.matched()).isEqualTo(2);
  }
}
