package dev.turntable.harness.cucumber;

import static dev.turntable.harness.cucumber.Durations.format;
import static dev.turntable.harness.cucumber.Durations.millis;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.Locale;

/** Then steps about which turns the agent answers and how fast. */
public final class TurnTimingSteps {
  /**
   * A transcript reaches the agent with the audio frame that made it due: on the wire that is up
   * to one 50 ms frame, plus the time to hand it over, after the silence the STT waited.
   */
  static final double ARRIVAL_ALLOWANCE_MS = 100;

  private final ScenarioSession session;

  public TurnTimingSteps(ScenarioSession session) {
    this.session = session;
  }

  @Then("the agent answers {int} user turn(s)")
  public void answersTurns(int turns) throws Exception {
    SessionResult result = session.result();
    int answered = result.measures().turns().size();
    if (answered != turns) {
      throw Explain.failure(result,
          "the agent answered " + answered + " user turn(s) " + Find.answered(result) + "; expected " + turns,
          Double.NaN);
    }
  }

  @Then("the agent answers {string}")
  public void answersText(String text) throws Exception {
    sentToTheLlm(text);
  }

  @Then("{string} is sent to the LLM")
  public void sentToTheLlm(String text) throws Exception {
    SessionResult result = session.result();
    AgentEventLine turn = Find.userTurn(result, text).orElse(null);
    if (turn == null) {
      var dropped = Find.bargeIn(result, text);
      String why = dropped.isPresent() && !dropped.get().accepted()
          ? " it was dropped by rule \"" + BargeInSteps.rule(dropped.get().rule()) + "\" at "
              + String.format(Locale.ROOT, "%.2f s", dropped.get().audioMs() / 1000.0)
          : " it was never a final user turn";
      throw Explain.failure(result,
          "\"" + text + "\" was not sent to the LLM:" + why + "; turns answered: " + Find.answered(result),
          dropped.map(b -> (double) b.audioMs()).orElse(Double.NaN));
    }
    int at = result.timeline().indexOf(turn);
    if (result.timeline().first(AgentEvent.LlmRequestSent.class, at, e -> true).isEmpty()) {
      throw Explain.failure(result, "\"" + text + "\" ended a user turn but no LLM request followed", turn.audioMs());
    }
  }

  @Then("{string} is not sent to the LLM")
  public void notSentToTheLlm(String text) throws Exception {
    SessionResult result = session.result();
    var turn = Find.userTurn(result, text);
    if (turn.isPresent()) {
      var event = (AgentEvent.UserTurnEnded) turn.get().event();
      throw Explain.failure(result,
          Explain.turn(event.turnOrder(), event.text())
              + String.format(Locale.ROOT, " at %.2f s was sent to the LLM; expected it dropped", turn.get().audioMs() / 1000.0),
          turn.get().audioMs());
    }
  }

  @Then("the reply to {string} starts within {duration} of the end of the user's speech")
  public void replyWithin(String text, Duration limit) throws Exception {
    SessionResult result = session.result();
    requireLatency(result, Find.requireTurnMeasure(result, text), limit);
  }

  @Then("every answer starts within {duration} of the end of the user's speech")
  public void answersWithin(Duration limit) throws Exception {
    SessionResult result = session.result();
    if (result.measures().turns().isEmpty()) {
      throw Explain.failure(result, "the agent answered no user turn", Double.NaN);
    }
    for (TurnMeasure turn : result.measures().turns()) {
      requireLatency(result, turn, limit);
    }
  }

  @Then("the agent itself adds at most {duration} to any answer")
  public void overheadWithin(Duration limit) throws Exception {
    SessionResult result = session.result();
    for (TurnMeasure turn : result.measures().turns()) {
      if (turn.agentOverheadMs() > millis(limit)) {
        throw Explain.failure(result,
            Explain.turn(turn.turnOrder(), turn.text()) + ": the agent itself spent " + format(turn.agentOverheadMs())
                + " on it; expected at most " + format(millis(limit)),
            speechEnd(result, turn));
      }
    }
  }

