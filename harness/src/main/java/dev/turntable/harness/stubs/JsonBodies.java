package dev.turntable.harness.stubs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Reads request bodies and writes reply bodies as JSON. */
final class JsonBodies {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** The request body as a JSON object, or the service's 400 when it is not one. */
  static JsonNode parseObject(StubService service, LoggedRequest request) throws StubRejection {
    String body = request.getBodyAsString();
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      if (node == null || !node.isObject()) {
        throw StubRejection.of(service, 400, "The request body must be a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw StubRejection.of(
          service, 400, "We could not parse the JSON body of your request: " + e.getOriginalMessage());
    }
  }

  /** Rough prompt size in tokens (about four characters a token), for usage figures. */
  static int estimateTokens(JsonNode node) {
    return Math.max(1, node.toString().length() / 4);
  }
}
