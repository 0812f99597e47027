package dev.turntable.agent.llm.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.http.DeliveryGate;
import dev.turntable.agent.http.HttpErrorMessages;
import dev.turntable.agent.http.LlmEventSourceListener;
import dev.turntable.agent.llm.LlmEvent;
import okhttp3.sse.EventSource;

/**
 * Reads Messages stream events by their {@code event:} name, as anthropic-sdk-java does: text
 * deltas become {@link LlmEvent.TextDelta}, {@code message_stop} completes, {@code error} fails;
 * {@code ping}, unnamed and unknown events are dropped.
 */
final class AnthropicStreamListener extends LlmEventSourceListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Arrives in message_delta, before message_stop. Only this stream's reader thread touches it.
  private String stopReason;

  AnthropicStreamListener(String apiKey, DeliveryGate<LlmEvent> gate) {
    super(AnthropicChatModel.PROVIDER, apiKey, gate);
  }

  @Override
  protected void handle(EventSource source, String type, String data)
      throws JsonProcessingException {
    if (type == null) {
      return;
    }
    switch (type) {
      case "content_block_delta" -> onContentDelta(JSON.readTree(data).path("delta"));
      case "message_delta" -> {
        String reason = JSON.readTree(data).path("delta").path("stop_reason").textValue();
        if (reason != null) {
          stopReason = reason;
        }
      }
      case "message_stop" -> complete(stopReason == null ? "unknown" : stopReason);
      case "error" -> fail(source,
          HttpErrorMessages.forStreamError(provider(), JSON.readTree(data).path("error"), secret()));
      default -> {
        // message_start, content_block_start/stop, ping and newer events carry no reply text.
      }
    }
  }

  private void onContentDelta(JsonNode delta) {
    // Only text is spoken; thinking, signature and tool-input deltas are not.
    if ("text_delta".equals(delta.path("type").textValue())) {
      String text = delta.path("text").textValue();
      if (text != null && !text.isEmpty()) {
        text(text);
      }
    }
  }

  @Override
  protected String endMarker() {
    return "event: message_stop";
  }
}
