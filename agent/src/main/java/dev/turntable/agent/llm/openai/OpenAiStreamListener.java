package dev.turntable.agent.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.http.DeliveryGate;
import dev.turntable.agent.http.HttpErrorMessages;
import dev.turntable.agent.http.LlmEventSourceListener;
import dev.turntable.agent.llm.LlmEvent;
import okhttp3.sse.EventSource;

/**
 * Reads Chat Completions chunks: {@code data:}-only events, event names ignored, ending with
 * {@code data: [DONE]}. Like openai-java, any chunk with a top-level {@code error} fails the reply.
 */
final class OpenAiStreamListener extends LlmEventSourceListener {
  static final String DONE = "[DONE]";
  private static final ObjectMapper JSON = new ObjectMapper();

  // Arrives on the last content chunk, before [DONE]. Only this stream's reader thread touches it.
  private String finishReason;

  OpenAiStreamListener(String apiKey, DeliveryGate<LlmEvent> gate) {
    super(OpenAiChatModel.PROVIDER, apiKey, gate);
  }

  @Override
  protected void handle(EventSource source, String type, String data)
      throws JsonProcessingException {
    if (DONE.equals(data.strip())) {
      complete(finishReason == null ? "unknown" : finishReason);
      return;
    }
    JsonNode chunk = JSON.readTree(data);
    if (chunk.has("error")) {
      fail(source, HttpErrorMessages.forStreamError(provider(), chunk.get("error"), secret()));
      return;
    }
    JsonNode choice = chunk.path("choices").path(0);
    String content = choice.path("delta").path("content").textValue();
    if (content != null && !content.isEmpty()) {
      text(content);
    }
    String reason = choice.path("finish_reason").textValue();
    if (reason != null) {
      finishReason = reason;
    }
  }

  @Override
  protected String endMarker() {
    return "data: " + DONE;
  }
}
