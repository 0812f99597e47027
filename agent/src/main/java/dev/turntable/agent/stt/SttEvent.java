package dev.turntable.agent.stt;

import java.util.List;

/** What the speech recognizer tells the agent. */
public sealed interface SttEvent {

  /** The session is open. */
  record SessionBegan(String sessionId, long expiresAtEpochSeconds) implements SttEvent {}

  /** Voice activity began, at {@code audioMs} into the stream. Never an interruption by itself. */
  record SpeechStarted(long audioMs) implements SttEvent {}

  /** A partial ({@code endOfTurn == false}) or final transcript of one user turn. */
  record TurnUpdate(Turn turn) implements SttEvent {}

  /** The service ended the session normally. */
  record SessionEnded(double audioSeconds, double sessionSeconds) implements SttEvent {}

  /**
   * The connection failed or was closed with an error. {@code retrying} says whether the adapter
   * is reconnecting on its own; when false the session is over.
   */
  record Failure(int code, String message, boolean retrying) implements SttEvent {}

  record Turn(int turnOrder, String transcript, boolean endOfTurn, List<Word> words) {
    public Turn {
      transcript = transcript == null ? "" : transcript;
      words = words == null ? List.of() : List.copyOf(words);
    }

    /** End of the last word in stream audio time, or -1 when the turn has no words. */
    public long lastWordEndMs() {
      return words.isEmpty() ? -1 : words.get(words.size() - 1).endMs();
    }
  }

  record Word(String text, long startMs, long endMs, double confidence, boolean isFinal) {}
}
