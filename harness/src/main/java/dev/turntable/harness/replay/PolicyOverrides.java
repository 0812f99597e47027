package dev.turntable.harness.replay;

import dev.turntable.agent.turn.InterruptionPolicy;
import java.time.Duration;
import java.util.Set;

/** A script's policy settings over the defaults: a field left out keeps the default. */
final class PolicyOverrides {
  private PolicyOverrides() {}

  static InterruptionPolicy apply(ConversationScript.PolicySettings settings) {
    InterruptionPolicy d = InterruptionPolicy.defaults();
    return new InterruptionPolicy(
        settings.backchannels() == null ? d.backchannels() : Set.copyOf(settings.backchannels()),
        settings.minWords() == null ? d.minWords() : settings.minWords(),
        settings.graceMs() == null ? d.graceWindow() : Duration.ofMillis(settings.graceMs()),
        settings.alwaysInterrupt() == null ? d.alwaysInterrupt() : Set.copyOf(settings.alwaysInterrupt()));
  }
}
