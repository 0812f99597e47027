package dev.turntable.harness.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A conversation to synthesize into a fixture: what the user says and when (spoken by espeak-ng),
 * and what the LLM answers, in order. Stored beside the fixture as {@code conversation.json}:
 *
 * <pre>{@code
 * {"description": "a backchannel while the agent speaks",
 *  "tags": ["backchannel"],
 *  "user": [{"text": "What's the weather tomorrow?", "at_ms": 500},
 *           {"text": "Mhm.", "at_ms": 4200}],
 *  "agent": ["Tomorrow will be sunny and warm, with a light breeze in the afternoon."],
 *  "tail_ms": 6000,
 *  "expected": {"turns": 1, "bargeIns": {"accepted": 0, "suppressed": 1}}}
 * }</pre>
 *
 * @param tailMs silence after the last utterance, long enough for the agent to finish
 */
public record ConversationScript(
    String description,
    List<String> tags,
    List<UserLine> user,
    List<String> agent,
    long tailMs,
    JsonNode expected) {

  /** One utterance, starting {@code atMs} into the session. */
  public record UserLine(String text, long atMs) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ConversationScript {
    if (user == null || user.isEmpty() || agent == null || agent.isEmpty()) {
      throw new IllegalArgumentException("a conversation needs at least one user line and one agent reply");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
    tailMs = tailMs <= 0 ? 5_000 : tailMs;
  }

  public static ConversationScript load(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), ConversationScript.class);
    } catch (JsonProcessingException e) {
      throw new IOException(file + where(e) + ": " + problem(e), e);
    }
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() <= 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /** Jackson's own words, but with the field's path and the allowed fields, without class names. */
  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field \"" + unknown.getPropertyName() + "\"; known fields: "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException bad) {
      return bad.getMessage();
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String path = mismatch.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
      String expected = mismatch.getTargetType() == null ? "" : " (expected " + simpleType(mismatch.getTargetType()) + ")";
      return path + ": wrong type" + expected;
    }
    return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[.*\\]\\)", "");
  }

  private static String simpleType(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }
}
