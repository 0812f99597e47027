package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;
import static dev.turntable.harness.cucumber.Durations.millis;

import dev.turntable.agent.conversation.AgentEvent.InterruptionCommitted;
import dev.turntable.agent.conversation.AgentEvent.ReplyPaused;
import dev.turntable.agent.conversation.AgentEvent.ReplyResumed;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.fixture.AgentEventLine;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Then steps about a turn that passes the policy on a partial: the agent pauses, then either
 * resumes where it stopped (the turn came to nothing) or commits the interruption.
 */
public final class FalseInterruptionSteps {
  /** The first sample after a resume may follow the resume by one speaker write on the wire. */
  static final double RESUME_ALLOWANCE_MS = 100;
  /** Captured audio and the agent's frame count may differ by a rounding per span. */
  static final double SAMPLE_ALLOWANCE_MS = 2;

  private final ScenarioSession session;

  public FalseInterruptionSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("the agent pauses when it hears {string}")
  public void pausesAt(String text) throws Exception {
    SessionResult result = session.result();
    boolean paused = result.timeline().all(ReplyPaused.class).stream().anyMatch(p -> Find.sameWords(p.text(), text));
    if (!paused) {
      throw Explain.failure(result,
          "the agent never paused for \"" + text + "\"; pauses: "
              + result.timeline().all(ReplyPaused.class).stream().map(p -> "\"" + p.text() + "\"").toList(),
          Find.bargeIn(result, text).map(b -> (double) b.audioMs()).orElse(Double.NaN));
    }
  }

  /**
   * From the captured audio: the rest of the reply came out after the resume, and the user heard
   * exactly the reply's audio once — not the interrupted sentence again, and not less.
   */
  @Then("the agent resumes where it stopped")
  public void resumesWhereItStopped() throws Exception {
    SessionResult result = session.result();
    AgentEventLine resumed = requireResumed(result);
    int reply = ((ReplyResumed) resumed.event()).reply();
    var gap = ReplyAudio.gapAround(result, resumed.tMs());
    if (gap.isEmpty() || gap.get().toMs() > resumed.tMs() + RESUME_ALLOWANCE_MS) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "reply %d resumed at %.2f s but no audio came out %s",
              reply, resumed.tMs() / 1000, gap.isEmpty() ? "after it" : "until " + format(gap.get().toMs() - resumed.tMs()) + " later"),
          resumed.audioMs());
    }
    var drained = ReplyAudio.drained(result, reply);
    if (drained.isEmpty()) {
      throw Explain.failure(result,
          "reply " + reply + " resumed but was never played to its end: the rest of it was dropped", resumed.audioMs());
    }
    double heard = ReplyAudio.playedMs(result, reply);
    double whole = drained.get().playedMs();
    if (Math.abs(heard - whole) > SAMPLE_ALLOWANCE_MS) {
      throw Explain.failure(result,
          String.format(Locale.ROOT,
              "the speaker played %s of reply %d, which is %s long: %s",
              format(heard), reply, format(whole),
              heard > whole ? "part of it was played twice (it restarted instead of resuming)" : "part of it was never played"),
          resumed.audioMs());
    }
  }

  @Then("the agent resumes because the final turn was dropped as {rule}")
  public void resumesBecauseDropped(InterruptionRule rule) throws Exception {
    requireReason(session.result(), "final turn dropped as " + rule);
  }

  @Then("the agent resumes because no transcript followed")
  public void resumesBecauseNoTranscript() throws Exception {
    requireReason(session.result(), "no transcript within");
  }

  /** The silence the user heard, from the captured audio: last sample before, first after. */
  @Then("the pause costs the user at most {duration}")
  public void pauseCostsAtMost(Duration limit) throws Exception {
    SessionResult result = session.result();
    AgentEventLine resumed = requireResumed(result);
    var gap = ReplyAudio.gapAround(result, resumed.tMs());
    if (gap.isEmpty() || !(gap.get().millis() <= millis(limit))) {
      throw Explain.failure(result,
          gap.map(g -> String.format(Locale.ROOT,
                  "the agent was silent for %s (from %.2f s to %.2f s); expected at most %s",
                  format(g.millis()), g.fromMs() / 1000, g.toMs() / 1000, format(millis(limit))))
              .orElse("no audio came out after the resume at " + format(resumed.tMs())),
          resumed.audioMs());
    }
  }

  @Then("the agent does not resume")
  public void doesNotResume() throws Exception {
    SessionResult result = session.result();
    var resumed = result.timeline().entries(ReplyResumed.class);
    if (!resumed.isEmpty()) {
      ReplyResumed r = (ReplyResumed) resumed.get(0).event();
      throw Explain.failure(result,
          "reply " + r.reply() + " resumed (" + r.reason() + "); expected the interruption to stand", resumed.get(0).audioMs());
    }
  }

  @Then("the reply is cancelled when the final turn arrives")
  public void cancelledByFinal() throws Exception {
    requireCommitted(session.result(), "final turn");
  }

  @Then("the reply is cancelled at the first partial")
  public void cancelledByPartial() throws Exception {
    requireCommitted(session.result(), "partial, resume off");
  }

  private static void requireCommitted(SessionResult result, String reason) {
    List<InterruptionCommitted> commits = result.timeline().all(InterruptionCommitted.class);
    if (commits.stream().noneMatch(c -> c.reason().equals(reason))) {
      throw Explain.failure(result,
          "no reply was cancelled by the " + reason + "; cancellations: "
              + commits.stream().map(c -> "reply " + c.reply() + " (" + c.reason() + ")").toList(),
          Double.NaN);
    }
  }

  private static AgentEventLine requireResumed(SessionResult result) {
    var resumed = result.timeline().entries(ReplyResumed.class);
    if (resumed.isEmpty()) {
      var commits = result.timeline().all(InterruptionCommitted.class);
      throw Explain.failure(result,
          "the agent never resumed a paused reply; pauses: "
              + result.timeline().all(ReplyPaused.class).stream().map(p -> "\"" + p.text() + "\" (" + BargeInSteps.rule(p.rule()) + ")").toList()
              + ", cancellations: " + commits.stream().map(c -> "reply " + c.reply() + " (" + c.reason() + ")").toList(),
          Double.NaN);
    }
    return resumed.get(0);
  }

  private static void requireReason(SessionResult result, String reason) {
    AgentEventLine resumed = requireResumed(result);
    ReplyResumed r = (ReplyResumed) resumed.event();
    if (!r.reason().startsWith(reason)) {
      throw Explain.failure(result,
          "reply " + r.reply() + " resumed because " + r.reason() + "; expected: " + reason, resumed.audioMs());
    }
  }
}
