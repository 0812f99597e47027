package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.InterruptionCommitted;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Locale;

/** Then steps about a user who speaks again while the agent is still preparing its reply. */
public final class ThinkingSteps {
  static final String BEFORE_HEARD = "new turn before the reply was heard";

  private final ScenarioSession session;

  public ThinkingSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("the pending reply is cancelled for {string}")
  public void pendingCancelledFor(String text) throws Exception {
    SessionResult result = session.result();
    var turn = Find.userTurn(result, text).orElseThrow(() -> Explain.failure(result,
        "no user turn \"" + text + "\" ended; turns answered: " + Find.answered(result), Double.NaN));
    int order = ((AgentEvent.UserTurnEnded) turn.event()).turnOrder();
    boolean cancelled = result.timeline().all(InterruptionCommitted.class).stream()
        .anyMatch(c -> c.turnOrder() == order && c.reason().equals(BEFORE_HEARD));
    if (!cancelled) {
      throw Explain.failure(result,
          "\"" + text + "\" cancelled no pending reply; cancellations: " + cancellations(result), turn.audioMs());
    }
  }

  /**
   * From the captured audio: everything the speaker played belongs to a reply that was heard, so
   * no sample of a reply cancelled before it was heard came out.
   */
  @Then("no audio of the cancelled reply is played")
  public void noStaleAudio() throws Exception {
    SessionResult result = session.result();
    List<InterruptionCommitted> stale = result.timeline().all(InterruptionCommitted.class).stream()
        .filter(c -> c.reason().equals(BEFORE_HEARD))
        .toList();
    if (stale.isEmpty()) {
      throw Explain.failure(result, "no reply was cancelled before it was heard; cancellations: " + cancellations(result), Double.NaN);
    }
    for (InterruptionCommitted c : stale) {
      var started = ReplyAudio.started(result, c.reply());
      if (started.isPresent()) {
        throw Explain.failure(result,
            "reply " + c.reply() + " was cancelled before it was heard, yet it started playing", started.get().audioMs());
      }
    }
    double captured = result.outcome().playedAudio().spans().stream().mapToDouble(s -> s.endMs() - s.startMs()).sum();
    double replies = 0;
    for (AgentEvent.PlaybackStarted p : result.timeline().all(AgentEvent.PlaybackStarted.class)) {
      replies += ReplyAudio.playedMs(result, p.reply());
    }
    if (captured - replies > FalseInterruptionSteps.SAMPLE_ALLOWANCE_MS) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "the speaker played %s of audio that belongs to no reply that started playing",
              format(captured - replies)),
          Double.NaN);
    }
  }

  @Then("no reply is cancelled")
  public void noReplyCancelled() throws Exception {
    SessionResult result = session.result();
    var commits = result.timeline().entries(InterruptionCommitted.class);
    if (!commits.isEmpty()) {
      throw Explain.failure(result, "a reply was cancelled: " + cancellations(result), commits.get(0).audioMs());
    }
  }

  private static List<String> cancellations(SessionResult result) {
    return result.timeline().all(InterruptionCommitted.class).stream()
        .map(c -> "reply " + c.reply() + " by turn " + c.turnOrder() + " (" + c.reason() + ")")
        .toList();
  }
}
