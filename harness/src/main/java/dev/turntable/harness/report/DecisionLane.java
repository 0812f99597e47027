package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Locale;

/**
 * Barge-in decisions at the audio time their turn arrived: accepted ones red (with a guide line
 * through the lanes above, so the stop can be seen in the agent's waveform), suppressed ones grey,
 * each labelled with its rule. Agent errors are marked here too.
 */
final class DecisionLane {
  private DecisionLane() {}

  /**
   * @param guideTop where the accepted barge-ins' guide lines start (the top of the mic lane)
   */
  static void draw(Svg svg, TimeAxis axis, LaneBox box, double guideTop, ReportSession session) {
    List<BargeInMeasure> bargeIns = session.measures().bargeIns();
    if (bargeIns.isEmpty()) {
      svg.text(axis.left() + 4, box.middle() + 4, "no barge-ins", "note");
    }
    for (int i = 0; i < bargeIns.size(); i++) {
      BargeInMeasure bargeIn = bargeIns.get(i);
      double x = axis.x(bargeIn.audioMs());
      double next = i + 1 < bargeIns.size() ? axis.x(bargeIns.get(i + 1).audioMs()) : axis.right();
      svg.group(bargeIn.accepted() ? "barge accepted" : "barge suppressed", title(bargeIn));
      if (bargeIn.accepted()) {
        svg.line(x, guideTop, x, box.top(), "guide", null);
      }
      double y = box.middle();
      String marker =
          bargeIn.accepted()
              ? "M" + Svg.num(x - 6) + " " + Svg.num(y - 6) + "h12l-6 12z"
              : "M" + Svg.num(x) + " " + Svg.num(y - 5) + "l5 5-5 5-5-5z";
      svg.path(marker, "marker", null);
      String label = ruleName(bargeIn) + " “" + bargeIn.text() + "”";
      svg.text(x + 8, y + 4, Labels.fit(label, Labels.room(x + 8, next)), "label");
      svg.endGroup();
    }
    for (AgentEventLine line : session.timeline().entries(AgentError.class)) {
      AgentError error = (AgentError) line.event();
      double x = axis.x(line.tMs());
      svg.group(
          "error",
          "error from "
              + error.source()
              + " at "
              + Html.seconds(line.tMs())
              + ": "
              + error.message());
      svg.rect(x - 5, box.top() + 2, 10, box.height() - 4, "marker", null);
      svg.text(x - 2, box.middle() + 4, "!", "bang");
      svg.endGroup();
    }
  }

  static String ruleName(BargeInMeasure bargeIn) {
    return bargeIn.rule() == null
        ? "no rule"
        : bargeIn.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String title(BargeInMeasure b) {
    StringBuilder title = new StringBuilder();
    title
        .append(b.accepted() ? "accepted" : "suppressed")
        .append(" (")
        .append(b.rule())
        .append(')');
    title.append(", turn ").append(b.turnOrder()).append(" at ").append(Html.seconds(b.audioMs()));
    title.append(": “").append(b.text()).append('”');
    if (b.accepted()) {
      title.append("\nstop latency ").append(Html.millis(b.stopLatencyMs())).append(" ms");
      title.append(", talk-over ").append(Html.millis(b.talkOverMs())).append(" ms");
    }
    return title.toString();
  }
}
