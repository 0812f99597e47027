package dev.turntable.harness.cucumber;

import dev.turntable.harness.report.HtmlReport;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/**
 * Names each session after its scenario, and attaches the session's timeline (the SVG {@code
 * turntable replay --report} draws) to the step that ran it, so Cucumber's HTML report shows the
 * timeline right under that step, passed or failed.
 */
public final class TimelineAttachment {
  private final ScenarioSession session;

  public TimelineAttachment(ScenarioSession session) {
    this.session = session;
  }

  @Before(order = 0)
  public void nameTheSessionAndAttachItsTimeline(Scenario scenario) {
    session.name(scenario.getName());
    session.whenRun(result -> {
      String svg = HtmlReport.timelineSvg(result.reportSession(session.speed()));
      scenario.attach(svg.getBytes(StandardCharsets.UTF_8), HtmlReport.SVG_MEDIA_TYPE, "timeline of " + result.name());
    });
  }
}
