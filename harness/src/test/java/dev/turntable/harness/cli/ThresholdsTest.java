package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.harness.eval.Decision;
import dev.turntable.harness.eval.Outcome;
import dev.turntable.harness.eval.PolicyVariant;
import dev.turntable.harness.eval.ScoredTurn;
import dev.turntable.harness.eval.TurnDecision;
import dev.turntable.harness.eval.VariantScore;
import dev.turntable.harness.fixture.TurnLabel;
import dev.turntable.harness.fixture.TurnLabel.Expect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
  /** The guide's policy on the labelled corpus: 1 of 5 false and 3 of 5 missed interruptions. */
  private static final VariantScore GUIDE = new VariantScore(PolicyVariant.guide(), turns(
      Expect.IGNORE, 5, Outcome.FALSE_INTERRUPTION, 1,
      Expect.INTERRUPT, 5, Outcome.MISSED_INTERRUPTION, 3,
      Expect.ORDINARY, 10, Outcome.DROPPED_TURN, 0));

  @Test
  void namesEachRateWorseThanItsLimit() {
    assertThat(new Thresholds(0.0, 0.5, null).violations(GUIDE)).containsExactly(
        "guide: false interruptions 1/5 (20.0%) is worse than the limit 0.0%",
        "guide: missed interruptions 3/5 (60.0%) is worse than the limit 50.0%");
    assertThat(new Thresholds(0.2, 0.6, 0.0).violations(GUIDE)).isEmpty();
  }

  @Test
  void readsARateAsAFractionOrAPercentage() {
    assertThat(Thresholds.parseRate("5%", "--max")).isEqualTo(0.05);
    assertThat(Thresholds.parseRate("0.05", "--max")).isEqualTo(0.05);
    assertThatThrownBy(() -> Thresholds.parseRate("150%", "--max-missed-interruptions"))
        .hasMessageContaining("--max-missed-interruptions takes a rate from 0 to 1");
  }

  /** Per label: how many turns, and how many of them went wrong in the given way. */
  private static List<ScoredTurn> turns(Object... labelCountOutcomeWrong) {
    List<ScoredTurn> turns = new ArrayList<>();
    for (int i = 0; i < labelCountOutcomeWrong.length; i += 4) {
      Expect expect = (Expect) labelCountOutcomeWrong[i];
      int count = (Integer) labelCountOutcomeWrong[i + 1];
      Outcome wrong = (Outcome) labelCountOutcomeWrong[i + 2];
      int wrongCount = (Integer) labelCountOutcomeWrong[i + 3];
      for (int n = 0; n < count; n++) {
        int turn = turns.size() + 1;
        TurnLabel label = new TurnLabel(turn, "turn " + turn, expect);
        TurnDecision decision = new TurnDecision(turn, Decision.ANSWERED, null, label.text());
        turns.add(new ScoredTurn("corpus", label, decision, n < wrongCount ? wrong : Outcome.CORRECT));
      }
    }
    return turns;
  }
}
