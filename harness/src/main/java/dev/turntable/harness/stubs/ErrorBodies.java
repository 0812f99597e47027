package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Error bodies in each service's own shape, so SDKs parse them into their typed errors. */
final class ErrorBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  static String body(StubService service, int status, String message) {
    return switch (service) {
      case OPENAI -> openAi(status, message);
      case ANTHROPIC -> anthropic(status, message);
      case ELEVENLABS -> elevenLabs(status, message);
      case CARTESIA -> cartesia(status, message);
    };
  }

  /** The message a service gives for a status when the stub has nothing more specific to say. */
  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Incorrect API key provided";
      case 403 -> "Permission denied";
      case 404 -> "Not found";
      case 408 -> "Request timed out";
      case 422 -> "Unprocessable entity";
      case 429 -> "Rate limit reached; please retry after a short wait";
      case 503 -> "The service is temporarily unavailable";
      case 529 -> "Overloaded";
      default -> status >= 500 ? "The server had an error while processing your request" : "Request failed";
    };
  }

  /** {@code {"error":{"message","type","param","code"}}}. */
  static String openAi(int status, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    error.put("type", openAiType(status));
    error.putNull("param");
    String code = openAiCode(status);
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("error", error);
    return root.toString();
  }

  /** {@code {"type":"error","error":{"type","message"},"request_id"}}. */
  static String anthropic(int status, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.put("type", anthropicType(status));
    error.put("message", message);
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "error");
    root.set("error", error);
    root.put("request_id", "req_stub" + UUID.randomUUID().toString().replace("-", ""));
    return root.toString();
  }

  /** {@code {"detail":{"status","message"}}}; 422 uses FastAPI's list form, see {@link #elevenLabsValidation}. */
  static String elevenLabs(int status, String message) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("status", elevenLabsStatus(status));
    detail.put("message", message);
    ObjectNode root = JSON.createObjectNode();
    root.set("detail", detail);
    return root.toString();
  }

  /** {@code {"detail":[{"loc":["query",field],"msg","type"}]}}, as ElevenLabs' validation answers. */
  static String elevenLabsValidation(String location, String field, String message) {
    ObjectNode item = JSON.createObjectNode();
    ArrayNode loc = item.putArray("loc");
    loc.add(location).add(field);
    item.put("msg", message);
    item.put("type", "value_error");
    ObjectNode root = JSON.createObjectNode();
    root.putArray("detail").add(item);
    return root.toString();
  }

  /** {@code {"error_code","title","message","request_id"}} (Cartesia-Version 2026-03-01 shape). */
  static String cartesia(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("error_code", cartesiaCode(status));
    root.put("title", cartesiaTitle(status));
    root.put("message", message);
    root.put("request_id", UUID.randomUUID().toString());
    return root.toString();
  }

  private static String openAiType(int status) {
    return switch (status) {
      case 401 -> "invalid_request_error";
      case 429 -> "requests";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static String openAiCode(int status) {
    return switch (status) {
      case 401 -> "invalid_api_key";
      case 429 -> "rate_limit_exceeded";
      default -> null;
    };
  }

  private static String anthropicType(int status) {
    return switch (status) {
      case 400, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  private static String elevenLabsStatus(int status) {
    return switch (status) {
      case 401 -> "invalid_api_key";
      case 429 -> "too_many_concurrent_requests";
      case 400 -> "invalid_request";
      default -> status >= 500 ? "internal_server_error" : "request_failed";
    };
  }

  private static String cartesiaCode(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 429 -> "concurrency_limited";
      default -> status >= 500 ? "internal_error" : "request_failed";
    };
  }

  private static String cartesiaTitle(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 429 -> "Too many concurrent requests";
      default -> status >= 500 ? "Internal server error" : "Request failed";
    };
  }
}
