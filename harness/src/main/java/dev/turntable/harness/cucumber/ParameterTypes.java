package dev.turntable.harness.cucumber;

import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.agent.turn.InterruptionRule;
import io.cucumber.java.ParameterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain values in Gherkin: {@code {duration}} ("300 ms", "1.2 s"), {@code {rule}} ("backchannel
 * only"), {@code {preset}} ("fast", "balanced", "patient"), {@code {service}} ("LLM", "TTS",
 * "STT") and {@code {words}} ("mhm", "yeah" and "okay").
 */
public final class ParameterTypes {
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  @ParameterType("(\\d+(?:\\.\\d+)?)\\s*(ms|s)")
  public Duration duration(String amount, String unit) {
    return Durations.parse(amount + " " + unit);
  }

  /** A rule by its words: "always interrupt word", "backchannel only", "too short", "echo" … */
  @ParameterType("agent silent|always interrupt word|substantive|empty|backchannel only|too short|echo")
  public InterruptionRule rule(String words) {
    return InterruptionRule.valueOf(words.toUpperCase(Locale.ROOT).replace(' ', '_'));
  }

  @ParameterType("fast|balanced|patient")
  public TurnPreset preset(String name) {
    return TurnPreset.fromName(name);
  }

  @ParameterType("LLM|TTS|STT")
  public String service(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Quoted words joined by commas and "and": {@code "mhm", "yeah" and "okay"}. */
  @ParameterType("\"[^\"]*\"(?:(?:,\\s*|\\s+and\\s+|,\\s*and\\s+)\"[^\"]*\")*")
  public List<String> words(String list) {
    List<String> words = new ArrayList<>();
    Matcher m = QUOTED.matcher(list);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }
}
