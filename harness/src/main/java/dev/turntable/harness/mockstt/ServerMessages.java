package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The messages the server itself writes (the driver writes the transcripts) and close codes. */
final class ServerMessages {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_CLOSE_REASON_BYTES = 123;
  static final String API_VERSION = "1.0.0";

  static final int NORMAL = 1000;
  static final int UNAUTHORIZED = 1008;
  static final int SESSION_ERROR = 3005;
  static final int INVALID_MESSAGE = 3006;
  static final int INVALID_AUDIO = 3007;

  private ServerMessages() {}

  static ObjectNode begin(String id, long expiresAtEpochSeconds, SessionParameters parameters) {
    ObjectNode begin = JSON.createObjectNode();
    begin.put("type", "Begin");
    begin.put("id", id);
    begin.put("expires_at", expiresAtEpochSeconds);
    ObjectNode configuration = begin.putObject("configuration");
    configuration.put("model", parameters.speechModel());
    configuration.put("mode", parameters.mode());
    configuration.put("api_version", API_VERSION);
    return begin;
  }

  static ObjectNode termination(long audioDurationSeconds, long sessionDurationSeconds) {
    ObjectNode termination = JSON.createObjectNode();
    termination.put("type", "Termination");
    termination.put("audio_duration_seconds", audioDurationSeconds);
    termination.put("session_duration_seconds", sessionDurationSeconds);
    return termination;
  }

  static ObjectNode error(int code, String text) {
    ObjectNode error = JSON.createObjectNode();
    error.put("type", "Error");
    error.put("error_code", code);
    error.put("error", text);
    return error;
  }

  /** Close reasons are capped at 123 bytes; like the service, point at the Error frame instead. */
  static String closeReason(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length <= MAX_CLOSE_REASON_BYTES
        ? text
        : "See Error message for details";
  }
}
