package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Assumptions;

/**
 * MP3 tests need lame or ffmpeg. They skip with the reason where neither is installed, and fail
 * when {@code TURNTABLE_REQUIRE_ENCODERS=true} (CI installs lame).
 */
final class Encoders {
  static final String REQUIRE_ENV = "TURNTABLE_REQUIRE_ENCODERS";
  private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};
  private static final int[] MPEG2_RATES = {22_050, 24_000, 16_000};

  private Encoders() {}

  static void requireMp3() {
    if (AudioEncoder.fromPath().canEncode(SpeechFormat.elevenLabs("mp3_44100_128"))) {
      return;
    }
    String message = "neither lame nor ffmpeg is on the PATH (apt-get install lame)";
    if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
      fail(message + "; " + REQUIRE_ENV + "=true");
    }
    Assumptions.abort(message);
  }

  /**
   * The bytes are MPEG audio layer III frames at this sample rate, and as long as {@code seconds}
   * of audio at this constant bit rate (give or take the encoder's padding and info frame).
   */
  static void assertMp3(byte[] mp3, int sampleRate, int bitRate, double seconds) {
    assertThat(mp3.length).as("bytes").isGreaterThan(4);
    int b1 = mp3[1] & 0xFF;
    int b2 = mp3[2] & 0xFF;
    assertThat(mp3[0] & 0xFF).as("frame sync").isEqualTo(0xFF);
    assertThat(b1 & 0xE0).as("frame sync").isEqualTo(0xE0);
    assertThat((b1 >> 1) & 0b11).as("layer III").isEqualTo(0b01);
    int version = (b1 >> 3) & 0b11; // 3: MPEG-1, 2: MPEG-2
    int rateIndex = (b2 >> 2) & 0b11;
    int rate = version == 3 ? MPEG1_RATES[rateIndex] : MPEG2_RATES[rateIndex];
    assertThat(rate).as("sample rate in the first frame header").isEqualTo(sampleRate);
    assertThat((double) mp3.length).as("size").isCloseTo(bitRate / 8.0 * seconds, Percentage.withPercentage(15));
  }
}
