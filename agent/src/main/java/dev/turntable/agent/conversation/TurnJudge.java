package dev.turntable.agent.conversation;

import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.stt.SttEvent.Word;
import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.turn.EchoGuard.HeardWord;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.agent.turn.InterruptionRule;
import java.util.List;

/**
 * The interruption policy applied on the audio axis. Whether a turn was said over the agent is
 * judged from its words' timestamps against when the agent's audio really played, not from when
 * the transcript arrived (up to {@code max_turn_silence} later): "Mm-hmm" said 0.4 s after the agent
 * stopped is inside a 1 s grace window even if its transcript comes 1.2 s after. Words that match
 * what the agent was playing at that moment are its own echo and are not counted.
 */
final class TurnJudge {
  private final InterruptionPolicy policy;
  private final EchoGuard echo;
  private final PlaybackTimeline timeline;

  TurnJudge(InterruptionPolicy policy, EchoGuard echo, PlaybackTimeline timeline) {
    this.policy = policy;
    this.echo = echo;
    this.timeline = timeline;
  }

  /**
   * @param offsetMs where the recognizer session's audio time 0 lies on the stream's axis (it
   *     restarts at 0 after a reconnect)
   * @param nowMs stream time now: stands in for the words' times when a turn carries none
   */
  InterruptionRule judge(Turn turn, String text, long offsetMs, long nowMs) {
    List<Word> words = turn.words();
    long fromMs = words.isEmpty() ? nowMs : offsetMs + words.get(0).startMs();
    long toMs = words.isEmpty() ? nowMs : offsetMs + words.get(words.size() - 1).endMs();
    boolean saidOverAgent = timeline.overlaps(fromMs, toMs, policy.graceWindow().toMillis());
    if (!saidOverAgent || !echo.enabled() || words.isEmpty()) {
      return policy.evaluate(text, saidOverAgent);
    }
    List<HeardWord> heard =
        words.stream().map(w -> new HeardWord(w.text(), offsetMs + w.startMs())).toList();
    String said =
        echo.notEcho(
            heard,
            timeline.playedBetween(fromMs - echo.lag().toMillis(), toMs + echo.lead().toMillis()));
    if (!said.isBlank()) {
      return policy.evaluate(said, true);
    }
    InterruptionRule plain = policy.evaluate(text, true);
    return plain == InterruptionRule.EMPTY ? plain : InterruptionRule.ECHO;
  }
}
