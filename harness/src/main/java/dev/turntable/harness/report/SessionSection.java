package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.report.HtmlTable.Cell;
import java.util.List;

/** One session's part of the page: timeline, turn and barge-in tables, verdict, differences. */
final class SessionSection {
  private static final String LEGEND =
      "<p class=\"legend\"><span class=\"key mic\"></span>mic"
          + "<span class=\"key turn\"></span>final turn (words)"
          + "<span class=\"key partial\"></span>partial"
          + "<span class=\"key latency\"></span>response latency"
          + "<span class=\"key agent\"></span>agent speech"
          + "<span class=\"key accepted\"></span>barge-in accepted"
          + "<span class=\"key suppressed\"></span>barge-in suppressed"
          + "<span class=\"key error\"></span>agent error"
          + " — hover for details</p>";

  private SessionSection() {}

  static String anchor(int index) {
    return "session-" + (index + 1);
  }

  static String html(ReportSession session, int index) {
    StringBuilder out = new StringBuilder();
    out.append("<section class=\"session\" id=\"").append(anchor(index)).append("\">");
    out.append("<h2>").append(Html.escape(session.name())).append(' ');
    out.append(verdict(session.passed())).append("</h2>");
    if (!session.description().isBlank()) {
      out.append("<p class=\"description\">")
          .append(Html.escape(session.description()))
          .append("</p>");
    }
    out.append("<p class=\"meta\">speed ").append(Html.speed(session.speed()));
    out.append(" · ").append(Html.seconds(SvgTimeline.endMs(session)));
    out.append(" · ").append(session.timeline().events().size()).append(" agent events</p>");
    out.append(LEGEND);
    out.append("<div class=\"scroll\">").append(SvgTimeline.render(session)).append("</div>");
    out.append("<h3>Turns</h3>").append(turns(session.measures().turns()));
    out.append("<h3>Barge-ins</h3>").append(bargeIns(session.measures().bargeIns()));
    out.append(errors(session));
    out.append("<h3>Verdict: ").append(verdict(session.passed())).append("</h3>");
    out.append(differences(session.differences()));
    return out.append("</section>").toString();
  }

  static String verdict(boolean passed) {
    return passed
        ? "<span class=\"verdict pass\">pass</span>"
        : "<span class=\"verdict fail\">fail</span>";
  }

  private static String turns(List<TurnMeasure> turns) {
    if (turns.isEmpty()) {
      return "<p class=\"none\">No user turns were answered.</p>";
    }
    HtmlTable table =
        new HtmlTable(
            "turns",
            List.of(
                "turn",
                "user said",
                "response latency",
                "STT",
                "before LLM",
                "LLM first token",
                "LLM first segment",
                "TTS first audio",
                "playback start",
                "agent overhead"));
    for (TurnMeasure t : turns) {
      table.row(
          List.of(
              Cell.number(String.valueOf(t.turnOrder())),
              Cell.text(t.text()),
              Cell.markup(Html.escape(Html.millis(t.responseLatencyMs())), "num strong"),
              Cell.number(Html.millis(t.sttMs())),
              Cell.number(Html.millis(t.agentBeforeLlmMs())),
              Cell.number(Html.millis(t.llmFirstTokenMs())),
              Cell.number(Html.millis(t.llmFirstSegmentMs())),
              Cell.number(Html.millis(t.ttsFirstAudioMs())),
              Cell.number(Html.millis(t.playbackStartMs())),
              Cell.number(Html.millis(t.agentOverheadMs()))));
    }
    return table.html()
        + "<p class=\"note\">Milliseconds; "
        + Html.MISSING
        + " means the stage did not happen.</p>";
  }

  private static String bargeIns(List<BargeInMeasure> bargeIns) {
    if (bargeIns.isEmpty()) {
      return "<p class=\"none\">Nobody spoke while the agent was speaking.</p>";
    }
    HtmlTable table =
        new HtmlTable(
            "barge-ins",
            List.of(
                "turn",
                "decision",
                "rule",
                "user said",
                "at",
                "stop latency (ms)",
                "talk-over (ms)"));
    for (BargeInMeasure b : bargeIns) {
      String decision = b.accepted() ? "accepted" : "suppressed";
      table.row(
          List.of(
              Cell.number(String.valueOf(b.turnOrder())),
              Cell.markup(Html.escape(decision), decision),
              Cell.text(DecisionLane.ruleName(b)),
              Cell.text(b.text()),
              Cell.number(Html.seconds(b.audioMs())),
              Cell.number(Html.millis(b.stopLatencyMs())),
              Cell.number(Html.millis(b.talkOverMs()))));
    }
    return table.html();
  }

  private static String errors(ReportSession session) {
    List<AgentEventLine> errors = session.timeline().entries(AgentError.class);
    if (errors.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h3>Errors</h3><ul class=\"errors\">");
    for (AgentEventLine line : errors) {
      AgentError error = (AgentError) line.event();
      out.append("<li>")
          .append(
              Html.escape(
                  Html.seconds(line.tMs()) + " — " + error.source() + ": " + error.message()))
          .append("</li>");
    }
    return out.append("</ul>").toString();
  }

  private static String differences(List<String> differences) {
    if (differences.isEmpty()) {
      return "<p class=\"none\">No decision differences.</p>";
    }
    return "<p>Decision differences:</p><pre class=\"differences\">"
        + Html.escape(String.join("\n", differences))
        + "</pre>";
  }
}
