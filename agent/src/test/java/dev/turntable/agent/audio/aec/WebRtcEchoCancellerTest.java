package dev.turntable.agent.audio.aec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import org.junit.jupiter.api.Test;

class WebRtcEchoCancellerTest {
  private static final int FRAME = 160;

  @Test
  void removesADelayedEchoAndKeepsAnotherVoice() throws Exception {
    short[] agent = TestSignals.babble(1, 8_000, 9_000);
    short[] user = new short[agent.length];
    System.arraycopy(TestSignals.babble(2, 1_500, 6_000), 0, user, 6 * TestSignals.RATE, 24_000);
    short[] mic = TestSignals.mix(TestSignals.echo(agent, 60, 0.25), user);
    short[] cleaned = new short[mic.length];
    try (WebRtcEchoCanceller aec = WebRtcEchoCanceller.open(PcmFormat.STT, PcmFormat.STT)) {
      byte[] out = new byte[FRAME * 2];
      for (int i = 0; i + FRAME <= mic.length; i += FRAME) {
        aec.process(slice(agent, i), slice(mic, i), out);
        System.arraycopy(TestSignals.samples(out), 0, cleaned, i, FRAME);
      }
      assertThat(aec.statistics().frames()).isEqualTo(mic.length / FRAME);
    }
    int echoFrom = 3 * TestSignals.RATE;
    int echoTo = 6 * TestSignals.RATE;
    double erle = TestSignals.levelDb(mic, echoFrom, echoTo) - TestSignals.levelDb(cleaned, echoFrom, echoTo);
    double userBefore = TestSignals.levelDb(mic, 6 * TestSignals.RATE, 7 * TestSignals.RATE + 8000);
    double userAfter = TestSignals.levelDb(cleaned, 6 * TestSignals.RATE, 7 * TestSignals.RATE + 8000);
    assertThat(erle).as("echo return loss enhancement, dB").isGreaterThan(15);
    assertThat(userAfter - userBefore).as("change of the other voice's level, dB").isBetween(-4.0, 1.0);
  }

  private static byte[] slice(short[] samples, int from) {
    short[] frame = new short[FRAME];
    System.arraycopy(samples, from, frame, 0, FRAME);
    return TestSignals.bytes(frame);
  }
}
