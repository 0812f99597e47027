package dev.turntable.agent.conversation;

import dev.turntable.agent.turn.InterruptionPolicy;

/**
 * Behaviour of the conversation loop.
 *
 * @param clauseMinChars a clause break (, ; :) ends a TTS segment once it is this long
 * @param maxSegmentChars a segment without punctuation is cut at a space past this length
 * @param maxHistoryMessages older messages are forgotten beyond this many
 */
public record ConversationSettings(
    InterruptionPolicy policy, int clauseMinChars, int maxSegmentChars, int maxHistoryMessages) {

  public ConversationSettings {
    if (policy == null) {
      throw new IllegalArgumentException("policy is required");
    }
    if (maxHistoryMessages < 2) {
      throw new IllegalArgumentException("maxHistoryMessages must be at least 2");
    }
  }

  public static ConversationSettings defaults() {
    return new ConversationSettings(InterruptionPolicy.defaults(), 40, 220, 40);
  }

  public ConversationSettings withPolicy(InterruptionPolicy newPolicy) {
    return new ConversationSettings(newPolicy, clauseMinChars, maxSegmentChars, maxHistoryMessages);
  }
}
