package dev.turntable.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.TurnLabel.Expect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "INTERRUPT, INTERRUPTED, CORRECT",
    "INTERRUPT, ANSWERED,    CORRECT",
    "INTERRUPT, IGNORED,     MISSED_INTERRUPTION",
    "INTERRUPT, UNHEARD,     MISSED_INTERRUPTION",
    "IGNORE,    IGNORED,     CORRECT",
    "IGNORE,    UNHEARD,     CORRECT",
    "IGNORE,    INTERRUPTED, FALSE_INTERRUPTION",
    "IGNORE,    ANSWERED,    FALSE_INTERRUPTION",
    "ORDINARY,  ANSWERED,    CORRECT",
    "ORDINARY,  INTERRUPTED, CORRECT",
    "ORDINARY,  IGNORED,     DROPPED_TURN",
    "ORDINARY,  UNHEARD,     DROPPED_TURN",
  })
  void aDecisionIsJudgedByWhetherTheTurnShouldGetTheFloor(Expect expect, Decision decision, Outcome outcome) {
    assertThat(Outcome.of(expect, decision)).isEqualTo(outcome);
  }
}
