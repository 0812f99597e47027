package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The microphone of a scripted conversation has the same length and its voice falls in the same
 * spans whichever engine speaks, so the scripted transcript — and every decision — stays the same.
 */
class ConversationAudioTest {
  private static final ConversationScript SCRIPT =
      new ConversationScript(
          "two lines",
          List.of(),
          List.of(new ConversationScript.UserLine("When does the museum open?", 500),
              new ConversationScript.UserLine("Mhm.", 4000, 400L)),
          List.of("At nine."),
          2000,
          null);

  @Test
  void theToneFallbackFillsExactlyTheScriptedSpans() {
    assertVoiceOnlyInSpans(ConversationAudio.micPcm(SCRIPT, SpeechAudio.create(SpeechEngine.TONE)));
  }

  @Test
  void espeakWhereInstalledGivesTheSameLengthAndSpans() {
    byte[] tone = ConversationAudio.micPcm(SCRIPT, SpeechAudio.create(SpeechEngine.TONE));
    byte[] auto = ConversationAudio.micPcm(SCRIPT, SpeechAudio.create(SpeechEngine.AUTO));
    assertThat(auto).hasSameSizeAs(tone);
    assertVoiceOnlyInSpans(auto);
  }

  private static void assertVoiceOnlyInSpans(byte[] pcm) {
    PcmFormat format = PcmFormat.STT;
    assertThat(pcm.length % format.bytesForMillis(50)).as("whole 50 ms frames").isZero();
    assertThat(format.millisForBytes(pcm.length)).isGreaterThanOrEqualTo(SCRIPT.micDurationMs());
    for (int ms = 0; ms + 10 <= format.millisForBytes(pcm.length); ms += 10) {
      long at = ms;
      boolean outside = SCRIPT.user().stream().allMatch(l -> at + 10 <= l.atMs() || at >= l.endMs());
      double rms = rms(pcm, format.bytesForMillis(ms), format.bytesForMillis(10));
      if (outside) {
        assertThat(rms).as("silence at %d ms", ms).isZero();
      }
    }
    for (ConversationScript.UserLine line : SCRIPT.user()) {
      int first = format.bytesForMillis(line.atMs());
      int last = format.bytesForMillis(line.endMs()) - format.bytesForMillis(20);
      assertThat(rms(pcm, first, format.bytesForMillis(20))).as("voice starts at %d ms", line.atMs()).isPositive();
      assertThat(rms(pcm, last, format.bytesForMillis(20))).as("voice lasts to %d ms", line.endMs()).isPositive();
    }
  }

  private static double rms(byte[] pcm, int from, int length) {
    double sum = 0;
    for (int i = from; i + 1 < from + length && i + 1 < pcm.length; i += 2) {
      int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
      sum += (double) s * s;
    }
    return Math.sqrt(sum / (length / 2.0));
  }
}
