package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeechAudioTest {
  private static final String SENTENCE = "Hello there, how are you doing today?";

  @Test
  void toneLastsSixtyFiveMillisecondsPerCharacter() {
    SpeechAudio audio = SpeechAudio.create(SpeechEngine.TONE);

    byte[] pcm = audio.pcm(SENTENCE, 24_000);

    assertThat(audio.engineName()).isEqualTo("tone");
    assertThat(pcm.length).isEqualTo(SENTENCE.length() * 65 * 24 * 2);
    assertThat(peak(pcm)).isGreaterThan(5_000);
  }

  @Test
  void cachesByTextAndRate() {
    SpeechAudio audio = SpeechAudio.create(SpeechEngine.TONE);

    assertThat(audio.pcm("Hi.", 16_000)).isSameAs(audio.pcm("Hi.", 16_000));
    assertThat(audio.pcm("Hi.", 16_000)).isNotSameAs(audio.pcm("Hi.", 24_000));
  }

  /** Real speech where espeak-ng is installed; otherwise AUTO must fall back to the tone. */
  @Test
  void autoSpeaksWithEspeakWhenInstalledOrFallsBackToTone() {
    SpeechAudio audio = SpeechAudio.create(SpeechEngine.AUTO);
    boolean espeak = EspeakSpeech.findOnPath("espeak-ng").isPresent();

    byte[] at16k = audio.pcm(SENTENCE, 16_000);
    byte[] at44k = audio.pcm(SENTENCE, 44_100);

    assertThat(audio.engineName()).startsWith(espeak ? "espeak-ng" : "tone");
    assertThat(at16k.length % 2).isZero();
    assertThat(at44k.length % 2).isZero();
    double seconds = at16k.length / (2.0 * 16_000);
    assertThat(seconds / SENTENCE.length()).as("seconds per character").isBetween(0.035, 0.12);
    assertThat((double) at44k.length / at16k.length).isCloseTo(44_100.0 / 16_000, within(0.01));
    assertThat(peak(at16k)).isGreaterThan(2_000);
  }

  @Test
  void espeakWithoutSoxResamplesInJavaToTheSameLength() throws Exception {
    Optional<Path> espeak = EspeakSpeech.findOnPath("espeak-ng");
    SpeechRenderer withoutSox = espeak.<SpeechRenderer>map(e -> new EspeakSpeech(e, Optional.empty()))
        .orElseGet(ToneSpeech::new);

    byte[] pcm = withoutSox.render(SENTENCE, 24_000);

    assertThat(pcm.length % 2).isZero();
    assertThat(pcm.length / (2.0 * 24_000) / SENTENCE.length()).isBetween(0.035, 0.12);
    if (espeak.isPresent()) {
      byte[] withSox = new EspeakSpeech(espeak.get(), EspeakSpeech.findOnPath("sox")).render(SENTENCE, 24_000);
      assertThat((double) pcm.length / withSox.length).isCloseTo(1.0, within(0.01));
    }
  }

  @Test
  void linearResamplingKeepsDurationAndLevel() {
    byte[] constant = new byte[16_000 * 2];
    for (int i = 0; i < constant.length; i += 2) {
      constant[i] = (byte) 0xE8; // 1000 as S16LE
      constant[i + 1] = 0x03;
    }

    byte[] resampled = LinearResampler.resample(constant, 16_000, 24_000);

    assertThat(resampled.length).isEqualTo(24_000 * 2);
    assertThat(peak(resampled)).isEqualTo(1000);
  }

  private static int peak(byte[] pcm) {
    int peak = 0;
    for (int i = 0; i + 1 < pcm.length; i += 2) {
      peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
    }
    return peak;
  }
}
