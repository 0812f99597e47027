package dev.turntable.agent.tts.cartesia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CartesiaOptionsTest {
  private static final String KEY = "sk_car_OptionsSecret";

  @Test
  void blankSettingsTakeTheDefaults() {
    CartesiaOptions options = CartesiaOptions.of(KEY, "voice-uuid");
    assertThat(options.baseUrl()).isEqualTo("https://api.cartesia.ai");
    assertThat(options.version()).isEqualTo("2025-04-16");
    assertThat(options.modelId()).isEqualTo("sonic-2");
    assertThat(options.sampleRate()).isEqualTo(16_000);
  }

  @Test
  void toStringMasksTheKey() {
    assertThat(CartesiaOptions.of(KEY, "voice-uuid").toString())
        .contains("apiKey=****", "voice-uuid").doesNotContain(KEY);
  }

  @Test
  void rejectsMissingVoiceAndUnsupportedRates() {
    assertThatThrownBy(() -> CartesiaOptions.of(KEY, null)).hasMessageContaining("voice id");
    assertThatThrownBy(() -> new CartesiaOptions(null, KEY, null, null, "v", 32_000))
        .hasMessageContaining("32000 Hz");
  }
}
