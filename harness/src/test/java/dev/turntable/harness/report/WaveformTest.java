package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaveformTest {
  private static byte[] pcm(int... samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return bytes;
  }

  @Test
  void keepsTheExtremesOfEachColumn() {
    Waveform.Envelope envelope =
        Waveform.envelope(pcm(0, 16384, -8192, 4096, 0, 0, 32767, -32768), 4);
    assertThat(envelope.columns()).isEqualTo(4);
    assertThat(envelope.max()).containsExactly(0.5f, 0.125f, 0f, 32767 / 32768f);
    assertThat(envelope.min()).containsExactly(0f, -0.25f, 0f, -1f);
    assertThat(envelope.peak()).isEqualTo(1f);
  }

  @Test
  void unevenColumnsStillCoverEverySample() {
    Waveform.Envelope envelope =
        Waveform.envelope(pcm(1000, 2000, 3000, 4000, 5000, -6000, 7000), 3);
    assertThat(envelope.max()).containsExactly(2000 / 32768f, 4000 / 32768f, 7000 / 32768f);
    assertThat(envelope.min()).containsExactly(1000 / 32768f, 3000 / 32768f, -6000 / 32768f);
  }

  @Test
  void moreColumnsThanSamplesLeavesNoColumnEmpty() {
    Waveform.Envelope envelope = Waveform.envelope(pcm(-16384, 16384), 5);
    assertThat(envelope.columns()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(envelope.min()[i]).isLessThanOrEqualTo(envelope.max()[i]);
      assertThat(Math.abs(envelope.max()[i])).isEqualTo(0.5f);
    }
  }

  @Test
  void aSineReachesItsAmplitudeInEveryColumnLongerThanAPeriod() {
    byte[] tone = new byte[SyntheticSession.MIC.bytesForMillis(1000)];
    Tones.write(tone, SyntheticSession.MIC, 0, 1000, 100, 0.5);
    Waveform.Envelope envelope = Waveform.envelope(tone, 20); // 50 ms columns, 10 ms periods
    assertThat(envelope.peak()).isCloseTo(0.5f, within(0.01f));
    assertThat(envelope.max()[10]).isPositive();
    assertThat(envelope.min()[10]).isCloseTo(-envelope.max()[10], within(0.02f));
  }

  @Test
  void noAudioOrNoColumnsGiveAnEmptyEnvelope() {
    assertThat(Waveform.envelope(new byte[0], 100).columns()).isZero();
    assertThat(Waveform.envelope(pcm(5), 0).columns()).isZero();
    assertThat(Waveform.envelope(new byte[1], 10).columns()).isZero(); // half a frame
  }
}
