package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.TurnLabel;
import dev.turntable.harness.replay.ConversationScript.UserLine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the agent took each labelled line of an inline conversation: as speech (it cancelled the
 * reply for it or answered it) or not. A line labelled {@code ignore} taken as speech is a false
 * interruption; a line labelled {@code interrupt} not taken is a missed one. A line that only
 * paused the reply, which then resumed, is neither, but is counted: the user heard the pause.
 */
final class LabelledLines {
  /** One labelled line and what the agent did with it. */
  record Line(UserLine line, TurnLabel.Expect expect, boolean heard, boolean takenAsSpeech, boolean paused) {
    boolean falseInterruption() {
      return expect == TurnLabel.Expect.IGNORE && takenAsSpeech;
    }

    boolean missedInterruption() {
      return expect == TurnLabel.Expect.INTERRUPT && !takenAsSpeech;
    }

    String describe() {
      String did = !heard ? "never reached the agent"
          : takenAsSpeech ? "was taken as speech"
          : paused ? "paused the reply, which then resumed" : "was dropped";
      return "\"" + line.text() + "\" (labelled " + expect.jsonName() + ") " + did;
    }
  }

  private LabelledLines() {}

  static List<Line> of(SessionResult result, List<UserLine> user) {
    List<Line> lines = new ArrayList<>();
    for (UserLine line : user) {
      if (line.label() == null) {
        continue;
      }
      TurnLabel.Expect expect = TurnLabel.Expect.fromJson(line.label()).orElseThrow();
      OptionalInt order = turnOrder(result, line.text());
      boolean taken = order.isPresent() && takenAsSpeech(result, order.getAsInt());
      boolean paused = order.isPresent() && result.timeline().all(AgentEvent.ReplyPaused.class).stream()
          .anyMatch(p -> p.turnOrder() == order.getAsInt());
      lines.add(new Line(line, expect, order.isPresent(), taken, paused));
    }
    return lines;
  }

  /** The turn whose final transcript has exactly the line's words. */
  private static OptionalInt turnOrder(SessionResult result, String text) {
    for (AgentEventLine entry : result.timeline().events()) {
      AgentEvent e = entry.event();
      if (e instanceof AgentEvent.BargeInSuppressed s && s.endOfTurn() && sameText(s.text(), text)) {
        return OptionalInt.of(s.turnOrder());
      }
      if (e instanceof AgentEvent.BargeInAccepted a && a.endOfTurn() && sameText(a.text(), text)) {
        return OptionalInt.of(a.turnOrder());
      }
      if (e instanceof AgentEvent.UserTurnEnded u && sameText(u.text(), text)) {
        return OptionalInt.of(u.turnOrder());
      }
    }
    return OptionalInt.empty();
  }

  private static boolean takenAsSpeech(SessionResult result, int order) {
    return result.timeline().events().stream().map(AgentEventLine::event).anyMatch(e ->
        (e instanceof AgentEvent.InterruptionCommitted c && c.turnOrder() == order)
            || (e instanceof AgentEvent.UserTurnEnded u && u.turnOrder() == order));
  }

  private static boolean sameText(String heard, String written) {
    return Find.sameWords(heard, written) && Find.sameWords(written, heard)
        && heard.strip().split("\\s+").length == written.strip().split("\\s+").length;
  }
}
