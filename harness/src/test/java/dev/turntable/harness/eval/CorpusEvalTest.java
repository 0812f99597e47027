package dev.turntable.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.TurnLabel.Expect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Eval's counting on a corpus whose answers are known: each fixture is one question the agent
 * answers, then one turn heard while it speaks. The stand-in replay decides that turn with the
 * variant's real policy, as the agent would, so the right answers follow from the policies alone.
 */
class CorpusEvalTest {
  /** Text heard while the agent speaks → its label. */
  private static final List<Map.Entry<String, Expect>> CORPUS = List.of(
      Map.entry("Yes.", Expect.INTERRUPT),
      Map.entry("No.", Expect.INTERRUPT),
      Map.entry("Wait, stop.", Expect.INTERRUPT),
      Map.entry("Actually, I meant Tuesday.", Expect.INTERRUPT),
      Map.entry("Mhm.", Expect.IGNORE),
      Map.entry("Uh, okay.", Expect.IGNORE),
      Map.entry("Yeah right.", Expect.IGNORE),
      Map.entry("Sure.", Expect.IGNORE),
      Map.entry("Okay, sure.", Expect.IGNORE),
      Map.entry("Wow.", Expect.INTERRUPT));

  private static List<Fixture> corpus() {
    List<Fixture> fixtures = new ArrayList<>();
    for (int i = 0; i < CORPUS.size(); i++) {
      fixtures.add(fixture("f" + i, CORPUS.get(i).getKey(), CORPUS.get(i).getValue()));
    }
    fixtures.add(unlabelled());
    return fixtures;
  }

  private static Fixture fixture(String name, String heard, Expect expect) {
    ObjectNode expected = JsonNodeFactory.instance.objectNode();
    var labels = expected.putArray("labels");
    labels.addObject().put("turn", 0).put("text", "What time is it?").put("expect", "ordinary");
    labels.addObject().put("turn", 1).put("text", heard).put("expect", expect.jsonName());
    FixtureManifest manifest = FixtureManifest.v1("test", name, List.of(), null, null).withExpected(expected);
    return new Fixture(Path.of("corpus", name), manifest, List.of(), List.of(), 0);
  }

  private static Fixture unlabelled() {
    return new Fixture(Path.of("corpus", "plain"), FixtureManifest.v1("test", "plain", List.of(), null, null),
        List.of(), List.of(), 0);
  }

  /** Turn 0 answered while the agent is silent; turn 1 judged by the policy while it speaks. */
  private static Timeline replay(Fixture fixture, PolicyVariant variant) {
    String heard = fixture.manifest().expected().get("labels").get(1).get("text").asText();
    InterruptionRule rule = variant.policy().evaluate(heard, true, null);
    List<AgentEventLine> events = new ArrayList<>();
    events.add(new AgentEventLine(1000, new AgentEvent.UserTurnEnded(1, 0, "What time is it?", 900)));
    events.add(new AgentEventLine(3000, rule.interrupts()
        ? new AgentEvent.BargeInAccepted(3, 1, heard, true, rule)
        : new AgentEvent.BargeInSuppressed(3, 1, heard, true, rule)));
    if (rule.interrupts()) {
      events.add(new AgentEventLine(3000, new AgentEvent.UserTurnEnded(4, 1, heard, 2900)));
    }
    return new Timeline(events);
  }

  private static final List<PolicyVariant> VARIANTS = List.of(
      PolicyVariant.guide(), PolicyVariant.turntableDefault(),
      new PolicyVariant("three words", new InterruptionPolicy(InterruptionPolicy.DEFAULT_BACKCHANNELS, 3,
          InterruptionPolicy.DEFAULT_GRACE_WINDOW, java.util.Set.of("stop"))));

