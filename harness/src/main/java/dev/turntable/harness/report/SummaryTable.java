package dev.turntable.harness.report;

import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.report.HtmlTable.Cell;
import java.util.List;

/** The table at the top of the page: one row per session, linking to its section. */
final class SummaryTable {
  private SummaryTable() {}

  static String html(List<ReportSession> sessions) {
    HtmlTable table =
        new HtmlTable(
            "summary",
            List.of(
                "session",
                "speed",
                "turns",
                "p50 latency (ms)",
                "p99 latency (ms)",
                "accepted / suppressed",
                "verdict"));
    for (int i = 0; i < sessions.size(); i++) {
      ReportSession session = sessions.get(i);
      SessionMeasures measures = session.measures();
      String link =
          "<a href=\"#" + SessionSection.anchor(i) + "\">" + Html.escape(session.name()) + "</a>";
      table.row(
          List.of(
              Cell.markup(link, ""),
              Cell.number(Html.speed(session.speed())),
              Cell.number(String.valueOf(measures.turns().size())),
              Cell.number(Html.millis(LatencyStats.percentile(measures.turns(), 50))),
              Cell.number(Html.millis(LatencyStats.percentile(measures.turns(), 99))),
              Cell.number(measures.accepted() + " / " + measures.suppressed()),
              Cell.markup(SessionSection.verdict(session.passed()), "")));
    }
    long passed = sessions.stream().filter(ReportSession::passed).count();
    return "<p class=\"totals\">"
        + sessions.size()
        + (sessions.size() == 1 ? " session, " : " sessions, ")
        + passed
        + " passed, "
        + (sessions.size() - passed)
        + " failed</p>"
        + table.html();
  }
}
