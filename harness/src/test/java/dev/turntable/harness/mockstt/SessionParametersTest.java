package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionParametersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void defaultsAreThoseOfU3RtPro() {
    SessionParameters p = SessionParameters.parse(Map.of());

    assertThat(p.sampleRate()).isEqualTo(16000);
    assertThat(p.encoding()).isEqualTo("pcm_s16le");
    assertThat(p.speechModel()).isEqualTo("u3-rt-pro");
    assertThat(p.minTurnSilenceMs()).isEqualTo(100);
    assertThat(p.maxTurnSilenceMs()).isEqualTo(1000);
    assertThat(p.vadThreshold()).isEqualTo(0.3);
    assertThat(p.keytermsPrompt()).isEmpty();
    assertThat(p.inactivityTimeout()).isEmpty();
    assertThat(p.bytesPerSample()).isEqualTo(2);
  }

  @Test
  void booleansAreCaseInsensitive() {
    SessionParameters p = SessionParameters.parse(Map.of(
        "format_turns", "True", "speaker_labels", "FALSE", "language_detection", "true"));

    assertThat(p.formatTurns()).isTrue();
    assertThat(p.speakerLabels()).isFalse();
    assertThat(p.languageDetection()).isTrue();
  }

  @Test
  void acceptsTheDeprecatedMinSilenceNameAndFractionalInactivity() {
    SessionParameters p = SessionParameters.parse(Map.of(
        "min_end_of_turn_silence_when_confident", "160", "inactivity_timeout", "0.5"));

    assertThat(p.minTurnSilenceMs()).isEqualTo(160);
    assertThat(p.inactivityTimeout()).contains(Duration.ofMillis(500));
  }

  @Test
  void explainsValuesItCannotRead() {
    assertThatThrownBy(() -> SessionParameters.parse(Map.of("format_turns", "yes")))
        .hasMessage("Invalid parameter format_turns='yes': expected true or false");
    assertThatThrownBy(() -> SessionParameters.parse(Map.of("keyterms_prompt", "a,b")))
        .hasMessageContaining("keyterms_prompt").hasMessageContaining("JSON array");
    assertThatThrownBy(() -> SessionParameters.parse(Map.of("keyterms_prompt", "[1,2]")))
        .hasMessageContaining("every item must be a string");
    assertThatThrownBy(() -> SessionParameters.parse(Map.of("encoding", "opus")))
        .hasMessageContaining("pcm_s16le or pcm_mulaw");
    assertThatThrownBy(() -> SessionParameters.parse(Map.of("max_turn_silence", "-5")))
        .hasMessageContaining("negative");
  }

  @Test
  void updateConfigurationChangesOnlyWhatIsSet() throws Exception {
    SessionParameters before = SessionParameters.parse(Map.of(
        "keyterms_prompt", "[\"a\"]", "prompt", "old", "max_turn_silence", "2000"));

    ConfigurationUpdate.Applied applied = ConfigurationUpdate.apply(before, JSON.readTree(
        "{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":200,\"max_turn_silence\":null,"
            + "\"keyterms_prompt\":[],\"interruption_delay\":300}"));

    SessionParameters after = applied.parameters();
    assertThat(after.minTurnSilenceMs()).isEqualTo(200);
    assertThat(after.maxTurnSilenceMs()).isEqualTo(2000);
    assertThat(after.keytermsPrompt()).as("[] clears the list").isEmpty();
    assertThat(after.prompt()).contains("old");
    assertThat(after.other()).containsEntry("interruption_delay", "300");
    assertThat(applied.changed())
        .containsExactlyInAnyOrder("min_turn_silence", "keyterms_prompt", "interruption_delay");
  }

  @Test
  void updateConfigurationRejectsWrongTypes() {
    assertThatThrownBy(() -> ConfigurationUpdate.apply(SessionParameters.defaults(),
        JSON.readTree("{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":\"soon\"}")))
        .hasMessageContaining("min_turn_silence").hasMessageContaining("integer");
  }
}
