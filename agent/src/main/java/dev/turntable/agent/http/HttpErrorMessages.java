package dev.turntable.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Turns a failed provider call into one line a person can act on: who failed, the status, the
 * provider's own explanation, and what to check. The API key is redacted from every result.
 */
public final class HttpErrorMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 16_384;
  private static final int MAX_DETAIL_CHARS = 300;

  private HttpErrorMessages() {}

  /** For a response with a non-2xx status; reads (a bounded prefix of) its body. */
  public static String forResponse(String provider, Response response, String secret) {
    String detail = providerMessage(readBody(response));
    String text = provider + " request failed with HTTP " + response.code()
        + (detail.isEmpty() ? "" : ": " + detail) + ". " + hintFor(response.code());
    return Secrets.redact(text.trim(), secret);
  }

  /** For a call that never produced a usable response (network, timeout, protocol error). */
  public static String forFailure(String provider, HttpUrl url, Throwable failure, String secret) {
    String target = url.newBuilder().query(null).build().toString();
    String text = provider + " request to " + target + " failed: " + describe(failure)
        + ". " + failureHint(failure);
    return Secrets.redact(text.trim(), secret);
  }

  /** For an error object the provider sent inside an otherwise successful stream. */
  public static String forStreamError(String provider, JsonNode error, String secret) {
    String detail = errorObjectMessage(error);
    String text = provider + " stream failed mid-reply: "
        + (detail.isEmpty() ? "unspecified error" : detail);
    return Secrets.redact(text, secret);
  }

  /**
   * Whether the same request may succeed later: 408 request timeout, 409 conflict (ElevenLabs
   * reports concurrent-request limits so), 425, 429 rate limit and every 5xx.
   */
  public static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }

  /** The provider's explanation from an error body, in any of the shapes the providers use. */
  static String providerMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      String found = messageFromJson(JSON.readTree(body));
      return truncate(found.isEmpty() ? body : found);
    } catch (JsonProcessingException notJson) {
      return truncate(body);
    }
  }

  private static String messageFromJson(JsonNode root) {
    // OpenAI / Anthropic: {"error":{"message","type"}}; some services: {"error":"text"}.
    String fromError = errorObjectMessage(root.path("error"));
    if (!fromError.isEmpty()) {
      return fromError;
    }
    // ElevenLabs: {"detail":{"status","message"}}, {"detail":"text"} or 422 {"detail":[{"msg"}]}.
    JsonNode detail = root.path("detail");
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray() && detail.size() > 0) {
      return detail.get(0).path("msg").asText("");
    }
    String detailMessage = errorObjectMessage(detail);
    if (!detailMessage.isEmpty()) {
      return detailMessage;
    }
    // Cartesia-style {"title","message"} or a bare {"message"}.
    return root.path("message").asText(root.path("title").asText(""));
  }

  private static String errorObjectMessage(JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    String message = error.path("message").asText("");
    String type = error.path("type").asText(error.path("status").asText(""));
    if (message.isEmpty()) {
      return type;
    }
    return type.isEmpty() ? message : message + " (" + type + ")";
  }

  private static String readBody(Response response) {
    try {
      return response.peekBody(MAX_BODY_BYTES).string();
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }

  private static String hintFor(int status) {
    if (status == 401 || status == 403) {
      return "Check the API key and its permissions.";
    }
    if (status == 404) {
      return "Check the base URL and the model or voice id.";
    }
    if (status == 400 || status == 422) {
      return "Check the request settings (model, voice, output format).";
    }
    if (status == 429) {
      return "Rate limit or quota exceeded; wait and retry, or check the plan.";
    }
    if (status >= 500) {
      return "The provider is having trouble; retry later.";
    }
    return "";
  }

  private static String failureHint(Throwable failure) {
    if (failure instanceof UnknownHostException || failure instanceof ConnectException) {
      return "Check the network and the base URL.";
    }
    if (failure instanceof InterruptedIOException) {
      return "The provider stopped sending data; retry.";
    }
    return "";
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private static String truncate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL_CHARS
        ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS) + "…";
  }
}
