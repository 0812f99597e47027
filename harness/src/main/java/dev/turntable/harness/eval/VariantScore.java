package dev.turntable.harness.eval;

import dev.turntable.harness.fixture.TurnLabel.Expect;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every labelled turn of a corpus scored under one policy variant, and the counts over them. */
public record VariantScore(PolicyVariant variant, List<ScoredTurn> turns) {
  public VariantScore {
    turns = List.copyOf(turns);
  }

  /** A count and what it is out of: {@code 2/6}. An empty denominator has no rate. */
  public record Rate(long count, long of) {
    public double value() {
      return of == 0 ? Double.NaN : (double) count / of;
    }
  }

  public long count(Outcome outcome) {
    return turns.stream().filter(t -> t.outcome() == outcome).count();
  }

  public long labelled(Expect expect) {
    return turns.stream().filter(t -> t.label().expect() == expect).count();
  }

  /** False interruptions out of the turns that should be ignored. */
  public Rate falseInterruptions() {
    return new Rate(count(Outcome.FALSE_INTERRUPTION), labelled(Expect.IGNORE));
  }

  /** Missed interruptions out of the turns that should interrupt. */
  public Rate missedInterruptions() {
    return new Rate(count(Outcome.MISSED_INTERRUPTION), labelled(Expect.INTERRUPT));
  }

  /** Dropped turns out of the ordinary turns. */
  public Rate droppedTurns() {
    return new Rate(count(Outcome.DROPPED_TURN), labelled(Expect.ORDINARY));
  }

  public Rate correct() {
    return new Rate(count(Outcome.CORRECT), turns.size());
  }

  /** Rule (or decision, when no rule applied) → outcome → count, rules in a stable order. */
  public Map<String, Map<Outcome, Long>> byRule() {
    Map<String, Map<Outcome, Long>> rules = new TreeMap<>();
    for (ScoredTurn turn : turns) {
      rules.computeIfAbsent(turn.decision().ruleKey(), k -> new TreeMap<>())
          .merge(turn.outcome(), 1L, Long::sum);
    }
    return rules;
  }

  public List<ScoredTurn> wrong() {
    return turns.stream().filter(t -> t.outcome() != Outcome.CORRECT).toList();
  }
}
