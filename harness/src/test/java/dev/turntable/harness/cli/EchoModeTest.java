package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.javasound.AudioDevice;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EchoModeTest {
  private static final EchoMode.Probe LOADS = Optional::empty;
  private static final EchoMode.Probe MISSING = () -> Optional.of("echo cancellation is unavailable: no library");
  private static final AudioDevice HEADPHONES = new AudioDevice(1, "Headphones", "USB Audio", false, true);
  private static final AudioDevice SPEAKERS = new AudioDevice(0, "Speakers", "Built-in Audio", false, true);

  @Test
  void onByDefaultForSpeakersAndTheDefaultDevice() {
    assertThat(EchoMode.decide(null, false, null, LOADS).cancelEcho()).isTrue();
    assertThat(EchoMode.decide(null, false, SPEAKERS, LOADS).cancelEcho()).isTrue();
  }

  @Test
  void offByDefaultOnHeadphonesButOnWhenAskedFor() {
    EchoMode headphones = EchoMode.decide(null, false, HEADPHONES, LOADS);
    assertThat(headphones.cancelEcho()).isFalse();
    assertThat(headphones.halfDuplex()).isFalse();
    assertThat(headphones.message()).contains("Headphones");
    assertThat(EchoMode.decide(EchoMode.Setting.ON, false, HEADPHONES, LOADS).cancelEcho()).isTrue();
  }

  @Test
  void fallsBackToHalfDuplexSayingWhyWhenTheLibraryCannotLoad() {
    EchoMode fallback = EchoMode.decide(null, false, null, MISSING);
    assertThat(fallback.cancelEcho()).isFalse();
    assertThat(fallback.halfDuplex()).isTrue();
    assertThat(fallback.message()).contains("no library").contains("half duplex");
  }

  @Test
  void anExplicitOnThatCannotRunIsAnError() {
    assertThatThrownBy(() -> EchoMode.decide(EchoMode.Setting.ON, false, null, MISSING))
        .isInstanceOf(UserException.class).hasMessageContaining("no library");
  }

  @Test
  void offAndHalfDuplexNeverLoadTheLibrary() {
    EchoMode.Probe fails = () -> {
      throw new AssertionError("probed");
    };
    assertThat(EchoMode.decide(EchoMode.Setting.OFF, false, null, fails).cancelEcho()).isFalse();
    assertThat(EchoMode.decide(null, true, null, fails).halfDuplex()).isTrue();
  }

  @Test
  void aBadValueNamesTheAllowedOnes() {
    assertThatThrownBy(() -> EchoMode.Setting.parse("maybe")).hasMessageContaining("--aec").hasMessageContaining("on, off");
  }
}
