package dev.turntable.agent.turn;

/** Why the interruption policy let a user turn through or dropped it. */
public enum InterruptionRule {
  /** The agent was not audible and the grace window had passed: an ordinary user turn. */
  AGENT_SILENT(true),
  /** A word that always interrupts ("stop", "wait", "no", "yes" …) was said. */
  ALWAYS_INTERRUPT_WORD(true),
  /** Enough real words to be meant as an interruption. */
  SUBSTANTIVE(true),
  /** Nothing left after punctuation was stripped. */
  EMPTY(false),
  /** Every word is a backchannel ("mhm", "yeah", "okay" …). */
  BACKCHANNEL_ONLY(false),
  /** Fewer words than the policy's minimum. */
  TOO_SHORT(false),
  /** Every word matches what the agent was playing at that moment: its own voice, heard back. */
  ECHO(false);

  private final boolean interrupts;

  InterruptionRule(boolean interrupts) {
    this.interrupts = interrupts;
  }

  public boolean interrupts() {
    return interrupts;
  }
}
