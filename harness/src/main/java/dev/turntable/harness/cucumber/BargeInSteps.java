package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;
import static dev.turntable.harness.cucumber.Durations.millis;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.BargeInMeasure;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Then steps about what the agent does when the user speaks while it talks. */
public final class BargeInSteps {
  private final ScenarioSession session;

  public BargeInSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("the agent is not interrupted by {string}")
  public void notInterruptedBy(String text) throws Exception {
    SessionResult result = session.result();
    BargeInMeasure b = Find.requireBargeIn(result, text);
    if (b.accepted()) {
      throw Explain.failure(result,
          describe(b) + " interrupted the agent (rule: " + rule(b.rule()) + "); expected the agent to keep talking"
              + policyHint(b.rule()),
          b.audioMs());
    }
  }

  @Then("{string} is ignored as {rule}")
  public void isIgnored(String text, InterruptionRule rule) throws Exception {
    isDroppedAs(text, rule);
  }

  @Then("{string} is dropped as {rule}")
  public void isDroppedAs(String text, InterruptionRule rule) throws Exception {
    SessionResult result = session.result();
    BargeInMeasure b = Find.requireBargeIn(result, text);
    if (b.accepted() || b.rule() != rule) {
      throw Explain.failure(result,
          describe(b) + " was " + (b.accepted() ? "accepted as an interruption" : "dropped")
              + " by rule \"" + rule(b.rule()) + "\"; expected it dropped by rule \"" + rule(rule) + "\""
              + policyHint(b.rule()),
          b.audioMs());
    }
  }

  @Then("{string} interrupts the agent as {rule}")
  public void interrupts(String text, InterruptionRule rule) throws Exception {
    SessionResult result = session.result();
    BargeInMeasure b = Find.requireBargeIn(result, text);
    if (!b.accepted() || b.rule() != rule) {
      throw Explain.failure(result,
          describe(b) + " was " + (b.accepted() ? "accepted" : "dropped") + " by rule \"" + rule(b.rule())
              + "\"; expected it to interrupt the agent by rule \"" + rule(rule) + "\"" + policyHint(b.rule()),
          b.audioMs());
    }
  }

  @Then("no interruption is accepted")
  public void noInterruptionIsAccepted() throws Exception {
    SessionResult result = session.result();
    for (BargeInMeasure b : result.measures().bargeIns()) {
      if (b.accepted()) {
        throw Explain.failure(result,
            describe(b) + " interrupted the agent (rule: " + rule(b.rule()) + "); expected no interruption"
                + policyHint(b.rule()),
            b.audioMs());
      }
    }
  }

  @Then("the agent keeps talking to the end of its reply")
  public void keepsTalking() throws Exception {
    SessionResult result = session.result();
    var stopped = result.timeline().entries(AgentEvent.PlaybackStopped.class);
    if (!stopped.isEmpty()) {
      var first = stopped.get(0);
      throw Explain.failure(result,
          String.format(Locale.ROOT, "the agent was silenced at %.2f s, after %s of reply %d; expected it to finish",
              first.audioMs() / 1000.0, format(((AgentEvent.PlaybackStopped) first.event()).heardMs()),
              ((AgentEvent.PlaybackStopped) first.event()).reply()),
          first.audioMs());
    }
    if (result.timeline().all(AgentEvent.PlaybackDrained.class).isEmpty()) {
      throw Explain.failure(result, "no reply was played to its end", Double.NaN);
    }
  }

  @Then("the agent stops speaking within {duration} after {string}")
  public void stopsWithinAfter(Duration limit, String text) throws Exception {
    SessionResult result = session.result();
    BargeInMeasure b = Find.requireBargeIn(result, text);
    if (!b.accepted()) {
      throw Explain.failure(result,
          describe(b) + " was dropped (rule: " + rule(b.rule()) + "), so the agent kept talking; expected it to stop"
              + " within " + format(millis(limit)) + policyHint(b.rule()),
          b.audioMs());
    }
    requireStop(result, b, limit);
  }

  @Then("the speaker is silent within {duration} of the interruption")
  public void silentWithin(Duration limit) throws Exception {
    SessionResult result = session.result();
    List<BargeInMeasure> accepted = result.measures().bargeIns().stream().filter(BargeInMeasure::accepted).toList();
    if (accepted.isEmpty()) {
      throw Explain.failure(result, "no interruption was accepted, so nothing stopped the speaker", Double.NaN);
    }
    for (BargeInMeasure b : accepted) {
      requireStop(result, b, limit);
    }
  }

  @Then("there is no talk-over longer than {duration}")
  public void noTalkOver(Duration limit) throws Exception {
    SessionResult result = session.result();
    for (BargeInMeasure b : result.measures().bargeIns()) {
      if (b.accepted() && !(b.talkOverMs() <= millis(limit))) {
        throw Explain.failure(result,
            describe(b) + ": the agent talked over the user for " + format(b.talkOverMs())
                + " beyond the reaction window; expected at most " + format(millis(limit)),
            b.audioMs());
      }
    }
  }

  private static void requireStop(SessionResult result, BargeInMeasure b, Duration limit) {
    if (!(b.stopLatencyMs() <= millis(limit))) {
      throw Explain.failure(result,
          describe(b) + ": the speaker went silent " + format(b.stopLatencyMs())
              + " after the interrupting turn arrived; expected within " + format(millis(limit)),
          b.audioMs() + (Double.isNaN(b.stopLatencyMs()) ? 0 : b.stopLatencyMs()));
    }
  }

  static String describe(BargeInMeasure b) {
    return Explain.turn(b.turnOrder(), b.text()) + String.format(Locale.ROOT, " at %.2f s", b.audioMs() / 1000.0);
  }

  static String rule(InterruptionRule rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** What to change when the rule is not the one the scenario expects. */
  private static String policyHint(InterruptionRule rule) {
    switch (rule) {
      case SUBSTANTIVE:
        return "\n  hint: every word counted as real speech: are they in the backchannel words?";
      case TOO_SHORT:
        return "\n  hint: fewer words than the minimum: should the word always interrupt?";
      case BACKCHANNEL_ONLY:
        return "\n  hint: every word is a backchannel word: is one of them meant to always interrupt?";
      case AGENT_SILENT:
        return "\n  hint: the agent was not audible then, nor within the grace window";
      default:
        return "";
    }
  }
}
