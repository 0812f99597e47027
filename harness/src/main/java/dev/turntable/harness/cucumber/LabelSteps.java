package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.eval.Corpus;
import dev.turntable.harness.eval.CorpusEval;
import dev.turntable.harness.eval.EvalResult;
import dev.turntable.harness.eval.EvalTable;
import dev.turntable.harness.eval.Outcome;
import dev.turntable.harness.eval.PolicyVariant;
import dev.turntable.harness.eval.ScoredTurn;
import dev.turntable.harness.eval.VariantScore;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Steps about fixtures' per-turn labels (interrupt / ignore / ordinary): a corpus is replayed
 * under a policy and each labelled turn's decision is judged against its label, as {@code
 * turntable eval} does.
 */
public final class LabelSteps {
  private static final Map<String, PolicyVariant> POLICIES = Map.of(
      "Turntable's default", PolicyVariant.turntableDefault(),
      "the barge-in guide's", PolicyVariant.guide());

  private List<Fixture> corpus;
  private VariantScore score;
  private EvalResult result;

  @Given("the labelled fixtures in {string}")
  public void theLabelledFixturesIn(String path) {
    corpus = Corpus.read(Corpus.folders(List.of(FixtureReader.locate(path))));
  }

  @When("they are evaluated under {policy} policy")
  public void theyAreEvaluatedUnder(PolicyVariant variant) throws Exception {
    result = CorpusEval.replaying(1).run(corpus, List.of(variant));
    score = result.variants().get(0);
  }

  @Then("every labelled turn is decided as labelled")
  public void everyLabelledTurnIsDecidedAsLabelled() {
    assertThat(score.turns()).as("labelled turns").isNotEmpty();
    assertThat(score.wrong()).as(table()).isEmpty();
  }

  @Then("{string} in {string} is a {outcome}")
  public void turnIsJudged(String text, String fixture, Outcome outcome) {
    assertThat(score.turns())
        .as(table())
        .filteredOn(t -> t.fixture().equals(fixture) && t.label().text().equals(text))
        .singleElement()
        .extracting(ScoredTurn::outcome)
        .isEqualTo(outcome);
  }

  @Then("the {outcome} rate is {long} of {long}")
  public void theRateIs(Outcome outcome, long count, long of) {
    VariantScore.Rate rate = outcome == Outcome.FALSE_INTERRUPTION ? score.falseInterruptions()
        : outcome == Outcome.MISSED_INTERRUPTION ? score.missedInterruptions()
        : outcome == Outcome.DROPPED_TURN ? score.droppedTurns()
        : score.correct();
    assertThat(rate).as(table()).isEqualTo(new VariantScore.Rate(count, of));
  }

  @io.cucumber.java.ParameterType("Turntable's default|the barge-in guide's")
  public PolicyVariant policy(String name) {
    return POLICIES.get(name);
  }

  @io.cucumber.java.ParameterType("correct decision|false interruption|missed interruption|dropped ordinary turn")
  public Outcome outcome(String words) {
    for (Outcome o : Outcome.values()) {
      if (o.words().equals(words) || (o == Outcome.CORRECT && words.equals("correct decision"))) {
        return o;
      }
    }
    throw new IllegalArgumentException(words);
  }

  private String table() {
    StringWriter text = new StringWriter();
    EvalTable.print(new PrintWriter(text, true), result);
    return text.toString();
  }
}
