package dev.turntable.agent.stt;

import java.util.List;

/** Fields of an UpdateConfiguration message; null means "leave as it is". */
public record SttConfigUpdate(
    Integer minTurnSilenceMs, Integer maxTurnSilenceMs, List<String> keytermsPrompt, String prompt) {

  public static SttConfigUpdate turnSilence(int minMs, int maxMs) {
    return new SttConfigUpdate(minMs, maxMs, null, null);
  }
}
