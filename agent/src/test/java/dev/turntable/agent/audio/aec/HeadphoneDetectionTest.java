package dev.turntable.agent.audio.aec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadphoneDetectionTest {
  @ParameterizedTest
  @CsvSource({
    "Headphones, Built-in Audio Analog Stereo, true",
    "USB Headset, Plantronics, true",
    "AirPods Pro, Bluetooth, true",
    "default, Direct Audio Device: default, false",
    "Speakers, Built-in Audio, false",
    "Speaker/Headphones, Built-in Audio, false",
    "HDMI 1, Monitor, false",
  })
  void tellsHeadphonesFromSpeakersByName(String name, String description, boolean headphones) {
    assertThat(HeadphoneDetection.headphonesOnly(name, description)).isEqualTo(headphones);
  }
}
