package dev.turntable.harness.replay;

import java.time.Duration;

/** Why a replayed session cannot be judged. */
final class Unjudgeable {
  private Unjudgeable() {}

  static String replyNeverFinished(Duration waited) {
    return "a reply never finished: the agent was still answering " + waited.toSeconds()
        + " s (session time) after the microphone ended, so this session cannot be judged."
        + " The timeline above shows the last thing it did; check the recorded LLM/TTS replies.";
  }
}
