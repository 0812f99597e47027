package dev.turntable.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.fixture.FixtureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code label} of each user line into the recorded fixture.json as {@code
 * expected.labels}. Each labelled line is found among the final Turns of stt.jsonl, in order, by
 * its words: a line is usually turn i, but not after an STT reconnect (turns count from 0 again)
 * or when a line was lost.
 */
final class ScriptLabels {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScriptLabels() {}

  /** @throws IllegalStateException when a labelled line never became a final Turn */
  static void write(Path fixture, ConversationScript script) throws IOException {
    if (script.user().stream().allMatch(line -> line.label() == null)) {
      return;
    }
    List<JsonNode> finals = finalTurns(fixture.resolve(FixtureFiles.STT));
    ArrayNode labels = JSON.createArrayNode();
    int next = 0;
    for (ConversationScript.UserLine line : script.user()) {
      int found = next;
      while (found < finals.size() && !words(finals.get(found).path("transcript").asText()).equals(words(line.text()))) {
        found++;
      }
      if (found == finals.size()) {
        if (line.label() != null) {
          throw new IllegalStateException("\"" + line.text() + "\" is labelled " + line.label()
              + " but the recording has no final Turn with its words");
        }
        continue;
      }
      JsonNode turn = finals.get(found);
      next = found + 1;
      if (line.label() != null) {
        labels.addObject().put("turn", turn.path("turn_order").asInt())
            .put("text", turn.path("transcript").asText()).put("expect", line.label());
      }
    }
    Path manifestFile = fixture.resolve(FixtureFiles.MANIFEST);
    ObjectNode manifest = (ObjectNode) JSON.readTree(manifestFile.toFile());
    JsonNode expected = manifest.get("expected");
    ObjectNode withLabels = expected instanceof ObjectNode given ? given : manifest.putObject("expected");
    withLabels.set("labels", labels);
    Files.writeString(manifestFile, JSON.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
  }

  private static List<JsonNode> finalTurns(Path stt) throws IOException {
    List<JsonNode> finals = new ArrayList<>();
    for (String line : Files.readAllLines(stt, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode frame = JSON.readTree(line);
      JsonNode json = frame.path("json");
      if (frame.path("dir").asText().equals("out") && frame.path("type").asText().equals("Turn")
          && json.path("end_of_turn").asBoolean()) {
        finals.add(json);
      }
    }
    return finals;
  }

  private static String words(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", "").replaceAll("\\s+", " ").strip();
  }
}
