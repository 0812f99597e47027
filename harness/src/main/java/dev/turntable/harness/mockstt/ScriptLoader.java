package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@link Script} file strictly, so a typo is an error that names the file and field. */
final class ScriptLoader {
  private static final Set<String> SCRIPT_FIELDS = Set.of(
      "utterances", "min_turn_silence", "max_turn_silence", "speech_started_delay_ms",
      "early_partial_after_ms", "word_confidence", "language_code", "description");
  private static final Set<String> UTTERANCE_FIELDS = Set.of("text", "start_ms", "end_ms");

  private final String source;

  private ScriptLoader(String source) {
    this.source = source;
  }

  static Script load(Path file) throws IOException {
    return new ScriptLoader(file.toString()).parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  static Script parse(String source, String json) {
    return new ScriptLoader(source).parse(json);
  }

  private Script parse(String json) {
    JsonNode root;
    try {
      root = ServerMessages.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw problem("line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": not valid JSON: "
          + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[.*\\]\\)", ""));
    }
    if (root == null || !root.isObject()) {
      throw problem("expected a JSON object with \"utterances\"");
    }
    requireKnownFields(root, SCRIPT_FIELDS, "the script");
    try {
      return new Script(
          utterances(root.get("utterances")),
          optionalInt(root, "min_turn_silence"),
          optionalInt(root, "max_turn_silence"),
          optionalInt(root, "speech_started_delay_ms")
              .map(Integer::longValue).orElse(Script.DEFAULT_SPEECH_STARTED_DELAY_MS),
          optionalInt(root, "early_partial_after_ms")
              .map(Integer::longValue).orElse(Script.DEFAULT_EARLY_PARTIAL_AFTER_MS),
          root.has("word_confidence")
              ? number(root.get("word_confidence"), "word_confidence")
              : Script.DEFAULT_WORD_CONFIDENCE,
          root.has("language_code") ? text(root.get("language_code"), "language_code") : "en");
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(source) ? e : problem(e.getMessage());
    }
  }

  private List<Utterance> utterances(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw problem("\"utterances\" must be a non-empty array of"
          + " {\"text\", \"start_ms\", \"end_ms\"}");
    }
    List<Utterance> utterances = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String where = "utterances[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        throw problem(where + " must be an object {\"text\", \"start_ms\", \"end_ms\"}");
      }
      requireKnownFields(item, UTTERANCE_FIELDS, where);
      try {
        utterances.add(new Utterance(text(item.get("text"), where + ".text"),
            whole(item.get("start_ms"), where + ".start_ms"),
            whole(item.get("end_ms"), where + ".end_ms")));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(source) ? e : problem(where + ": " + e.getMessage());
      }
    }
    return utterances;
  }

  private Optional<Integer> optionalInt(JsonNode root, String field) {
    return root.has(field)
        ? Optional.of(Math.toIntExact(whole(root.get(field), field)))
        : Optional.empty();
  }

  private long whole(JsonNode node, String field) {
    if (node == null || !node.isIntegralNumber()) {
      throw problem(field + " must be a whole number of milliseconds");
    }
    return node.asLong();
  }

  private double number(JsonNode node, String field) {
    if (!node.isNumber()) {
      throw problem(field + " must be a number");
    }
    return node.asDouble();
  }

  private String text(JsonNode node, String field) {
    if (node == null || !node.isTextual()) {
      throw problem(field + " must be a string");
    }
    return node.asText();
  }

  private void requireKnownFields(JsonNode object, Set<String> known, String where) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw problem("unknown field \"" + name + "\" in " + where + "; known fields: "
            + known.stream().sorted().toList());
      }
    }
  }

  private IllegalArgumentException problem(String what) {
    return new IllegalArgumentException(source + ": " + what);
  }
}
