package dev.turntable.agent.tts.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElevenLabsOptionsTest {
  private static final String KEY = "el-OptionsSecret42";

  @Test
  void blankSettingsTakeTheDefaults() {
    ElevenLabsOptions options = ElevenLabsOptions.of(KEY, "voice1");
    assertThat(options.baseUrl()).isEqualTo("https://api.elevenlabs.io");
    assertThat(options.modelId()).isEqualTo("eleven_flash_v2_5");
    assertThat(options.outputFormat()).isEqualTo("pcm_16000");
  }

  @Test
  void toStringMasksTheKey() {
    assertThat(ElevenLabsOptions.of(KEY, "voice1").toString())
        .contains("apiKey=****", "voice1").doesNotContain(KEY);
  }

  @Test
  void rejectsMissingVoiceAndRatesWithoutPcmOutput() {
    assertThatThrownBy(() -> ElevenLabsOptions.of(KEY, " ")).hasMessageContaining("voice id");
    assertThatThrownBy(() -> new ElevenLabsOptions(null, KEY, "v", null, 11_025))
        .hasMessageContaining("11025 Hz");
    assertThatThrownBy(() -> ElevenLabsOptions.of("", "v")).hasMessageContaining("API key");
  }
}
