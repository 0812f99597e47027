package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.fixture.AgentEventLine;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.Locale;

/** Then steps about the conversation as a whole: its memory and how it survives faults. */
public final class ConversationSteps {
  private final ScenarioSession session;

  public ConversationSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("the agent only remembers what the user heard")
  public void onlyWhatWasHeard() throws Exception {
    SessionResult result = session.result();
    var stops = result.timeline().entries(AgentEvent.PlaybackStopped.class);
    var truncations = result.timeline().all(AgentEvent.HistoryTruncated.class);
    if (stops.isEmpty()) {
      throw Explain.failure(result, "the agent was never interrupted, so there is nothing it should forget", Double.NaN);
    }
    for (AgentEventLine stop : stops) {
      int reply = ((AgentEvent.PlaybackStopped) stop.event()).reply();
      var truncated = truncations.stream().filter(t -> t.reply() == reply).findFirst();
      if (truncated.isEmpty() || truncated.get().unheard().isBlank()) {
        throw Explain.failure(result,
            String.format(Locale.ROOT,
                "reply %d was cut off at %.2f s but the history still holds all of it; expected only what was heard",
                reply, stop.audioMs() / 1000.0),
            stop.audioMs());
      }
    }
  }

  @Then("the conversation recovers after the fault")
  public void recovers() throws Exception {
    SessionResult result = session.result();
    List<AgentEventLine> events = result.timeline().events();
    int error = -1;
    for (int i = 0; i < events.size() && error < 0; i++) {
      if (events.get(i).event() instanceof AgentEvent.AgentError) {
        error = i;
      }
    }
    if (error < 0) {
      throw Explain.failure(result, "no fault reached the agent (no agent error), so nothing was recovered from", Double.NaN);
    }
    var turn = result.timeline().first(AgentEvent.UserTurnEnded.class, error + 1, e -> true);
    if (turn.isEmpty()) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "after the fault at %.2f s (%s) the agent heard no further user turn",
              events.get(error).audioMs() / 1000.0, ((AgentEvent.AgentError) events.get(error).event()).message()),
          events.get(error).audioMs());
    }
    int at = result.timeline().indexOf(turn.get());
    if (result.timeline().first(AgentEvent.PlaybackStarted.class, at, e -> true).isEmpty()) {
      var ended = (AgentEvent.UserTurnEnded) turn.get().event();
      throw Explain.failure(result,
          "after the fault the agent heard " + Explain.turn(ended.turnOrder(), ended.text()) + " but never answered it",
          turn.get().audioMs());
    }
  }

  @Then("the agent reports a(n) {service} error")
  public void reportsError(String service) throws Exception {
    SessionResult result = session.result();
    boolean reported = result.timeline().all(AgentEvent.AgentError.class).stream().anyMatch(e -> e.source().equals(service));
    if (!reported) {
      throw Explain.failure(result,
          "the agent reported no " + service + " error; errors: "
              + result.timeline().all(AgentEvent.AgentError.class).stream().map(e -> e.source() + ": " + e.message()).toList(),
          Double.NaN);
    }
  }
}
