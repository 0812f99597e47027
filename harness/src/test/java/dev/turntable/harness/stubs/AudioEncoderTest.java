package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class AudioEncoderTest {
  private static final AudioEncoder JAVA_ONLY = new AudioEncoder(Optional.empty(), Optional.empty(), Optional.empty());
  private static final byte[] RAMP = ramp(1600);

  @Test
  void rawPcmIsPassedThroughUntouched() throws Exception {
    assertThat(JAVA_ONLY.encode(RAMP, SpeechFormat.pcm(16_000))).isSameAs(RAMP);
  }

  @Test
  void muLawDecodesBackToNearlyTheSameSamples() throws Exception {
    byte[] ulaw = JAVA_ONLY.encode(RAMP, SpeechFormat.elevenLabs("ulaw_8000"));
    assertThat(ulaw).hasSize(RAMP.length / 2);

    AudioFormat format = new AudioFormat(AudioFormat.Encoding.ULAW, 8_000, 8, 1, 1, 8_000, false);
    AudioInputStream decoded = AudioSystem.getAudioInputStream(new AudioFormat(8_000, 16, 1, true, false),
        new AudioInputStream(new ByteArrayInputStream(ulaw), format, ulaw.length));
    ByteBuffer back = ByteBuffer.wrap(decoded.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer original = ByteBuffer.wrap(RAMP).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 1600; i += 97) {
      int expected = original.getShort(2 * i);
      // μ-law keeps about 3% of the amplitude, plus a small absolute step near zero
      assertThat((int) back.getShort(2 * i)).isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.abs(expected) / 16 + 64));
    }
  }

  @Test
  void floatSamplesAreScaledToPlusMinusOne() throws Exception {
    byte[] f32 = JAVA_ONLY.encode(RAMP, cartesia("{\"container\":\"raw\",\"encoding\":\"pcm_f32le\",\"sample_rate\":16000}"));

    ByteBuffer floats = ByteBuffer.wrap(f32).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer shorts = ByteBuffer.wrap(RAMP).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(f32).hasSize(RAMP.length * 2);
    assertThat(floats.getFloat(4 * 1000)).isEqualTo(shorts.getShort(2 * 1000) / 32768f);
  }

  @Test
  void wavCarriesTheRateAndEveryFrame() throws Exception {
    byte[] wav = JAVA_ONLY.encode(RAMP, cartesia("{\"container\":\"wav\",\"encoding\":\"pcm_alaw\",\"sample_rate\":8000}"));

    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      assertThat(in.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.ALAW);
      assertThat(in.getFormat().getSampleRate()).isEqualTo(8_000f);
      assertThat(in.getFrameLength()).isEqualTo(1600);
    }
  }

  @Test
  void withoutAnEncoderMp3AndOpusAreRefusedNamingWhatToInstall() {
    assertThat(JAVA_ONLY.canEncode(SpeechFormat.elevenLabs("mp3_44100_128"))).isFalse();
    assertThatThrownBy(() -> JAVA_ONLY.encode(RAMP, SpeechFormat.elevenLabs("mp3_44100_128")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("mp3 in mp3 at 44100 Hz, 128 kbit/s")
        .hasMessageContaining("apt-get install lame");
    assertThatThrownBy(() -> JAVA_ONLY.encode(RAMP, SpeechFormat.elevenLabs("opus_48000_64")))
        .hasMessageContaining("opus-tools");
  }

  @Test
  void lameMakesMp3FramesAtTheAskedRate() throws Exception {
    Encoders.requireMp3();
    byte[] oneSecond = ramp(24_000 * 1);

    byte[] mp3 = AudioEncoder.fromPath().encode(oneSecond, SpeechFormat.elevenLabs("mp3_24000_48"));

    Encoders.assertMp3(mp3, 24_000, 48_000, 1.0);
  }

  @Test
  void formatsAreReadAsEachServiceNamesThem() {
    assertThat(SpeechFormat.elevenLabs(null)).isEqualTo(
        new SpeechFormat(SpeechFormat.Encoding.MP3, SpeechFormat.Container.MP3, 44_100, 128_000));
    assertThat(SpeechFormat.elevenLabs("opus_48000_32").contentType()).isEqualTo("audio/ogg");
    assertThat(cartesia("{\"container\":\"mp3\",\"sample_rate\":22050}").bitRate()).isEqualTo(128_000);
    assertThatThrownBy(() -> cartesia("{\"container\":\"raw\",\"encoding\":\"pcm_s8\",\"sample_rate\":8000}"))
        .hasMessageContaining("pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw");
  }

  private static SpeechFormat cartesia(String json) {
    try {
      return SpeechFormat.cartesia(new ObjectMapper().readTree(json));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A rising then falling sawtooth over the 16-bit range. */
  private static byte[] ramp(int samples) {
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) ((i * 397 % 60_000) - 30_000));
    }
    return pcm.array();
  }
}
