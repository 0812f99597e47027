package dev.turntable.harness.eval;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.TurnLabel;
import java.util.List;
import java.util.Locale;

/**
 * The agent's decision about one turn ({@code turn} is the STT turn_order) and the rule behind it;
 * {@code rule} is null for a turn answered or never decided, which no policy rule judged.
 */
public record TurnDecision(int turn, Decision decision, InterruptionRule rule, String text) {

  /** The decision when the timeline says nothing about a turn. */
  static TurnDecision unheard(int turn) {
    return new TurnDecision(turn, Decision.UNHEARD, null, "");
  }

  /** Row name for counts per rule: the rule, or the decision when no rule applied. */
  public String ruleKey() {
    return rule != null ? rule.name() : decision.name();
  }

  /**
   * What the agent decided about the labelled turn: the events of its turn_order whose words begin
   * the label's text (a partial is the start of its final), so that after an STT reconnect, which
   * numbers turns from 0 again, a turn of the first session is not taken for one of the second. A
   * turn may be suppressed as a partial and accepted later, so an accepted barge-in wins over an
   * answer, and either wins over a suppression.
   */
  static TurnDecision of(Timeline timeline, TurnLabel label) {
    TurnDecision decision = unheard(label.turn());
    List<String> labelled = words(label.text());
    for (AgentEventLine line : timeline.events()) {
      AgentEvent event = line.event();
      int turn;
      String text;
      Decision now;
      InterruptionRule rule = null;
      if (event instanceof AgentEvent.BargeInAccepted e) {
        turn = e.turnOrder();
        text = e.text();
        now = Decision.INTERRUPTED;
        rule = e.rule();
      } else if (event instanceof AgentEvent.UserTurnEnded e) {
        turn = e.turnOrder();
        text = e.text();
        now = Decision.ANSWERED;
      } else if (event instanceof AgentEvent.BargeInSuppressed e) {
        turn = e.turnOrder();
        text = e.text();
        now = Decision.IGNORED;
        rule = e.rule();
      } else {
        continue;
      }
      List<String> heard = words(text);
      boolean same = turn == label.turn() && !heard.isEmpty() && (labelled.isEmpty()
          || heard.size() <= labelled.size() && labelled.subList(0, heard.size()).equals(heard));
      // Decisions are declared strongest first; a later one of equal strength replaces.
      if (same && now.ordinal() <= decision.decision().ordinal()) {
        decision = new TurnDecision(turn, now, rule, text);
      }
    }
    return decision;
  }

  private static List<String> words(String text) {
    String folded = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", "").strip();
    return folded.isEmpty() ? List.of() : List.of(folded.split("\\s+"));
  }
}
