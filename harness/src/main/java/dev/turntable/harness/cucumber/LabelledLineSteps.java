package dev.turntable.harness.cucumber;

import io.cucumber.java.en.Then;
import java.util.List;

/**
 * Then steps over the lines of an inline conversation labelled interrupt or ignore, e.g. the
 * agent's own voice heard back (ignore) and a user talking over it (interrupt).
 */
public final class LabelledLineSteps {
  private final ScenarioSession session;

  public LabelledLineSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("every labelled line is decided as labelled")
  public void everyLineAsLabelled() throws Exception {
    SessionResult result = session.result();
    if (!session.scripted()) {
      throw new IllegalStateException("labelled lines belong to an inline conversation (Given the conversation:)");
    }
    List<LabelledLines.Line> lines = LabelledLines.of(result, session.effectiveScript().user());
    if (lines.isEmpty()) {
      throw Explain.failure(result, "no line of the conversation has a label (column \"label\")", Double.NaN);
    }
    List<String> wrong = lines.stream()
        .filter(l -> !l.heard() || l.falseInterruption() || l.missedInterruption())
        .map(LabelledLines.Line::describe)
        .toList();
    if (!wrong.isEmpty()) {
      throw Explain.failure(result, "lines not decided as labelled:\n  " + String.join("\n  ", wrong), Double.NaN);
    }
  }
}
