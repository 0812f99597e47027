package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Checks a Cartesia WebSocket generation request the way the service does. */
final class CartesiaRequests {
  static final List<String> ENCODINGS = List.of("pcm_s16le", "pcm_f32le");

  private CartesiaRequests() {}

  /** What is wrong with {@code message}, in one line, or null. */
  static String problem(JsonNode message) {
    for (String field : List.of("model_id", "transcript", "voice", "output_format")) {
      if (message.path(field).isMissingNode() || message.path(field).isNull()) {
        return "missing required field: " + field;
      }
    }
    if (!message.path("transcript").isTextual()) {
      return "transcript must be a string";
    }
    JsonNode format = message.path("output_format");
    if (!"raw".equals(format.path("container").asText())) {
      return "the Turntable stub streams output_format.container 'raw' only over the WebSocket, got '"
          + format.path("container").asText() + "'";
    }
    if (!ENCODINGS.contains(format.path("encoding").asText())) {
      return "output_format.encoding must be one of " + ENCODINGS + ", got '"
          + format.path("encoding").asText() + "'";
    }
    if (!SpeechReplies.SAMPLE_RATES.contains(format.path("sample_rate").asInt(0))) {
      return "output_format.sample_rate must be one of 8000, 16000, 22050, 24000, 44100 or 48000,"
          + " got " + format.path("sample_rate");
    }
    return null;
  }
}
