package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an {@code UpdateConfiguration} message to the session's parameters. A field that is
 * absent or {@code null} leaves the parameter as it was; {@code keyterms_prompt: []} clears the
 * list. Fields this mock does not model are kept in {@link SessionParameters#other()}.
 */
final class ConfigurationUpdate {
  private static final Set<String> MODELLED =
      Set.of(
          "type", "prompt", "keyterms_prompt", "min_turn_silence", "max_turn_silence", "mode",
          "vad_threshold");

  /** The parameters after the update and the names of the fields the client set. */
  record Applied(SessionParameters parameters, Set<String> changed) {}

  private ConfigurationUpdate() {}

  static Applied apply(SessionParameters current, JsonNode update) {
    Set<String> changed = new LinkedHashSet<>();
    update.fieldNames().forEachRemaining(name -> {
      if (!name.equals("type") && !update.get(name).isNull()) {
        changed.add(name);
      }
    });
    SessionParameters p =
        current.withSilences(
            integer(update, "min_turn_silence").orElse(current.minTurnSilenceMs()),
            integer(update, "max_turn_silence").orElse(current.maxTurnSilenceMs()));
    p = p.withPrompts(keyterms(update).orElse(p.keytermsPrompt()), prompt(update, p.prompt()));
    p = p.withTuning(
        text(update, "mode").orElse(p.mode()),
        decimal(update, "vad_threshold").orElse(p.vadThreshold()),
        otherFields(p.other(), update));
    return new Applied(p, Set.copyOf(changed));
  }

  private static Map<String, String> otherFields(Map<String, String> before, JsonNode update) {
    Map<String, String> other = new HashMap<>(before);
    for (Map.Entry<String, JsonNode> field : update.properties()) {
      if (!MODELLED.contains(field.getKey()) && !field.getValue().isNull()) {
        JsonNode value = field.getValue();
        other.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
      }
    }
    return other;
  }

  private static Optional<String> prompt(JsonNode update, Optional<String> before) {
    JsonNode node = update.get("prompt");
    if (node == null || node.isNull()) {
      return before;
    }
    return Optional.of(requireText("prompt", node));
  }

  private static Optional<List<String>> keyterms(JsonNode update) {
    JsonNode node = update.get("keyterms_prompt");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(QueryParameterParser.stringList("keyterms_prompt", node.toString(), node));
  }

  private static Optional<Integer> integer(JsonNode update, String name) {
    JsonNode node = update.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw QueryParameterParser.invalid(name, node.toString(), "expected an integer");
    }
    return Optional.of(node.intValue());
  }

  private static Optional<Double> decimal(JsonNode update, String name) {
    JsonNode node = update.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isNumber()) {
      throw QueryParameterParser.invalid(name, node.toString(), "expected a number");
    }
    return Optional.of(node.doubleValue());
  }

  private static Optional<String> text(JsonNode update, String name) {
    JsonNode node = update.get(name);
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(requireText(name, node));
  }

  private static String requireText(String name, JsonNode node) {
    if (!node.isTextual()) {
      throw QueryParameterParser.invalid(name, node.toString(), "expected a string");
    }
    return node.asText();
  }
}
