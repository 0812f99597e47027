package dev.turntable.agent.conversation;

import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.turn.InterruptionPolicy;

/**
 * Behaviour of the conversation loop.
 *
 * @param clauseMinChars a clause break (, ; :) ends a TTS segment once it is this long
 * @param maxSegmentChars a segment without punctuation is cut at a space past this length
 * @param maxHistoryMessages older messages are forgotten beyond this many
 * @param echoGuard drops turns that are the agent's own voice heard back
 * @param falseInterruptions pause on a passing partial and resume if the turn comes to nothing
 * @param failureNotice what the agent says when the LLM fails for good; empty to say nothing
 */
public record ConversationSettings(
    InterruptionPolicy policy,
    int clauseMinChars,
    int maxSegmentChars,
    int maxHistoryMessages,
    EchoGuard echoGuard,
    FalseInterruptions falseInterruptions,
    String failureNotice) {

  public static final String DEFAULT_FAILURE_NOTICE =
      "Sorry, I can't answer right now. Please say that again in a moment.";

  public ConversationSettings {
    if (policy == null || echoGuard == null || falseInterruptions == null) {
      throw new IllegalArgumentException("policy, echoGuard and falseInterruptions are required");
    }
    if (maxHistoryMessages < 2) {
      throw new IllegalArgumentException("maxHistoryMessages must be at least 2");
    }
    failureNotice = failureNotice == null ? "" : failureNotice.strip();
  }

  public ConversationSettings(
      InterruptionPolicy policy, int clauseMinChars, int maxSegmentChars, int maxHistoryMessages) {
    this(
        policy,
        clauseMinChars,
        maxSegmentChars,
        maxHistoryMessages,
        EchoGuard.on(),
        FalseInterruptions.resumeAfter(FalseInterruptions.DEFAULT_TIMEOUT),
        DEFAULT_FAILURE_NOTICE);
  }

  public static ConversationSettings defaults() {
    return new ConversationSettings(InterruptionPolicy.defaults(), 40, 220, 40);
  }

  public ConversationSettings withPolicy(InterruptionPolicy newPolicy) {
    return new ConversationSettings(
        newPolicy, clauseMinChars, maxSegmentChars, maxHistoryMessages, echoGuard,
        falseInterruptions, failureNotice);
  }

  public ConversationSettings withEchoGuard(EchoGuard guard) {
    return new ConversationSettings(
        policy, clauseMinChars, maxSegmentChars, maxHistoryMessages, guard, falseInterruptions,
        failureNotice);
  }

  public ConversationSettings withFalseInterruptions(FalseInterruptions handling) {
    return new ConversationSettings(
        policy, clauseMinChars, maxSegmentChars, maxHistoryMessages, echoGuard, handling,
        failureNotice);
  }

  public ConversationSettings withFailureNotice(String notice) {
    return new ConversationSettings(
        policy, clauseMinChars, maxSegmentChars, maxHistoryMessages, echoGuard,
        falseInterruptions, notice);
  }
}
