package dev.turntable.harness.check;

import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.PlaybackDrained;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStopped;
import dev.turntable.agent.conversation.AgentEvent.TtsRequestSent;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent decided in a session, with everything volatile masked: times, audio positions, how
 * many milliseconds were heard. Two runs of the same fixture at any speed must decide the same.
 *
 * <p>Two projections are kept apart because their relative order is not causal: the turn decisions
 * (driven by STT messages) and, per reply, what was spoken and how it ended (driven by LLM/TTS).
 * Each entry keeps its session time and audio position for the diff, not for the comparison.
 */
record Decisions(List<Entry> turns, List<Entry> speech) {

  /** One decision: its masked description, and where it happened (for the reader of a diff). */
  record Entry(String description, double atMs, long audioMs) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Entry e && e.description.equals(description);
    }

    @Override
    public int hashCode() {
      return description.hashCode();
    }

    @Override
    public String toString() {
      return String.format("%s  (at %.2f s, audio %.2f s)", description, atMs / 1000, audioMs / 1000.0);
    }
  }

  static Decisions of(Timeline timeline) {
    List<Entry> turns = new ArrayList<>();
    List<Entry> speech = new ArrayList<>();
    for (AgentEventLine timed : timeline.events()) {
      String turn = turnDecision(timed.event());
      if (turn != null) {
        turns.add(new Entry(turn, timed.tMs(), timed.audioMs()));
      }
      String spoken = speechDecision(timed.event());
      if (spoken != null) {
        speech.add(new Entry(spoken, timed.tMs(), timed.audioMs()));
      }
    }
    return new Decisions(turns, speech);
  }

  private static String turnDecision(AgentEvent event) {
    if (event instanceof UserTurnEnded e) {
      return "turn " + e.turnOrder() + " answered: \"" + e.text() + "\"";
    } else if (event instanceof BargeInAccepted e) {
      return "turn " + e.turnOrder() + " interrupted (" + e.rule() + "): \"" + e.text() + "\"";
    } else if (event instanceof BargeInSuppressed e) {
      return "turn " + e.turnOrder() + " ignored (" + e.rule() + "): \"" + e.text() + "\"";
    }
    return null;
  }

  private static String speechDecision(AgentEvent event) {
    if (event instanceof TtsRequestSent e) {
      return "reply " + e.reply() + " says: \"" + e.text() + "\"";
    } else if (event instanceof PlaybackStopped e) {
      return "reply " + e.reply() + " stopped";
    } else if (event instanceof PlaybackDrained e) {
      return "reply " + e.reply() + " finished";
    } else if (event instanceof AgentError e) {
      return "error from " + e.source();
    }
    return null;
  }
}
