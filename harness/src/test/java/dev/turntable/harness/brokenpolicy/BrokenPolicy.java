package dev.turntable.harness.brokenpolicy;

import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.harness.cucumber.ScenarioSession;
import io.cucumber.java.Before;
import java.time.Duration;
import java.util.Set;

/**
 * Extra glue for {@code BrokenPolicyIT}: every scenario starts from a policy with no backchannel
 * words and no words that always interrupt, as a team might ship by mistake. Kept out of the step
 * library's package so the normal suite never picks it up.
 */
public final class BrokenPolicy {
  static final InterruptionPolicy POLICY =
      new InterruptionPolicy(Set.of(), InterruptionPolicy.DEFAULT_MIN_WORDS, Duration.ofSeconds(1), Set.of());

  private final ScenarioSession session;

  public BrokenPolicy(ScenarioSession session) {
    this.session = session;
  }

  @Before(order = 1)
  public void breakThePolicy() {
    session.basePolicy(POLICY);
  }
}
