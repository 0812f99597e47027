package dev.turntable.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.eval.EvalResult;
import dev.turntable.harness.eval.Outcome;
import dev.turntable.harness.eval.ScoredTurn;
import dev.turntable.harness.eval.VariantScore;
import dev.turntable.harness.fixture.FixtureManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link EvalResult} as JSON, for CI dashboards and for merging shards: per variant its policy,
 * counts with denominators, counts per rule, and every scored turn.
 */
final class EvalJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvalJson() {}

  static void write(Path file, EvalResult result) throws IOException {
    JSON.writeValue(file.toFile(), tree(result));
  }

  static ObjectNode tree(EvalResult result) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode fixtures = root.putArray("fixtures");
    result.fixtures().forEach(fixtures::add);
    ArrayNode variants = root.putArray("variants");
    for (VariantScore v : result.variants()) {
      ObjectNode node = variants.addObject();
      node.put("name", v.variant().name());
      node.set("policy", JSON.valueToTree(FixtureManifest.Policy.from(v.variant().policy())));
      rate(node.putObject("falseInterruptions"), v.falseInterruptions());
      rate(node.putObject("missedInterruptions"), v.missedInterruptions());
      rate(node.putObject("droppedTurns"), v.droppedTurns());
      rate(node.putObject("correct"), v.correct());
      ObjectNode rules = node.putObject("byRule");
      for (Map.Entry<String, Map<Outcome, Long>> rule : v.byRule().entrySet()) {
        ObjectNode counts = rules.putObject(rule.getKey());
        rule.getValue().forEach((outcome, n) -> counts.put(outcome.name().toLowerCase(Locale.ROOT), n));
      }
      ArrayNode turns = node.putArray("turns");
      for (ScoredTurn t : v.turns()) {
        ObjectNode turn = turns.addObject();
        turn.put("fixture", t.fixture());
        turn.put("turn", t.label().turn());
        turn.put("text", t.label().text());
        turn.put("expect", t.label().expect().jsonName());
        turn.put("decision", t.decision().decision().name().toLowerCase(Locale.ROOT));
        turn.put("rule", t.decision().rule() == null ? null : t.decision().rule().name());
        turn.put("outcome", t.outcome().name().toLowerCase(Locale.ROOT));
      }
    }
    return root;
  }

  private static void rate(ObjectNode node, VariantScore.Rate rate) {
    node.put("count", rate.count());
    node.put("of", rate.of());
    if (rate.of() > 0) {
      node.put("rate", rate.value());
    }
  }
}
