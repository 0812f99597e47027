package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.TimelinePrinter;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixturePaths;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.ReplayOptions;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;

/**
 * The step library for scenarios about turn timing and interruptions. Public so other projects'
 * Cucumber suites can use it: add {@code dev.turntable.harness.cucumber} to the glue. Steps are thin:
 * the replay, the measures and the checks live in the harness.
 */
public final class ReplaySteps {
  private Fixture fixture;
  private ReplayResult replay;

  @Given("the recorded session {string}")
  public void theRecordedSession(String path) {
    fixture = FixtureReader.read(FixturePaths.locate(path));
  }

  @When("it is replayed")
  public void itIsReplayed() throws Exception {
    replay = FixtureReplay.run(fixture, ReplayOptions.virtual());
  }

  @When("it is replayed over the wire at {double}x")
  public void itIsReplayedOverTheWireAt(double speed) throws Exception {
    replay = FixtureReplay.run(fixture, ReplayOptions.wire(speed));
  }

  @Then("the agent answers {int} user turn(s)")
  public void theAgentAnswers(int turns) {
    assertThat(replay.measures().turns()).as(timeline()).hasSize(turns);
  }

  @Then("the agent answers {string}")
  public void theAgentAnswersText(String text) {
    assertThat(replay.timeline().all(AgentEvent.UserTurnEnded.class))
        .as(timeline())
        .extracting(AgentEvent.UserTurnEnded::text)
        .contains(text);
  }

  @Then("{string} is ignored as {rule}")
  public void isIgnored(String text, InterruptionRule rule) {
    assertThat(bargeIn(text)).as(timeline()).satisfies(b -> {
      assertThat(b.accepted()).as("accepted").isFalse();
      assertThat(b.rule()).isEqualTo(rule);
    });
  }

  @Then("{string} interrupts the agent as {rule}")
  public void interrupts(String text, InterruptionRule rule) {
    assertThat(bargeIn(text)).as(timeline()).satisfies(b -> {
      assertThat(b.accepted()).as("accepted").isTrue();
      assertThat(b.rule()).isEqualTo(rule);
    });
  }

  @Then("no interruption is accepted")
  public void noInterruptionIsAccepted() {
    assertThat(replay.measures().accepted()).as(timeline()).isZero();
  }

  @Then("the agent keeps talking to the end of its reply")
  public void theAgentKeepsTalking() {
    assertThat(replay.timeline().all(AgentEvent.PlaybackStopped.class)).as(timeline()).isEmpty();
    assertThat(replay.timeline().all(AgentEvent.PlaybackDrained.class)).as(timeline()).isNotEmpty();
  }

  @Then("the speaker is silent within {duration} of the interruption")
  public void silentWithin(Duration limit) {
    List<BargeInMeasure> accepted = replay.measures().bargeIns().stream().filter(BargeInMeasure::accepted).toList();
    assertThat(accepted).as(timeline()).isNotEmpty();
    assertThat(accepted).allSatisfy(b -> assertThat(b.stopLatencyMs()).isLessThanOrEqualTo(millis(limit)));
  }

  @Then("the agent only remembers what the user heard")
  public void onlyWhatWasHeard() {
    assertThat(replay.timeline().all(AgentEvent.HistoryTruncated.class))
        .as(timeline())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.unheard()).isNotBlank());
  }

  @Then("every answer starts within {duration} of the end of the user's speech")
  public void answersWithin(Duration limit) {
    assertThat(replay.measures().turns())
        .as(timeline())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.responseLatencyMs()).isLessThanOrEqualTo(millis(limit)));
  }

  @Then("the agent itself adds at most {duration} to any answer")
  public void overheadWithin(Duration limit) {
    assertThat(replay.measures().turns())
        .extracting(TurnMeasure::agentOverheadMs)
        .allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(millis(limit)));
  }

  @Then("the agent decides as it did when recorded")
  public void decidesAsRecorded() {
    assertThat(replay.differences()).as(timeline()).isEmpty();
    assertThat(replay.verdict().failures()).isEmpty();
  }

  private BargeInMeasure bargeIn(String text) {
    return replay.measures().bargeIns().stream()
        .filter(b -> b.text().equalsIgnoreCase(text) || normalize(b.text()).startsWith(normalize(text)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no turn \"" + text + "\" was heard while the agent spoke\n" + timeline()));
  }

  private static String normalize(String text) {
    return text.toLowerCase().replaceAll("[\\p{P}]", "").strip();
  }

  private String timeline() {
    return "timeline of " + fixture.dir().getFileName() + ":\n" + TimelinePrinter.print(replay.timeline());
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
