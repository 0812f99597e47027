package dev.turntable.harness.replay;

import dev.turntable.agent.conversation.ConversationSettings;
import java.nio.file.Path;

/**
 * How to replay: on virtual time (the default) or over the wire at a speed; optionally with other
 * conversation settings than the fixture's (a policy variant), and recording the replay as a new
 * fixture (wire only: recording taps the real adapters' sockets).
 *
 * @param settings null to use the settings the fixture was recorded with
 * @param recordTo null not to record
 */
public record ReplayOptions(ReplayClock clock, double speed, ConversationSettings settings, Path recordTo) {
  public ReplayOptions {
    if (clock == null) {
      throw new IllegalArgumentException("a replay needs a clock: virtual or wire");
    }
    if (clock == ReplayClock.WIRE && !(speed > 0 && speed <= 1000)) {
      throw new IllegalArgumentException("a wire replay's speed must be above 0 and at most 1000, was " + speed);
    }
    if (clock == ReplayClock.VIRTUAL && recordTo != null) {
      throw new IllegalArgumentException(
          "recording a replay needs the wire clock: the recorder taps the real adapters' sockets");
    }
  }

  public static ReplayOptions virtual() {
    return new ReplayOptions(ReplayClock.VIRTUAL, 1, null, null);
  }

  public static ReplayOptions wire(double speed) {
    return new ReplayOptions(ReplayClock.WIRE, speed, null, null);
  }

  public ReplayOptions withSettings(ConversationSettings settings) {
    return new ReplayOptions(clock, speed, settings, recordTo);
  }

  public ReplayOptions withRecordTo(Path dir) {
    return new ReplayOptions(clock, speed, settings, dir);
  }

  /** "virtual time" or "wire at 20×", for reports. */
  public String describe() {
    return clock == ReplayClock.VIRTUAL ? "virtual time" : "wire at " + ReplaySpeed.format(speed) + "×";
  }
}
