package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordModeTest {
  @Test
  void replayIsTheDefault() {
    assertThat(RecordMode.from(Map.of())).isEqualTo(RecordMode.REPLAY);
    assertThat(RecordMode.from(Map.of("TURNTABLE_RECORD_MODE", "Replay"))).isEqualTo(RecordMode.REPLAY);
  }

  @Test
  void recordIsChosenExplicitly() {
    assertThat(RecordMode.from(Map.of("TURNTABLE_RECORD_MODE", "record"))).isEqualTo(RecordMode.RECORD);
  }

  @Test
  void recordIsRefusedInCi() {
    assertThatThrownBy(() -> RecordMode.from(Map.of("TURNTABLE_RECORD_MODE", "record", "CI", "true")))
        .hasMessageContaining("refused in CI");
  }

  @Test
  void aTypoIsAnError() {
    assertThatThrownBy(() -> RecordMode.from(Map.of("TURNTABLE_RECORD_MODE", "rec")))
        .hasMessage("TURNTABLE_RECORD_MODE must be replay or record, was rec");
  }
}
