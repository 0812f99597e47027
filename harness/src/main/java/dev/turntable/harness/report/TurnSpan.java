package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.PartialTranscript;
import dev.turntable.agent.conversation.AgentEvent.SpeechStarted;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a final user turn sits in audio time: from its first word to its last word's end, and when
 * the end-of-turn message arrived. The event only carries the end; the start is the recognizer's
 * SpeechStarted for the turn, else the first partial's arrival (an upper bound).
 */
record TurnSpan(int turnOrder, String text, long startMs, long endMs, long arrivalMs) {

  static List<TurnSpan> of(Timeline timeline) {
    List<TurnSpan> spans = new ArrayList<>();
    List<AgentEventLine> lines = timeline.events();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).event() instanceof UserTurnEnded turn) {
        long arrival = lines.get(i).audioMs();
        // After an STT reconnect, word and speech-start times count from the new session's start.
        long session = timeline.sttSessionStartMs(i);
        long end = turn.lastWordEndMs() >= 0 ? session + turn.lastWordEndMs() : arrival;
        long start = Math.min(end, startOf(lines, i, turn.turnOrder(), end, session));
        spans.add(new TurnSpan(turn.turnOrder(), turn.text(), start, end, arrival));
      }
    }
    return spans;
  }

  /** Walks back from the turn's end to the previous turn, looking for where this one began. */
  private static long startOf(
      List<AgentEventLine> lines, int endIndex, int turnOrder, long end, long session) {
    long firstPartial = end;
    for (int i = endIndex - 1; i >= 0; i--) {
      AgentEvent event = lines.get(i).event();
      if (otherTurn(event, turnOrder)) {
        break;
      }
      if (event instanceof AgentEvent.SttReconnected) {
        break;
      }
      if (event instanceof SpeechStarted started && session + started.audioMs() <= end) {
        return session + started.audioMs();
      }
      if (event instanceof PartialTranscript) {
        firstPartial = Math.min(firstPartial, lines.get(i).audioMs());
      }
    }
    return firstPartial;
  }

  private static boolean otherTurn(AgentEvent event, int turnOrder) {
    int order = -1;
    if (event instanceof UserTurnEnded e) {
      order = e.turnOrder();
    } else if (event instanceof BargeInAccepted e) {
      order = e.turnOrder();
    } else if (event instanceof BargeInSuppressed e) {
      order = e.turnOrder();
    } else if (event instanceof PartialTranscript e) {
      order = e.turnOrder();
    }
    return order >= 0 && order != turnOrder;
  }
}
