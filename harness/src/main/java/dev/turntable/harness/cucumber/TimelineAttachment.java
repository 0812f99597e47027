package dev.turntable.harness.cucumber;

import dev.turntable.harness.report.TimelineSvg;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/**
 * Names each session after its scenario and attaches the session's timeline (the SVG {@code
 * turntable replay --report} draws) to the scenario, so Cucumber's HTML report shows it.
 */
public final class TimelineAttachment {
  private final ScenarioSession session;

  public TimelineAttachment(ScenarioSession session) {
    this.session = session;
  }

  @Before(order = 0)
  public void nameTheSession(Scenario scenario) {
    session.name(scenario.getName());
  }

  @After
  public void attachTimeline(Scenario scenario) throws Exception {
    if (!session.hasRun()) {
      return;
    }
    SessionResult result = session.result();
    String svg = TimelineSvg.standalone(result.reportSession(session.speed()));
    scenario.attach(svg.getBytes(StandardCharsets.UTF_8), TimelineSvg.MEDIA_TYPE, "timeline of " + result.name());
  }
}
