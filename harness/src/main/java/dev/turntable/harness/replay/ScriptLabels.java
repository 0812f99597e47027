package dev.turntable.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code label} of each user line into fixture.json's {@code expected.labels}. The
 * scripted STT makes one turn per user line, numbered in order, so line i is turn_order i.
 */
final class ScriptLabels {
  private ScriptLabels() {}

  /** The script's {@code expected} with {@code labels} added, or unchanged when no line has one. */
  static JsonNode expected(ConversationScript script) {
    ArrayNode labels = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < script.user().size(); i++) {
      ConversationScript.UserLine line = script.user().get(i);
      if (line.label() == null) {
        continue;
      }
      labels.addObject().put("turn", i).put("text", line.text()).put("expect", line.label());
    }
    if (labels.isEmpty()) {
      return script.expected();
    }
    ObjectNode expected = script.expected() instanceof ObjectNode given
        ? given.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    expected.set("labels", labels);
    return expected;
  }
}
