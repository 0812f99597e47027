package dev.turntable.harness.eval;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's decision about one turn ({@code turn} is the STT turn_order) and the rule behind it;
 * {@code rule} is null for a turn answered or never decided, which no policy rule judged.
 */
public record TurnDecision(int turn, Decision decision, InterruptionRule rule, String text) {

  /** The decision when the timeline says nothing about a turn. */
  public static TurnDecision unheard(int turn) {
    return new TurnDecision(turn, Decision.UNHEARD, null, "");
  }

  /** Row name for counts per rule: the rule, or the decision when no rule applied. */
  public String ruleKey() {
    return rule != null ? rule.name() : decision.name();
  }

  /**
   * Every turn's final decision in a timeline. A turn may be suppressed as a partial and accepted
   * later, so an accepted barge-in wins over an answer, and either wins over a suppression.
   */
  public static Map<Integer, TurnDecision> of(Timeline timeline) {
    Map<Integer, TurnDecision> decisions = new LinkedHashMap<>();
    for (AgentEventLine line : timeline.events()) {
      AgentEvent event = line.event();
      if (event instanceof AgentEvent.BargeInAccepted e) {
        decisions.put(e.turnOrder(), new TurnDecision(e.turnOrder(), Decision.INTERRUPTED, e.rule(), e.text()));
      } else if (event instanceof AgentEvent.UserTurnEnded e) {
        TurnDecision before = decisions.get(e.turnOrder());
        if (before == null || before.decision() != Decision.INTERRUPTED) {
          decisions.put(e.turnOrder(), new TurnDecision(e.turnOrder(), Decision.ANSWERED, null, e.text()));
        }
      } else if (event instanceof AgentEvent.BargeInSuppressed e) {
        TurnDecision before = decisions.get(e.turnOrder());
        if (before == null || before.decision() == Decision.IGNORED) {
          decisions.put(e.turnOrder(), new TurnDecision(e.turnOrder(), Decision.IGNORED, e.rule(), e.text()));
        }
      }
    }
    return decisions;
  }
}
