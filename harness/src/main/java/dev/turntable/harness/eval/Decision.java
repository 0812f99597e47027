package dev.turntable.harness.eval;

/** What the agent did with one user turn, whatever the reason. */
public enum Decision {
  /** The turn stopped the agent's speech (a barge-in was accepted). */
  INTERRUPTED,
  /** The agent was silent (or still thinking) and answered the turn as an ordinary one. */
  ANSWERED,
  /** The turn was dropped as a backchannel, too short or empty. */
  IGNORED,
  /** No decision about the turn at all, e.g. the STT connection was lost before its end. */
  UNHEARD;

  /** Whether the user got the floor: the agent stopped for the turn or answered it. */
  public boolean tookTheTurn() {
    return this == INTERRUPTED || this == ANSWERED;
  }
}
