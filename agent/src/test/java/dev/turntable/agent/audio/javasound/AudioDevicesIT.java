package dev.turntable.agent.audio.javasound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import org.junit.jupiter.api.Test;

/** Device listing and selection against the virtual audio (needs .ci/virtual-audio.sh). */
class AudioDevicesIT {
  @Test
  void listsTheVirtualDevicesAndOpensTheSelectedOne() throws Exception {
    AudioAvailability.requireVirtualAudio();
    AudioDevices devices = AudioDevices.scan(PcmFormat.STT);
    System.out.println(devices.describe());

    AudioDevice input = devices.selectInput("default");
    AudioDevice output = devices.selectOutput(String.valueOf(devices.outputs().get(0).index()));

    try (JavaSoundMicrophone mic = JavaSoundMicrophone.open(input, PcmFormat.STT, JavaSoundMicrophone.DEFAULT_BUFFER)) {
      assertThat(mic.read(new byte[320])).isEqualTo(320);
    }
    try (JavaSoundSpeaker speaker = JavaSoundSpeaker.open(output, new PcmFormat(24_000), JavaSoundSpeaker.DEFAULT_BUFFER)) {
      assertThat(speaker.format()).isEqualTo(new PcmFormat(24_000));
    }
  }
}
