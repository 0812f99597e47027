package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent.StateChanged;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Locale;

/** What the agent was doing, on the agent clock: a coloured band per state, a tick per change. */
final class StateLane {
  private StateLane() {}

  static void draw(Svg svg, TimeAxis axis, LaneBox box, ReportSession session) {
    List<AgentEventLine> changes = session.timeline().entries(StateChanged.class);
    if (changes.isEmpty()) {
      svg.text(axis.left() + 4, box.middle() + 4, "no state changes", "note");
    }
    for (int i = 0; i < changes.size(); i++) {
      StateChanged change = (StateChanged) changes.get(i).event();
      double x = axis.x(changes.get(i).tMs());
      double endX = i + 1 < changes.size() ? axis.x(changes.get(i + 1).tMs()) : axis.right();
      String state = change.to().name().toLowerCase(Locale.ROOT);
      String title =
          Html.seconds(changes.get(i).tMs())
              + ": "
              + change.from().name().toLowerCase(Locale.ROOT)
              + " → "
              + state;
      svg.rect(x, box.top() + 3, endX - x, box.height() - 6, "state " + state, null);
      svg.text(x + 3, box.middle() + 4, Labels.fit(state, Labels.room(x, endX)), "small");
      svg.group("change", title);
      svg.line(x, box.top(), x, box.bottom(), "tick", null);
      svg.rect(x - 2, box.top(), 4, box.height(), "hit", null);
      svg.endGroup();
    }
  }
}
