package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.PcmFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioDevicesTest {
  private static final AudioDevice DEFAULT = new AudioDevice(0, "default", "Direct Audio Device: default", true, true);
  private static final AudioDevice USB_MIC = new AudioDevice(1, "USB Mic [hw:1,0]", "Direct Audio Device: USB", true, false);
  private static final AudioDevice HDMI = new AudioDevice(2, "HDMI [hw:0,3]", "Direct Audio Device: HDMI 0", false, true);
  private final AudioDevices devices = new AudioDevices(PcmFormat.STT, List.of(DEFAULT, USB_MIC, HDMI));
  private final AudioDevices none = new AudioDevices(PcmFormat.STT, List.of());

  @Test
  void withNoDevicesTheListingSaysSoAndHowToGetOne() {
    assertThat(none.describe())
        .startsWith("Audio devices for 16000 Hz mono 16-bit PCM: none.")
        .contains("PULSE_SERVER").contains("PulseAudio").contains(".ci/virtual-audio.sh start");
  }

  @Test
  void withNoDevicesSelectingExplainsTheSetup() {
    assertThatThrownBy(() -> none.selectInput("0")).isInstanceOf(NoAudioDeviceException.class)
        .hasMessageContaining("No audio input device matches \"0\"")
        .hasMessageContaining("sees no audio device at all").hasMessageContaining("PULSE_SERVER");
  }

  @Test
  void noneFoundListsWhatExistsWhenThereIsSomething() {
    NoAudioDeviceException e = NoAudioDeviceException.none("input", PcmFormat.STT, List.of(HDMI));

    assertThat(e).hasMessage("No audio input device supports 16000 Hz mono 16-bit PCM. Devices found:\n"
        + "  [2] HDMI [hw:0,3] — Direct Audio Device: HDMI 0 (output)");
  }

  @Test
  void listsOneDevicePerLineWithWhatItCanDo() {
    assertThat(devices.describe()).isEqualTo("""
        Audio devices for 16000 Hz mono 16-bit PCM:
          [0] default — Direct Audio Device: default (input, output)
          [1] USB Mic [hw:1,0] — Direct Audio Device: USB (input)
          [2] HDMI [hw:0,3] — Direct Audio Device: HDMI 0 (output)""");
    assertThat(devices.inputs()).containsExactly(DEFAULT, USB_MIC);
    assertThat(devices.outputs()).containsExactly(DEFAULT, HDMI);
  }

  @Test
  void selectsByIndex() throws NoAudioDeviceException {
    assertThat(devices.selectInput("1")).isEqualTo(USB_MIC);
    assertThat(devices.selectOutput(" 2 ")).isEqualTo(HDMI);
  }

  @Test
  void selectsByPartOfTheNameOrDescriptionIgnoringCase() throws NoAudioDeviceException {
    assertThat(devices.selectInput("usb")).isEqualTo(USB_MIC);
    assertThat(devices.selectOutput("hdmi 0")).isEqualTo(HDMI);
  }

  @Test
  void anExactNameWinsOverPartialMatches() throws NoAudioDeviceException {
    assertThat(devices.selectOutput("default")).isEqualTo(DEFAULT);
  }

  @Test
  void aDeviceThatCannotDoTheJobIsNotSelectedAndTheChoicesAreListed() {
    assertThatThrownBy(() -> devices.selectInput("2")).isInstanceOf(NoAudioDeviceException.class)
        .hasMessageContaining("No audio input device matches \"2\"")
        .hasMessageContaining("[0] default").hasMessageContaining("[1] USB Mic")
        .hasMessageNotContaining("HDMI");
  }

  @Test
  void anAmbiguousNameListsTheCandidates() {
    assertThatThrownBy(() -> devices.selectOutput("direct audio")).isInstanceOf(NoAudioDeviceException.class)
        .hasMessageContaining("matches several").hasMessageContaining("[0] default").hasMessageContaining("[2] HDMI");
  }

  @Test
  void aDeviceMustDoSomething() {
    assertThatThrownBy(() -> new AudioDevice(0, "x", "y", false, false)).isInstanceOf(IllegalArgumentException.class);
  }
}
