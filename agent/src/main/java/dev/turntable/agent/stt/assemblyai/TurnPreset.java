package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SttConfigUpdate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turn-detection presets from AssemblyAI's voice-agent guide: how much silence ends a turn. Shorter
 * answers faster but splits entities (phone numbers, spelled names) across turns more often.
 */
public enum TurnPreset {
  /** Quick confirmations, IVR, yes/no questions. */
  FAST(100, 800),
  /** Most voice-agent conversations (recommended). */
  BALANCED(100, 1000),
  /** Entity dictation, complex instructions. */
  PATIENT(200, 2000);

  private final int minTurnSilenceMs;
  private final int maxTurnSilenceMs;

  TurnPreset(int minTurnSilenceMs, int maxTurnSilenceMs) {
    this.minTurnSilenceMs = minTurnSilenceMs;
    this.maxTurnSilenceMs = maxTurnSilenceMs;
  }

  public int minTurnSilenceMs() {
    return minTurnSilenceMs;
  }

  public int maxTurnSilenceMs() {
    return maxTurnSilenceMs;
  }

  /** The options with this preset's turn silences; everything else unchanged. */
  public AssemblyAiOptions applyTo(AssemblyAiOptions options) {
    return options.toBuilder().preset(this).build();
  }

  /** Switches a running session to this preset (sent as UpdateConfiguration). */
  public SttConfigUpdate toConfigUpdate() {
    return SttConfigUpdate.turnSilence(minTurnSilenceMs, maxTurnSilenceMs);
  }

  /** Parses "fast", "balanced" or "patient", ignoring case. */
  public static TurnPreset fromName(String name) {
    String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown turn preset '"
                        + name
                        + "'; expected one of "
                        + Arrays.stream(values())
                            .map(p -> p.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
  }
}
