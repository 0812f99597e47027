package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.Locale;

/**
 * Failure messages a person can act on: what was expected, what happened with its times, the
 * event nearest to the moment in question, and the session's timeline.
 */
final class Explain {
  private Explain() {}

  static AssertionError failure(SessionResult result, String what, double aroundMs) {
    StringBuilder out = new StringBuilder(what);
    if (!Double.isNaN(aroundMs)) {
      out.append("\n  nearest event: ").append(nearest(result.timeline(), aroundMs));
    }
    out.append("\n").append(timeline(result));
    return new AssertionError(out.toString());
  }

  static String timeline(SessionResult result) {
    return "timeline of " + result.name() + " (" + result.mode() + "):\n" + result.timeline().printed();
  }

  /** The printable event closest in session time to {@code ms}. */
  static String nearest(Timeline timeline, double ms) {
    AgentEventLine best = null;
    for (AgentEventLine line : timeline.events()) {
      if (describe(line.event()) == null) {
        continue;
      }
      if (best == null || Math.abs(line.audioMs() - ms) < Math.abs(best.audioMs() - ms)) {
        best = line;
      }
    }
    return best == null
        ? "none (the agent published no events)"
        : String.format(Locale.ROOT, "%.2f s %s", best.audioMs() / 1000.0, describe(best.event()));
  }

  private static String describe(AgentEvent event) {
    String line = new Timeline(java.util.List.of(new AgentEventLine(0, event))).printed();
    return line.isBlank() ? null : line.strip().replaceFirst("^\\S+ s\\s+", "");
  }

  /** "turn 2 \"Wait, stop.\"" */
  static String turn(int order, String text) {
    return "turn " + order + " \"" + text + "\"";
  }
}
