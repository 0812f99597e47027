package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.FalseInterruptions;
import dev.turntable.agent.turn.EchoGuard;
import io.cucumber.java.en.Given;
import java.time.Duration;

/**
 * Given steps for the agent's own conversation settings, the ones {@code turntable agent} sets with
 * {@code --[no-]echo-guard}, {@code --[no-]resume} and {@code --resume-timeout-ms}. They apply to
 * inline conversations and recorded sessions alike.
 */
public final class AgentSettingSteps {
  private final ScenarioSession session;

  public AgentSettingSteps(ScenarioSession session) {
    this.session = session;
  }

  /** As in half-duplex mode, or before the guard existed: every heard word counts. */
  @Given("the echo guard is off")
  public void echoGuardOff() {
    session.echoGuard(EchoGuard.off());
  }

  /** The first passing partial cancels the reply at once, as before pausing existed. */
  @Given("the agent does not resume after a false interruption")
  public void resumeOff() {
    session.falseInterruptions(FalseInterruptions.never());
  }

  @Given("a paused agent resumes after {duration} without a transcript")
  public void resumeTimeout(Duration timeout) {
    session.falseInterruptions(FalseInterruptions.resumeAfter(timeout));
  }
}
