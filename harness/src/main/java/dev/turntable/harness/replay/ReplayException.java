package dev.turntable.harness.replay;

import java.time.Duration;

/** A replay that could not be judged: the session did not run to its end. */
public final class ReplayException extends RuntimeException {
  private ReplayException(String message) {
    super(message);
  }

  static ReplayException replyNeverFinished(Duration waited, String state) {
    return new ReplayException(
        "the agent was still " + state + " " + waited.toSeconds() + " s (session time) after the"
            + " microphone ended: a reply never finished, so this replay cannot be judged. Check"
            + " the fixture's recorded LLM/TTS replies and that the speaker drains.");
  }

  static ReplayException sessionNeverEnded(Duration micLength) {
    return new ReplayException(
        "the session had not ended " + micLength.toSeconds() + " s into a microphone of that"
            + " length plus the time allowed to finish: nothing was left to run");
  }
}
