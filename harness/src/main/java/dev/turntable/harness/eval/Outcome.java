package dev.turntable.harness.eval;

import dev.turntable.harness.fixture.TurnLabel.Expect;

/**
 * A decision judged against its label. A turn labelled "interrupt" or "ordinary" should get the
 * floor (the agent stops or answers); a turn labelled "ignore" should not.
 */
public enum Outcome {
  CORRECT("correct"),
  /** Labelled ignore, yet the agent stopped for it or answered it. */
  FALSE_INTERRUPTION("false interruption"),
  /** Labelled interrupt, yet the agent dropped it and kept talking. */
  MISSED_INTERRUPTION("missed interruption"),
  /** Labelled ordinary, yet the agent dropped it. */
  DROPPED_TURN("dropped ordinary turn");

  private final String words;

  Outcome(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  static Outcome of(Expect expect, Decision decision) {
    boolean took = decision.tookTheTurn();
    if (expect == Expect.IGNORE) {
      return took ? FALSE_INTERRUPTION : CORRECT;
    }
    if (took) {
      return CORRECT;
    }
    return expect == Expect.INTERRUPT ? MISSED_INTERRUPTION : DROPPED_TURN;
  }
}
