package dev.turntable.harness.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * One line for a conversation script that cannot be read: where ({@code :line:column}, as
 * compilers say it), which field, what is allowed — in Jackson's words, without class names.
 */
final class ScriptProblems {
  private ScriptProblems() {}

  /** {@code source:line:column: problem}, or {@code source: problem} without a location. */
  static String describe(String source, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() <= 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
    return source + where + ": " + describe(e);
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return out.append("unknown field \"").append(unknown.getPropertyName()).append("\"")
          .append(path(unknown)).append("; known fields: [").append(known).append("]").toString();
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException bad) {
      return out.append(bad.getMessage()).toString();
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
        && mismatch.getTargetType() != null) {
      return out.append(path(mismatch).substring(" at ".length()))
          .append(": wrong type (expected ").append(simpleType(mismatch.getTargetType())).append(")")
          .toString();
    }
    String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[.*\\]\\)", "");
    return out.append(message).append(e instanceof JsonMappingException m ? path(m) : "").toString();
  }

  private static String simpleType(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    return java.util.List.class.isAssignableFrom(type) ? "a list" : "an object";
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return path.isEmpty() ? "" : " at " + path.substring(path.startsWith(".") ? 1 : 0);
  }
}
