package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds what a step names by the user's words, as a person writes them ("Mhm", "wait, stop"). */
final class Find {
  private Find() {}

  /**
   * The same words, or one a word-wise prefix of the other: a step may name the start of a turn
   * ("Wait"), and a barge-in may be decided on a partial ("Actually, where") of the turn it names.
   */
  static boolean sameWords(String heard, String written) {
    List<String> a = words(heard);
    List<String> b = words(written);
    if (a.isEmpty() || b.isEmpty()) {
      return a.equals(b);
    }
    return a.size() <= b.size() ? b.subList(0, a.size()).equals(a) : a.subList(0, b.size()).equals(b);
  }

  private static List<String> words(String text) {
    String folded = normalize(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  static Optional<BargeInMeasure> bargeIn(SessionResult result, String text) {
    return result.measures().bargeIns().stream().filter(b -> sameWords(b.text(), text)).findFirst();
  }

  static BargeInMeasure requireBargeIn(SessionResult result, String text) {
    return bargeIn(result, text)
        .orElseThrow(() -> Explain.failure(result,
            "no turn \"" + text + "\" was heard while the agent spoke (or in its grace window); turns heard then: "
                + result.measures().bargeIns().stream().map(b -> "\"" + b.text() + "\"").toList()
                + ", turns answered: " + answered(result),
            Double.NaN));
  }

  static Optional<AgentEventLine> userTurn(SessionResult result, String text) {
    return result.timeline().entries(AgentEvent.UserTurnEnded.class).stream()
        .filter(e -> sameWords(((AgentEvent.UserTurnEnded) e.event()).text(), text))
        .findFirst();
  }

  static TurnMeasure requireTurnMeasure(SessionResult result, String text) {
    return result.measures().turns().stream()
        .filter(t -> sameWords(t.text(), text))
        .findFirst()
        .orElseThrow(() -> Explain.failure(result,
            "no user turn \"" + text + "\" was answered; turns answered: " + answered(result), Double.NaN));
  }

  static List<String> answered(SessionResult result) {
    return result.timeline().all(AgentEvent.UserTurnEnded.class).stream().map(t -> "\"" + t.text() + "\"").toList();
  }

  private static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}]", "").replaceAll("\\s+", " ").strip();
  }
}
