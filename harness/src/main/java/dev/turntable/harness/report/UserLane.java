package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent.PartialTranscript;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Optional;

/**
 * The user's words in audio time: final turns as spans (first word → last word's end) with their
 * text above, a dotted tail to where the end of turn arrived, partial transcripts as faint ticks
 * where they arrived, and under each answered turn a bracket for its response latency.
 */
final class UserLane {
  /** Offsets inside the lane: label baseline, span band, latency bracket. */
  private static final double LABEL_Y = 11;

  private static final double SPAN_Y = 15;
  private static final double SPAN_HEIGHT = 14;
  private static final double LATENCY_Y = 42;

  private UserLane() {}

  static void draw(Svg svg, TimeAxis axis, LaneBox box, ReportSession session) {
    List<TurnSpan> turns = TurnSpan.of(session.timeline());
    for (int i = 0; i < turns.size(); i++) {
      double next = i + 1 < turns.size() ? axis.x(turns.get(i + 1).startMs()) : axis.right();
      TurnSpan turn = turns.get(i);
      drawTurn(svg, axis, box, turn, next);
      latency(session, turn.turnOrder())
          .ifPresent(ms -> drawLatency(svg, axis, box, turn.endMs(), ms));
    }
    drawPartials(svg, axis, box, session);
  }

  private static void drawPartials(Svg svg, TimeAxis axis, LaneBox box, ReportSession session) {
    double top = box.top() + SPAN_Y - 3;
    for (AgentEventLine line : session.timeline().entries(PartialTranscript.class)) {
      PartialTranscript partial = (PartialTranscript) line.event();
      double x = axis.x(line.audioMs());
      svg.group(
          "partial",
          "partial, turn "
              + partial.turnOrder()
              + " at "
              + Html.seconds(line.audioMs())
              + ": "
              + partial.text());
      svg.line(x, top, x, top + SPAN_HEIGHT + 6, "tick", null);
      svg.rect(x - 2, top, 4, SPAN_HEIGHT + 6, "hit", null);
      svg.endGroup();
    }
  }

  private static void drawTurn(Svg svg, TimeAxis axis, LaneBox box, TurnSpan turn, double nextX) {
    double x = axis.x(turn.startMs());
    double width = Math.max(3, axis.px(turn.endMs() - turn.startMs()));
    String title =
        "turn "
            + turn.turnOrder()
            + ", words "
            + Html.seconds(turn.startMs())
            + "–"
            + Html.seconds(turn.endMs())
            + ", end of turn arrived at "
            + Html.seconds(turn.arrivalMs())
            + ": "
            + turn.text();
    double y = box.top() + SPAN_Y;
    svg.group("turn", title);
    svg.rect(x, y, width, SPAN_HEIGHT, "span", null);
    if (turn.arrivalMs() > turn.endMs()) {
      double end = axis.x(turn.endMs());
      svg.line(
          end, y + SPAN_HEIGHT / 2, axis.x(turn.arrivalMs()), y + SPAN_HEIGHT / 2, "tail", null);
    }
    svg.text(x + 1, box.top() + LABEL_Y, Labels.fit(turn.text(), Labels.room(x, nextX)), "label");
    svg.endGroup();
  }

  private static void drawLatency(Svg svg, TimeAxis axis, LaneBox box, long fromMs, double ms) {
    double x1 = axis.x(fromMs);
    double x2 = axis.x(fromMs + ms);
    double y = box.top() + LATENCY_Y;
    svg.group(
        "latency",
        "response latency " + Html.millis(ms) + " ms: last word's end → first agent audio");
    svg.line(x1, y, x2, y, "bar", null);
    svg.line(x1, y - 4, x1, y + 4, "bar", null);
    svg.line(x2, y - 4, x2, y + 4, "bar", null);
    svg.text(x2 + 4, y + 4, Html.millis(ms) + " ms", "small");
    svg.endGroup();
  }

  private static Optional<Double> latency(ReportSession session, int turnOrder) {
    return session.measures().turns().stream()
        .filter(t -> t.turnOrder() == turnOrder && !Double.isNaN(t.responseLatencyMs()))
        .map(TurnMeasure::responseLatencyMs)
        .findFirst();
  }
}
