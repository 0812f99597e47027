package dev.turntable.harness.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.turntable.agent.turn.InterruptionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A policy in a JSON file, in the shape fixture.json keeps it ({@code agent.policy}); fields left
 * out keep Turntable's defaults:
 *
 * <pre>{@code {"minWords": 3, "graceWindowMs": 800, "alwaysInterrupt": ["stop", "wait"]}}</pre>
 */
final class PolicyFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file's fields; absent ones are null. */
  record Fields(List<String> backchannels, Integer minWords, Long graceWindowMs, List<String> alwaysInterrupt) {}

  private static final String FIELDS = "backchannels, minWords, graceWindowMs, alwaysInterrupt";

  private PolicyFile() {}

  /** The line a field's name first appears on; Jackson places the error past it. */
  private static int lineOf(String text, String field) {
    int at = text.indexOf("\"" + field + "\"");
    return at < 0 ? 1 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** @throws IllegalArgumentException naming the file, the line and what is wrong */
  static InterruptionPolicy read(Path file) {
    Fields fields;
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
    }
    try {
      fields = JSON.readValue(text, Fields.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(file + ":" + lineOf(text, e.getPropertyName()) + ": unknown field \""
          + e.getPropertyName() + "\"; a policy file holds " + FIELDS);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "";
      throw new IllegalArgumentException(file + line + ": " + e.getOriginalMessage().replaceAll("\\s+", " ")
          + " (a policy file holds " + FIELDS + ")");
    }
    if (fields == null) {
      throw new IllegalArgumentException(file + ": empty; a policy file is a JSON object");
    }
    try {
      return overlay(InterruptionPolicy.defaults(), fields);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /** {@code base} with every non-null field replaced. */
  static InterruptionPolicy overlay(
      InterruptionPolicy base, List<String> backchannels, Integer minWords, Long graceWindowMs,
      List<String> alwaysInterrupt) {
    return overlay(base, new Fields(backchannels, minWords, graceWindowMs, alwaysInterrupt));
  }

  private static InterruptionPolicy overlay(InterruptionPolicy base, Fields f) {
    return new InterruptionPolicy(
        f.backchannels() == null ? base.backchannels() : new LinkedHashSet<>(f.backchannels()),
        f.minWords() == null ? base.minWords() : f.minWords(),
        f.graceWindowMs() == null ? base.graceWindow() : Duration.ofMillis(f.graceWindowMs()),
        f.alwaysInterrupt() == null ? base.alwaysInterrupt() : new LinkedHashSet<>(f.alwaysInterrupt()));
  }
}
