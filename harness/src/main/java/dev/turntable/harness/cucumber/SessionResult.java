package dev.turntable.harness.cucumber;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.Verdict;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.SessionRun;
import dev.turntable.harness.report.ReportSession;
import java.util.List;

/**
 * One scenario's session after it ran, whether it came from a fixture or an inline conversation.
 * {@code mode} says how it ran (e.g. "wire at 10x").
 *
 * @param minTurnSilenceMs the STT's {@code min_turn_silence} in force
 * @param maxTurnSilenceMs the STT's {@code max_turn_silence} in force
 */
public record SessionResult(
    String name,
    String description,
    byte[] micPcm,
    SessionRun.Outcome outcome,
    SessionMeasures measures,
    List<String> differences,
    Verdict verdict,
    String mode,
    int minTurnSilenceMs,
    int maxTurnSilenceMs) {

  static SessionResult of(
      ReplayResult replay, String name, String description, byte[] micPcm, int minMs, int maxMs) {
    return new SessionResult(
        name, description, micPcm, replay.outcome(), replay.measures(), replay.differences(),
        replay.verdict(), replay.how(), minMs, maxMs);
  }

  public Timeline timeline() {
    return outcome.timeline();
  }

  /** What the report draws: the same session {@code turntable replay --report} would show. */
  ReportSession reportSession(double speed) {
    return new ReportSession(
        name, description, PcmFormat.STT, micPcm, outcome.speakerFormat(), outcome.played(), timeline(),
        measures, differences, verdict.passed(), speed);
  }
}
