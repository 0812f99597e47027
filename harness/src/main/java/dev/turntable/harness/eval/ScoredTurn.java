package dev.turntable.harness.eval;

import dev.turntable.harness.fixture.TurnLabel;

/** One labelled turn of one fixture, what a policy made the agent do with it, and the verdict. */
public record ScoredTurn(String fixture, TurnLabel label, TurnDecision decision, Outcome outcome) {
  static ScoredTurn of(String fixture, TurnLabel label, TurnDecision decision) {
    return new ScoredTurn(fixture, label, decision, Outcome.of(label.expect(), decision.decision()));
  }
}
