package dev.turntable.harness.cli;

import dev.turntable.agent.audio.aec.EchoCancellation;
import dev.turntable.agent.audio.aec.HeadphoneDetection;
import dev.turntable.agent.audio.javasound.AudioDevice;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --aec on|off} and what the agent does when it is not given: echo cancellation unless the
 * speaker is headphones only, and half duplex (with the reason) when the native canceller cannot
 * load here. Decided once, before the session starts, so the recording says how mic.wav was made.
 *
 * @param cancelEcho run the echo canceller between the microphone and STT
 * @param halfDuplex send silence to STT while the agent is audible
 * @param message what to tell the user about it, one line
 */
record EchoMode(boolean cancelEcho, boolean halfDuplex, String message) {
  enum Setting {
    ON,
    OFF;

    static Setting parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "--aec: '" + value + "' is not one of on, off");
      }
    }
  }

  /** Loads the native canceller only when it is wanted. */
  interface Probe {
    /** Empty if the canceller runs here, else why not. */
    Optional<String> unavailableReason();

    Probe WEBRTC = EchoCancellation::unavailableReason;
  }

  /**
   * @param setting {@code --aec}, or null when not given
   * @param halfDuplex {@code --half-duplex}
   * @param output the chosen speaker, or null for the system default
   */
  static EchoMode decide(Setting setting, boolean halfDuplex, AudioDevice output, Probe probe) {
    if (halfDuplex) {
      return new EchoMode(false, true,
          "Half-duplex: the agent cannot be interrupted while it speaks.");
    }
    if (setting == Setting.OFF) {
      return new EchoMode(false, false,
          "Echo cancellation off: on open speakers the agent hears itself and may interrupt itself"
              + " (use headphones or --half-duplex).");
    }
    if (setting == null && output != null
        && HeadphoneDetection.headphonesOnly(output.name(), output.description())) {
      return new EchoMode(false, false,
          "Headphones (" + output.name() + "): no echo to cancel; full duplex.");
    }
    Optional<String> unavailable = probe.unavailableReason();
    if (unavailable.isEmpty()) {
      return new EchoMode(true, false,
          "Echo cancellation on: full duplex on open speakers, you can interrupt the agent.");
    }
    if (setting == Setting.ON) {
      throw new UserException(unavailable.get()
          + ". Without --aec on the agent falls back to half duplex; or use headphones with --aec off.");
    }
    return new EchoMode(false, true, unavailable.get()
        + ". Falling back to half duplex: the agent cannot be interrupted while it speaks"
        + " (use headphones with --aec off for barge-in).");
  }
}
