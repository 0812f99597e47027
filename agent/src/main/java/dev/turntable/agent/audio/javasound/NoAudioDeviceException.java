package dev.turntable.agent.audio.javasound;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.util.List;

/** No usable microphone or speaker; the message lists what exists and how to get a device. */
public final class NoAudioDeviceException extends IOException {
  static final String NO_DEVICE_HINT =
      "Java Sound sees no audio device at all. On Linux without a sound card, start a virtual one"
          + " (.ci/virtual-audio.sh start: PulseAudio with a virtual microphone and speaker, and"
          + " libasound2-plugins so ALSA's default device reaches it), make sure PULSE_SERVER reaches"
          + " this JVM, and start PulseAudio before the JVM: one that touched Java Sound earlier"
          + " keeps seeing no devices.";

  private NoAudioDeviceException(String message) {
    super(message);
  }

  /** Nothing can do {@code role} ("input" or "output") in {@code format}. */
  static NoAudioDeviceException none(String role, PcmFormat format, List<AudioDevice> existing) {
    String what = "No audio " + role + " device supports " + describe(format) + ". ";
    if (existing.isEmpty()) {
      return new NoAudioDeviceException(what + NO_DEVICE_HINT);
    }
    return new NoAudioDeviceException(what + "Devices found:" + listing(existing));
  }

  /** {@code selector} matches no device that can do {@code role}. */
  static NoAudioDeviceException noMatch(String role, String selector, PcmFormat format, List<AudioDevice> candidates) {
    String what = "No audio " + role + " device matches \"" + selector + "\" for " + describe(format) + ". ";
    if (candidates.isEmpty()) {
      return new NoAudioDeviceException(what + NO_DEVICE_HINT);
    }
    return new NoAudioDeviceException(
        what + "Choose one by index or by part of its name:" + listing(candidates));
  }

  static NoAudioDeviceException ambiguous(String role, String selector, List<AudioDevice> matches) {
    return new NoAudioDeviceException(
        "\"" + selector + "\" matches several audio " + role + " devices; use an index or a longer name:"
            + listing(matches));
  }

  static NoAudioDeviceException gone(AudioDevice device, PcmFormat format, List<AudioDevice> existing) {
    return noMatch(device.input() ? "input" : "output", device.name(), format, existing);
  }

  static String describe(PcmFormat format) {
    return format.sampleRate() + " Hz mono 16-bit PCM";
  }

  static String listing(List<AudioDevice> devices) {
    StringBuilder text = new StringBuilder();
    devices.forEach(device -> text.append("\n  ").append(device.describe()));
    return text.toString();
  }
}
