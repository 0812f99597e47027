package dev.turntable.agent.stt.assemblyai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The package's one Jackson mapper (thread-safe once configured). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only plain strings, numbers and lists go through here, so this cannot happen.
      throw new IllegalStateException("could not write JSON for " + value.getClass(), e);
    }
  }
}
