package dev.turntable.harness.cli;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEventListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The live console: partial transcripts rewritten in place (on a terminal), final user turns, the
 * agent's words as they are spoken, its state, and with {@code verbose} every barge-in decision.
 */
final class ConsolePrinter implements AgentEventListener {
  private static final String CLEAR_LINE = "\r\033[K";

  private final PrintStream out;
  private final boolean terminal;
  private final boolean verbose;
  private boolean partialShown;

  ConsolePrinter(PrintStream out, boolean terminal, boolean verbose) {
    this.out = out;
    this.terminal = terminal;
    this.verbose = verbose;
  }

  @Override
  public void onEvent(AgentEvent event) {
    if (event instanceof AgentEvent.PartialTranscript partial) {
      if (terminal) {
        out.print(CLEAR_LINE + "  you … " + partial.text());
        out.flush();
        partialShown = true;
      } else if (verbose) {
        line("  you … " + partial.text());
      }
    } else if (event instanceof AgentEvent.UserTurnEnded turn) {
      line("  you: " + turn.text());
    } else if (event instanceof AgentEvent.TtsFirstAudio spoken) {
      line("agent: " + spoken.text());
    } else if (event instanceof AgentEvent.StateChanged state) {
      line("[" + state.to().name().toLowerCase(Locale.ROOT) + "]");
    } else if (event instanceof AgentEvent.BargeInAccepted accepted) {
      line("  (interrupted by \"" + accepted.text() + "\": " + rule(accepted.rule()) + ")");
    } else if (event instanceof AgentEvent.BargeInSuppressed suppressed && verbose) {
      line("  (ignored \"" + suppressed.text() + "\" while speaking: " + rule(suppressed.rule()) + ")");
    } else if (event instanceof AgentEvent.HistoryTruncated truncated && verbose) {
      line("  (the user heard: \"" + truncated.heard() + "\")");
    } else if (event instanceof AgentEvent.ReplyPaused paused && verbose) {
      line("  (paused by \"" + paused.text() + "\": " + rule(paused.rule()) + ")");
    } else if (event instanceof AgentEvent.ReplyResumed resumed) {
      line("  (resumed where it stopped: " + resumed.reason() + ")");
    } else if (event instanceof AgentEvent.InterruptionCommitted committed && verbose) {
      line("  (interruption confirmed: " + committed.reason() + ")");
    } else if (event instanceof AgentEvent.ServiceRetrying retrying) {
      line("retrying (" + retrying.source() + "): " + retrying.message());
    } else if (event instanceof AgentEvent.SttReconnected back) {
      line(String.format(Locale.ROOT,
          "speech recognition reconnected after %.1f s; the conversation goes on (%d messages of history kept)",
          back.downMs() / 1000, back.historyMessages()));
    } else if (event instanceof AgentEvent.AgentError error) {
      line("error (" + error.source() + "): " + error.message());
    }
  }

  private static String rule(dev.turntable.agent.turn.InterruptionRule rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private void line(String text) {
    if (partialShown) {
      out.print(CLEAR_LINE);
      partialShown = false;
    }
    out.println(text);
  }
}