  @Then("every turn ends between min_turn_silence and max_turn_silence after its last word")
  public void everyTurnEndsInWindow() throws Exception {
    SessionResult result = session.result();
    var turns = result.timeline().entries(AgentEvent.UserTurnEnded.class);
    if (turns.isEmpty()) {
      throw Explain.failure(result, "no user turn ended", Double.NaN);
    }
    turns.forEach(turn -> requireTurnWindow(result, turn));
  }

  @Then("the turn {string} ends between min_turn_silence and max_turn_silence after its last word")
  public void turnEndsInWindow(String text) throws Exception {
    SessionResult result = session.result();
    requireTurnWindow(result, Find.userTurn(result, text).orElseThrow(() -> Explain.failure(result,
        "no user turn \"" + text + "\" ended; turns answered: " + Find.answered(result), Double.NaN)));
  }

  @Then("the agent decides as it did when recorded")
  public void decidesAsRecorded() throws Exception {
    SessionResult result = session.result();
    if (!result.differences().isEmpty() || !result.verdict().passed()) {
      throw Explain.failure(result,
          "the replay decided differently from the recording:\n  " + String.join("\n  ", result.differences())
              + "\n  verdict: " + result.verdict().failures(),
          Double.NaN);
    }
  }

  private static void requireLatency(SessionResult result, TurnMeasure turn, Duration limit) {
    if (!(turn.responseLatencyMs() <= millis(limit))) {
      double end = speechEnd(result, turn);
      throw Explain.failure(result,
          String.format(Locale.ROOT,
              "%s: the reply started %s after the user's speech ended (speech ended at %.2f s, first agent audio %s);"
                  + " expected within %s%n  split: STT %s, LLM first token %s, first segment %s, TTS first audio %s,"
                  + " playback %s, agent %s",
              Explain.turn(turn.turnOrder(), turn.text()), format(turn.responseLatencyMs()), end / 1000,
              Double.isNaN(turn.responseLatencyMs()) ? "never" : String.format(Locale.ROOT, "at %.2f s", (end + turn.responseLatencyMs()) / 1000),
              format(millis(limit)), format(turn.sttMs()), format(turn.llmFirstTokenMs()), format(turn.llmFirstSegmentMs()),
              format(turn.ttsFirstAudioMs()), format(turn.playbackStartMs()), format(turn.agentOverheadMs())),
          Double.isNaN(turn.responseLatencyMs()) ? end : end + turn.responseLatencyMs());
    }
  }

  private void requireTurnWindow(SessionResult result, AgentEventLine line) {
    var turn = (AgentEvent.UserTurnEnded) line.event();
    double silence = line.audioMs() - turn.lastWordEndMs();
    int min = result.minTurnSilenceMs();
    int max = result.maxTurnSilenceMs();
    if (silence < min || silence > max + ARRIVAL_ALLOWANCE_MS) {
      throw Explain.failure(result,
          String.format(Locale.ROOT,
              "%s: the turn ended %s after its last word (last word ended at %.2f s, turn ended at %.2f s);"
                  + " expected between min_turn_silence %d ms and max_turn_silence %d ms (+%.0f ms for the audio frame)",
              Explain.turn(turn.turnOrder(), turn.text()), format(silence), turn.lastWordEndMs() / 1000.0,
              line.audioMs() / 1000.0, min, max, ARRIVAL_ALLOWANCE_MS),
          line.audioMs());
    }
  }

  private static double speechEnd(SessionResult result, TurnMeasure turn) {
    return result.timeline().all(AgentEvent.UserTurnEnded.class).stream()
        .filter(t -> t.turnOrder() == turn.turnOrder() && t.text().equals(turn.text()))
        .mapToDouble(AgentEvent.UserTurnEnded::lastWordEndMs)
        .findFirst()
        .orElse(Double.NaN);
  }
}
