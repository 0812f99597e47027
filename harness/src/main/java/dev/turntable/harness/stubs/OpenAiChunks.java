package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of one Chat Completions reply: {@code chat.completion.chunk} events sharing one
 * {@code id} and {@code created}, or a whole {@code chat.completion}.
 */
final class OpenAiChunks {
  private final String id;
  private final long created;
  private final String model;
  private final boolean includeUsage;

  OpenAiChunks(String id, long created, String model, boolean includeUsage) {
    this.id = id;
    this.created = created;
    this.model = model;
    this.includeUsage = includeUsage;
  }

  /** Role chunk, a chunk per token, the {@code finish_reason:"stop"} chunk, usage, {@code [DONE]}. */
  SseStream stream(List<String> tokens, int promptTokens) {
    ObjectNode roleDelta = JsonBodies.JSON.createObjectNode().put("role", "assistant").put("content", "");
    List<String> tokenEvents = new ArrayList<>();
    for (String token : tokens) {
      tokenEvents.add(frame(chunk(JsonBodies.JSON.createObjectNode().put("content", token), null)));
    }
    List<String> closing = new ArrayList<>();
    closing.add(frame(chunk(JsonBodies.JSON.createObjectNode(), "stop")));
    if (includeUsage) {
      ObjectNode usageChunk = header("chat.completion.chunk");
      usageChunk.putArray("choices");
      usageChunk.set("usage", usage(promptTokens, tokens.size()));
      closing.add(frame(usageChunk));
    }
    closing.add(SseStream.dataFrame("[DONE]"));
    return new SseStream(List.of(frame(chunk(roleDelta, null))), tokenEvents, closing, frame(serverError()));
  }

  /** The non-streamed answer. */
  ObjectNode completion(List<String> tokens, int promptTokens) {
    ObjectNode root = header("chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", String.join("", tokens));
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    root.set("usage", usage(promptTokens, tokens.size()));
    return root;
  }

  private ObjectNode chunk(ObjectNode delta, String finishReason) {
    ObjectNode root = header("chat.completion.chunk");
    ArrayNode choices = root.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    if (includeUsage) {
      root.putNull("usage");
    }
    return root;
  }

  private ObjectNode header(String object) {
    ObjectNode root = JsonBodies.JSON.createObjectNode();
    root.put("id", id);
    root.put("object", object);
    root.put("created", created);
    root.put("model", model);
    return root;
  }

  private static ObjectNode usage(int promptTokens, int completionTokens) {
    return JsonBodies.JSON
        .createObjectNode()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
  }

  /** What OpenAI sends when a stream fails mid-way: a data event whose JSON has an {@code error}. */
  private static ObjectNode serverError() {
    ObjectNode root = JsonBodies.JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", "The server had an error while processing your request. Sorry about that!");
    error.put("type", "server_error");
    error.putNull("param");
    error.putNull("code");
    return root;
  }

  private static String frame(ObjectNode json) {
    return SseStream.dataFrame(json.toString());
  }
}
