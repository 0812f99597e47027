package dev.turntable.harness.cucumber;

import dev.turntable.agent.turn.InterruptionRule;
import io.cucumber.java.ParameterType;
import java.time.Duration;
import java.util.Locale;

/** Domain values in Gherkin: {@code {duration}} ("300 ms", "1.5 s") and {@code {rule}}. */
public final class ParameterTypes {
  @ParameterType("(\\d+(?:\\.\\d+)?)\\s*(ms|s)")
  public Duration duration(String amount, String unit) {
    double value = Double.parseDouble(amount);
    return Duration.ofNanos((long) (value * (unit.equals("s") ? 1e9 : 1e6)));
  }

  /** A rule by its words: "always interrupt word", "backchannel only", "too short" … */
  @ParameterType("agent silent|always interrupt word|substantive|empty|backchannel only|too short")
  public InterruptionRule rule(String words) {
    return InterruptionRule.valueOf(words.toUpperCase(Locale.ROOT).replace(' ', '_'));
  }
}
