package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/** A JSON text frame from the client, validated as strictly as the service does (else 3006). */
sealed interface ClientMessage {
  record Terminate() implements ClientMessage {}

  record ForceEndpoint() implements ClientMessage {}

  record KeepAlive() implements ClientMessage {}

  record UpdateConfiguration(JsonNode body) implements ClientMessage {}

  /** Why a frame is not a valid client message; the text goes into the 3006 Error frame. */
  final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** One JSON value and nothing after it: {@code {"type":"KeepAlive"}}x} is invalid JSON. */
  ObjectReader STRICT =
      ServerMessages.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static ClientMessage parse(String text) throws Invalid {
    JsonNode json;
    try {
      json = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid("Invalid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new Invalid("Invalid Message: expected a JSON object with a \"type\"");
    }
    JsonNode type = json.get("type");
    if (type == null || !type.isTextual()) {
      throw new Invalid("Invalid Message: missing \"type\"");
    }
    switch (type.asText()) {
      case "Terminate":
        return new Terminate();
      case "ForceEndpoint":
        return new ForceEndpoint();
      case "KeepAlive":
        return new KeepAlive();
      case "UpdateConfiguration":
        return new UpdateConfiguration(json);
      default:
        throw new Invalid("Invalid Message Type: " + type.asText());
    }
  }
}
