package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;
import static dev.turntable.harness.cucumber.Durations.millis;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.PlayedAudio;
import dev.turntable.harness.fixture.AgentEventLine;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Then steps that place a user's words against the agent's audio on the audio axis: when the words
 * were spoken and when their transcript arrived, each against the last sample the speaker played
 * before them.
 */
public final class GraceWindowSteps {
  /** The scripted STT places words at whole milliseconds; a stated offset is met within this. */
  static final double PLACEMENT_ALLOWANCE_MS = 50;

  private final ScenarioSession session;

  public GraceWindowSteps(ScenarioSession session) {
    this.session = session;
  }

  /** Checks the scenario says what it tests: the words really began that long after the agent. */
  @Then("{string} begins {duration} after the agent's audio ended")
  public void beginsAfter(String text, Duration offset) throws Exception {
    SessionResult result = session.result();
    AgentEventLine turn = requireFinal(result, text);
    double start = firstWordMs(result, turn);
    double ended = lastSampleBefore(result, start).orElse(Double.NaN);
    double after = start - ended;
    if (!(Math.abs(after - millis(offset)) <= PLACEMENT_ALLOWANCE_MS)) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "\"%s\" began %s after the agent's audio ended (at %.2f s); expected %s",
              text, format(after), ended / 1000, format(millis(offset))),
          start);
    }
  }

  /** The transcript came later than the grace window: only the words' times can place the turn. */
  @Then("the transcript of {string} arrives more than {duration} after the agent's audio ended")
  public void transcriptArrivesAfter(String text, Duration limit) throws Exception {
    SessionResult result = session.result();
    AgentEventLine turn = requireFinal(result, text);
    double ended = lastSampleBefore(result, firstWordMs(result, turn)).orElse(Double.NaN);
    double after = turn.tMs() - ended;
    if (!(after > millis(limit))) {
      throw Explain.failure(result,
          String.format(Locale.ROOT, "the transcript of \"%s\" arrived %s after the agent's audio ended; expected more than %s",
              text, format(after), format(millis(limit))),
          turn.audioMs());
    }
  }

  /** The final transcript of the turn: a dropped barge-in, or a turn the agent answered. */
  private static AgentEventLine requireFinal(SessionResult result, String text) {
    for (AgentEventLine line : result.timeline().events()) {
      AgentEvent e = line.event();
      boolean isFinal =
          (e instanceof AgentEvent.BargeInSuppressed s && s.endOfTurn() && Find.sameWords(s.text(), text))
              || (e instanceof AgentEvent.BargeInAccepted a && a.endOfTurn() && Find.sameWords(a.text(), text))
              || (e instanceof AgentEvent.UserTurnEnded u && Find.sameWords(u.text(), text));
      if (isFinal) {
        return line;
      }
    }
    throw Explain.failure(result, "no final transcript of \"" + text + "\" reached the agent", Double.NaN);
  }

  /** When the turn's first word began: the scripted STT places it at the start of the line. */
  private double firstWordMs(SessionResult result, AgentEventLine turn) {
    if (!session.scripted()) {
      throw new IllegalStateException("this step places words by the conversation's lines: use it with Given the conversation:");
    }
    String text = textOf(turn.event());
    var line = session.effectiveScript().user().stream().filter(u -> Find.sameWords(u.text(), text)).findFirst();
    if (line.isEmpty()) {
      throw Explain.failure(result, "\"" + text + "\" is not a line of the conversation", turn.audioMs());
    }
    return line.get().atMs();
  }

  private static String textOf(AgentEvent e) {
    if (e instanceof AgentEvent.BargeInSuppressed s) {
      return s.text();
    }
    if (e instanceof AgentEvent.BargeInAccepted a) {
      return a.text();
    }
    return ((AgentEvent.UserTurnEnded) e).text();
  }

  private static Optional<Double> lastSampleBefore(SessionResult result, double ms) {
    Optional<Double> last = Optional.empty();
    for (PlayedAudio.Span span : result.outcome().playedAudio().spans()) {
      if (span.startMs() < ms) {
        last = Optional.of(Math.min(span.endMs(), ms));
      }
    }
    return last;
  }
}
