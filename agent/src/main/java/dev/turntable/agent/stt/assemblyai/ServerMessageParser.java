package dev.turntable.agent.stt.assemblyai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.stt.SttEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns AssemblyAI v3 server frames into {@link ServerMessage}s. Thread-safe. */
final class ServerMessageParser {
  private static final Logger log = LoggerFactory.getLogger(ServerMessageParser.class);

  private final String requestedModel;

  ServerMessageParser(String requestedModel) {
    this.requestedModel = requestedModel;
  }

  ServerMessage parse(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new ServerMessage.Ignored("", "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new ServerMessage.Ignored("", "not a JSON object");
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "Begin" -> new ServerMessage.Event(begin(node));
      case "SpeechStarted" ->
          new ServerMessage.Event(new SttEvent.SpeechStarted(node.path("timestamp").asLong(0)));
      case "Turn" -> new ServerMessage.Event(new SttEvent.TurnUpdate(turn(node)));
      case "Termination" ->
          new ServerMessage.Event(
              new SttEvent.SessionEnded(
                  node.path("audio_duration_seconds").asDouble(0),
                  node.path("session_duration_seconds").asDouble(0)));
      case "Error" -> error(node);
      // Older servers and py-sdk's tolerance: a bare {"error": "..."} is an error too.
      case "" -> node.has("error") ? error(node) : new ServerMessage.Ignored("", "no type");
      default -> new ServerMessage.Ignored(type, "not used by the agent");
    };
  }

  private SttEvent.SessionBegan begin(JsonNode node) {
    String model = node.path("configuration").path("model").asText(null);
    // The default model has changed between doc versions; say so when the server picked another.
    if (model != null && !model.equals(requestedModel)) {
      log.warn("AssemblyAI runs model '{}' although '{}' was requested", model, requestedModel);
    }
    return new SttEvent.SessionBegan(node.path("id").asText(""), node.path("expires_at").asLong(0));
  }

  /** Keys off end_of_turn only: turn_is_formatted differs between u3 doc versions. */
  private static SttEvent.Turn turn(JsonNode node) {
    List<SttEvent.Word> words = new ArrayList<>();
    for (JsonNode w : node.path("words")) {
      words.add(
          new SttEvent.Word(
              w.path("text").asText(""),
              Math.round(w.path("start").asDouble(0)),
              Math.round(w.path("end").asDouble(0)),
              w.path("confidence").asDouble(0),
              w.path("word_is_final").asBoolean(false)));
    }
    return new SttEvent.Turn(
        node.path("turn_order").asInt(0),
        node.path("transcript").asText(""),
        node.path("end_of_turn").asBoolean(false),
        words);
  }

  private static ServerMessage error(JsonNode node) {
    return new ServerMessage.ServerError(
        node.path("error_code").asInt(0), node.path("error").asText(""));
  }
}
