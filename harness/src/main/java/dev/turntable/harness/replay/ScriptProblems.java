package dev.turntable.harness.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** One line for a conversation script that cannot be read: where, which field, what is allowed. */
final class ScriptProblems {
  private ScriptProblems() {}

  static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append("line ").append(at.getLineNr()).append(": ");
    }
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
    return out.append(e.getOriginalMessage()).append(e instanceof JsonMappingException m ? path(m) : "").toString();
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return path.isEmpty() ? "" : " at " + path.substring(path.startsWith(".") ? 1 : 0);
  }
}
