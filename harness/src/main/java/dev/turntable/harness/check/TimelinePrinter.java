package dev.turntable.harness.check;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import java.util.Locale;

/**
 * A session as a person reads it: user turns, the agent's replies, barge-in decisions with their
 * rules, errors — one line each, at audio time (which is the same at any replay speed).
 */
final class TimelinePrinter {
  private TimelinePrinter() {}

  static String print(Timeline timeline) {
    StringBuilder out = new StringBuilder();
    List<AgentEventLine> lines = timeline.events();
    for (int i = 0; i < lines.size(); i++) {
      AgentEventLine line = lines.get(i);
      String text = describe(line.event(), timeline.sttSessionStartMs(i));
      if (text != null) {
        out.append(String.format(Locale.ROOT, "  %7.2f s  %s%n", line.audioMs() / 1000.0, text));
      }
    }
    return out.toString();
  }

  /** @param sttStartMs where the event's STT session began: its word times count from there */
  private static String describe(AgentEvent event, long sttStartMs) {
    if (event instanceof AgentEvent.UserTurnEnded e) {
      return String.format(Locale.ROOT, "user     \"%s\" (speech ended %.2f s)", e.text(),
          (e.lastWordEndMs() < 0 ? e.lastWordEndMs() : sttStartMs + e.lastWordEndMs()) / 1000.0);
    } else if (event instanceof AgentEvent.SttReconnected e) {
      return String.format(Locale.ROOT, "stt      reconnected after %.2f s: a new session", e.downMs() / 1000);
    } else if (event instanceof AgentEvent.PlaybackStarted e) {
      return "agent    starts speaking (reply " + e.reply() + ")";
    } else if (event instanceof AgentEvent.TtsFirstAudio e) {
      return "agent    says \"" + e.text() + "\"";
    } else if (event instanceof AgentEvent.PlaybackDrained e) {
      return "agent    finished reply " + e.reply();
    } else if (event instanceof AgentEvent.PlaybackStopped e) {
      return String.format(Locale.ROOT, "agent    silenced after %.2f s of reply %d", e.heardMs() / 1000, e.reply());
    } else if (event instanceof AgentEvent.BargeInAccepted e) {
      return "barge-in ACCEPTED (" + rule(e.rule()) + "): \"" + e.text() + "\"";
    } else if (event instanceof AgentEvent.BargeInSuppressed e) {
      return "barge-in ignored (" + rule(e.rule()) + "): \"" + e.text() + "\"";
    } else if (event instanceof AgentEvent.HistoryTruncated e) {
      return "history  keeps only what was heard: \"" + e.heard() + "\"";
    } else if (event instanceof AgentEvent.AgentError e) {
      return "ERROR    " + e.source() + ": " + e.message();
    }
    return null;
  }

  private static String rule(dev.turntable.agent.turn.InterruptionRule rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
