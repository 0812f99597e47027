package dev.turntable.harness.eval;

import dev.turntable.agent.turn.InterruptionPolicy;
import java.util.Objects;

/** An interruption policy under a short name, to be scored side by side with others. */
public record PolicyVariant(String name, InterruptionPolicy policy) {
  public PolicyVariant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
  }

  /** The barge-in guide's own policy: MIN_WORDS = 2 and no word that always interrupts. */
  public static PolicyVariant guide() {
    return new PolicyVariant("guide", InterruptionPolicy.guideOriginal());
  }

  /** Turntable's default: the guide's, plus "stop", "wait", "no", "yes" always interrupting. */
  public static PolicyVariant turntableDefault() {
    return new PolicyVariant("default", InterruptionPolicy.defaults());
  }
}
