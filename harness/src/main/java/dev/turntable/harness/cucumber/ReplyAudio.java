package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.PlayedAudio;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Optional;

/**
 * What the user heard of one reply, from the captured speaker audio rather than from the agent's
 * own account: the spans that played between the reply's start and its end, and the silences a
 * pause left in it. Times are session milliseconds, the axis of {@link AgentEventLine#tMs()}.
 */
final class ReplyAudio {
  private ReplyAudio() {}

  /** A silence in a reply: the last sample before it and the first sample after it. */
  record Gap(double fromMs, double toMs) {
    double millis() {
      return toMs - fromMs;
    }
  }

  /** Milliseconds of captured audio from the reply's first sample to its drain (or the end). */
  static double playedMs(SessionResult result, int reply) {
    double from = started(result, reply).map(AgentEventLine::tMs).orElse(Double.NaN);
    if (Double.isNaN(from)) {
      return 0;
    }
    double to = result.timeline().entries(AgentEvent.PlaybackDrained.class).stream()
        .filter(e -> ((AgentEvent.PlaybackDrained) e.event()).reply() == reply)
        .mapToDouble(AgentEventLine::tMs)
        .findFirst()
        .orElse(Double.MAX_VALUE);
    double sum = 0;
    for (PlayedAudio.Span span : result.outcome().playedAudio().spans()) {
      double start = Math.max(span.startMs(), from);
      double end = Math.min(span.endMs(), to);
      sum += Math.max(0, end - start);
    }
    return sum;
  }

  /**
   * The silence the user heard around {@code resumedMs}: from the end of the last span that ended
   * by then to the start of the first span after it; empty if nothing played after it.
   */
  static Optional<Gap> gapAround(SessionResult result, double resumedMs) {
    List<PlayedAudio.Span> spans = result.outcome().playedAudio().spans();
    double before = Double.NaN;
    for (PlayedAudio.Span span : spans) {
      if (span.endMs() <= resumedMs) {
        before = span.endMs();
      } else if (span.startMs() >= resumedMs - 0.5) {
        return Double.isNaN(before) ? Optional.empty() : Optional.of(new Gap(before, span.startMs()));
      }
    }
    return Optional.empty();
  }

  static Optional<AgentEventLine> started(SessionResult result, int reply) {
    return result.timeline().entries(AgentEvent.PlaybackStarted.class).stream()
        .filter(e -> ((AgentEvent.PlaybackStarted) e.event()).reply() == reply)
        .findFirst();
  }

  static Optional<AgentEvent.PlaybackDrained> drained(SessionResult result, int reply) {
    return result.timeline().all(AgentEvent.PlaybackDrained.class).stream()
        .filter(e -> e.reply() == reply)
        .findFirst();
  }
}
