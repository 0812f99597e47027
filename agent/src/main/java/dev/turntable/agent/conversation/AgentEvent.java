package dev.turntable.agent.conversation;

import dev.turntable.agent.turn.InterruptionRule;

/**
 * Everything the agent decides or observes, in the order the event loop saw it. {@code atNanos} is
 * the injected clock's time since the conversation started. Replies are numbered from 1; a reply is
 * one LLM answer to one user turn, spoken in numbered segments.
 */
public sealed interface AgentEvent {
  long atNanos();

  default double atMillis() {
    return atNanos() / 1e6;
  }

  record StateChanged(long atNanos, AgentState from, AgentState to) implements AgentEvent {}

  /** The recognizer heard speech begin. Never an interruption on its own while the agent speaks. */
  record SpeechStarted(long atNanos, long audioMs, boolean agentAudible) implements AgentEvent {}

  record PartialTranscript(long atNanos, int turnOrder, String text) implements AgentEvent {}

  /** A final user turn that the agent will answer. {@code lastWordEndMs} is in stream audio time. */
  record UserTurnEnded(long atNanos, int turnOrder, String text, long lastWordEndMs)
      implements AgentEvent {}

  /** A turn heard while the agent was audible (or in the grace window) was dropped. */
  record BargeInSuppressed(
      long atNanos, int turnOrder, String text, boolean endOfTurn, InterruptionRule rule)
      implements AgentEvent {}

  /** A turn heard while the agent was audible (or in the grace window) stops the agent. */
  record BargeInAccepted(
      long atNanos, int turnOrder, String text, boolean endOfTurn, InterruptionRule rule)
      implements AgentEvent {}

  record LlmRequestSent(long atNanos, int reply) implements AgentEvent {}

  record LlmFirstToken(long atNanos, int reply) implements AgentEvent {}

  record LlmCompleted(long atNanos, int reply, String text, String stopReason)
      implements AgentEvent {}

  record TtsRequestSent(long atNanos, int reply, int segment, String text) implements AgentEvent {}

  record TtsFirstAudio(long atNanos, int reply, int segment, String text) implements AgentEvent {}

  /** The first audio of this reply has come out of the speaker. */
  record PlaybackStarted(long atNanos, int reply) implements AgentEvent {}

  /** The speaker was silenced mid-reply; {@code heardMs} of the reply's audio had been played. */
  record PlaybackStopped(long atNanos, int reply, double heardMs) implements AgentEvent {}

  /** All of the reply's audio has been played. */
  record PlaybackDrained(long atNanos, int reply, double playedMs) implements AgentEvent {}

  /** After a barge-in the history keeps only what the user heard. */
  record HistoryTruncated(long atNanos, int reply, String heard, String unheard)
      implements AgentEvent {}

  /**
   * A turn that passed the policy while the reply was audible (or before it was heard) silenced
   * it, keeping what was not yet played: the turn may still come to nothing. {@code heardMs} of
   * the reply's audio had been played.
   */
  record ReplyPaused(
      long atNanos, int reply, int turnOrder, String text, InterruptionRule rule, double heardMs)
      implements AgentEvent {}

  /**
   * The pausing turn came to nothing ({@code reason}: the rule that dropped its final, or no
   * transcript in time): the reply goes on from where it stopped after {@code pausedMs}.
   */
  record ReplyResumed(long atNanos, int reply, int turnOrder, String reason, double pausedMs)
      implements AgentEvent {}

  /**
   * The interruption is real: the reply is cancelled ({@code reason}: "final turn", "second
   * partial", "partial, resume off", or "new turn before the reply was heard").
   */
  record InterruptionCommitted(long atNanos, int reply, int turnOrder, String reason)
      implements AgentEvent {}

  /** An LLM or TTS attempt failed and is being retried or handed to the fallback provider. */
  record ServiceRetrying(long atNanos, String source, String message) implements AgentEvent {}

  /**
   * Speech recognition is back after a dropped connection ({@code downMs} without it); the
   * conversation goes on with its {@code historyMessages} messages of history.
   */
  record SttReconnected(long atNanos, String sessionId, double downMs, int historyMessages)
      implements AgentEvent {}

  /**
   * Something failed; {@code source} is "stt", "llm", "tts" or "speaker" (an edge), "agent" (a bug
   * on the loop) or "listener" (an event listener threw). The conversation goes on.
   */
  record AgentError(long atNanos, String source, String message) implements AgentEvent {}

  /**
   * The agent's own work on its loop for a reply, from an input's arrival (the end-of-turn message,
   * a segment's first audio) to what it caused (the LLM request sent, the audio written to the
   * speaker): time queued behind other work plus the work itself, on the agent's clock. Zero on
   * virtual time, where the agent's work takes no time.
   */
  record AgentWork(long atNanos, int reply, String stage, double workMs) implements AgentEvent {
    public static final String LLM_REQUEST = "llm-request";
    public static final String SPEAKER_WRITE = "speaker-write";
  }
}