  @Test
  void countsFalseAndMissedInterruptionsPerPolicy() throws Exception {
    EvalResult result = CorpusEval.with(CorpusEvalTest::replay, 1).run(corpus(), VARIANTS);

    assertThat(result.fixtures()).hasSize(10).doesNotContain("plain");
    VariantScore guide = result.variant("guide");
    // MIN_WORDS = 2 drops "Yes.", "No." and "Wow."; "Okay, sure." has two words, not all
    // backchannels ("sure" is not one), so it interrupts: a false interruption.
    assertThat(guide.missedInterruptions()).isEqualTo(new VariantScore.Rate(3, 5));
    assertThat(guide.falseInterruptions()).isEqualTo(new VariantScore.Rate(1, 5));
    assertThat(guide.droppedTurns()).isEqualTo(new VariantScore.Rate(0, 10));
    assertThat(guide.correct()).isEqualTo(new VariantScore.Rate(16, 20));

    VariantScore turntable = result.variant("default");
    assertThat(turntable.missedInterruptions()).isEqualTo(new VariantScore.Rate(1, 5));
    assertThat(turntable.falseInterruptions()).isEqualTo(new VariantScore.Rate(1, 5));
    assertThat(turntable.correct()).isEqualTo(new VariantScore.Rate(18, 20));

    VariantScore threeWords = result.variant("three words");
    assertThat(threeWords.falseInterruptions()).isEqualTo(new VariantScore.Rate(0, 5));
    assertThat(threeWords.missedInterruptions()).isEqualTo(new VariantScore.Rate(3, 5));
    assertThat(threeWords.wrong()).extracting(t -> t.label().text())
        .containsExactly("Yes.", "No.", "Wow.");
  }

  @Test
  void countsEachRuleWithItsOutcomes() throws Exception {
    EvalResult result = CorpusEval.with(CorpusEvalTest::replay, 1).run(corpus(), VARIANTS);

    assertThat(result.variant("guide").byRule()).isEqualTo(Map.of(
        "ANSWERED", Map.of(Outcome.CORRECT, 10L),
        "SUBSTANTIVE", Map.of(Outcome.CORRECT, 2L, Outcome.FALSE_INTERRUPTION, 1L),
        "BACKCHANNEL_ONLY", Map.of(Outcome.CORRECT, 3L),
        "TOO_SHORT", Map.of(Outcome.CORRECT, 1L, Outcome.MISSED_INTERRUPTION, 3L)));
    assertThat(result.variant("default").byRule()).isEqualTo(Map.of(
        "ANSWERED", Map.of(Outcome.CORRECT, 10L),
        "ALWAYS_INTERRUPT_WORD", Map.of(Outcome.CORRECT, 3L),
        "SUBSTANTIVE", Map.of(Outcome.CORRECT, 1L, Outcome.FALSE_INTERRUPTION, 1L),
        "BACKCHANNEL_ONLY", Map.of(Outcome.CORRECT, 3L),
        "TOO_SHORT", Map.of(Outcome.CORRECT, 1L, Outcome.MISSED_INTERRUPTION, 1L)));
  }

  @Test
  void parallelJobsGiveTheSameResultAsOne() throws Exception {
    EvalResult one = CorpusEval.with(CorpusEvalTest::replay, 1).run(corpus(), VARIANTS);
    EvalResult four = CorpusEval.with(CorpusEvalTest::replay, 4).run(corpus(), VARIANTS);

    assertThat(four).isEqualTo(one);
  }

  @Test
  void aTurnWithNoDecisionCountsAsUnheard() throws Exception {
    EvalResult result = CorpusEval.with((f, v) -> new Timeline(List.of()), 1)
        .run(List.of(fixture("lost", "Wait, stop.", Expect.INTERRUPT)), List.of(PolicyVariant.turntableDefault()));

    VariantScore score = result.variants().get(0);
    assertThat(score.droppedTurns()).isEqualTo(new VariantScore.Rate(1, 1));
    assertThat(score.missedInterruptions()).isEqualTo(new VariantScore.Rate(1, 1));
    assertThat(score.byRule()).containsOnlyKeys("UNHEARD");
  }

  @Test
  void aReplayThatFailsNamesTheFixtureAndVariant() {
    CorpusEval failing = CorpusEval.with((f, v) -> {
      throw new IllegalStateException("mic.wav vanished");
    }, 2);

    assertThatThrownBy(() -> failing.run(List.of(fixture("broken", "Mhm.", Expect.IGNORE)), VARIANTS))
        .isInstanceOf(EvalException.class)
        .hasMessage("broken under guide: replay failed: mic.wav vanished");
  }
}
