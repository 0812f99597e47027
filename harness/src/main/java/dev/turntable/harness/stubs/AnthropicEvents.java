package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON of one Messages reply: the named stream events, or a whole {@code message}. */
final class AnthropicEvents {
  private final String id;
  private final String model;
  private final int inputTokens;

  AnthropicEvents(String id, String model, int inputTokens) {
    this.id = id;
    this.model = model;
    this.inputTokens = inputTokens;
  }

  /**
   * message_start, content_block_start, ping, a content_block_delta per token,
   * content_block_stop, message_delta (cumulative usage), message_stop.
   */
  SseStream stream(List<String> tokens) {
    ObjectNode start = event("message_start");
    ObjectNode message = start.putObject("message");
    header(message);
    message.putArray("content");
    message.put("model", model);
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    message.set("usage", usage(1));
    ObjectNode blockStart = event("content_block_start").put("index", 0);
    blockStart.putObject("content_block").put("type", "text").put("text", "");
    List<String> opening = List.of(frame(start), frame(blockStart), frame(event("ping")));

    List<String> deltas = new ArrayList<>();
    for (String token : tokens) {
      ObjectNode delta = event("content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", "text_delta").put("text", token);
      deltas.add(frame(delta));
    }

    ObjectNode messageDelta = event("message_delta");
    messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", tokens.size());
    List<String> closing =
        List.of(
            frame(event("content_block_stop").put("index", 0)),
            frame(messageDelta),
            frame(event("message_stop")));
    return new SseStream(opening, deltas, closing, frame(overloaded()));
  }

  /** The non-streamed answer. */
  ObjectNode message(List<String> tokens) {
    ObjectNode root = JsonBodies.JSON.createObjectNode();
    header(root);
    root.putArray("content").addObject().put("type", "text").put("text", String.join("", tokens));
    root.put("model", model);
    root.put("stop_reason", "end_turn");
    root.putNull("stop_sequence");
    root.set("usage", usage(tokens.size()));
    return root;
  }

  private void header(ObjectNode message) {
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
  }

  private ObjectNode usage(int outputTokens) {
    return JsonBodies.JSON.createObjectNode().put("input_tokens", inputTokens).put("output_tokens", outputTokens);
  }

  private static ObjectNode event(String type) {
    return JsonBodies.JSON.createObjectNode().put("type", type);
  }

  private static ObjectNode overloaded() {
    ObjectNode error = event("error");
    error.putObject("error").put("type", "overloaded_error").put("message", "Overloaded");
    return error;
  }

  /** Anthropic repeats the JSON {@code type} as the SSE event name; SDKs switch on the name. */
  private static String frame(ObjectNode json) {
    return SseStream.namedFrame(json.path("type").asText(), json.toString());
  }
}
