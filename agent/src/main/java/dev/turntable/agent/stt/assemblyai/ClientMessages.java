package dev.turntable.agent.stt.assemblyai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.agent.stt.SttConfigUpdate;
import java.util.Optional;

/** The JSON text frames a client sends to AssemblyAI v3. */
final class ClientMessages {
  static final String TERMINATE = "{\"type\":\"Terminate\"}";
  static final String FORCE_ENDPOINT = "{\"type\":\"ForceEndpoint\"}";
  static final String KEEP_ALIVE = "{\"type\":\"KeepAlive\"}";

  private ClientMessages() {}

  /**
   * An UpdateConfiguration with only the fields the update sets (an empty keyterms list is sent: it
   * clears the list). Empty when the update sets nothing, since there is nothing to send.
   */
  static Optional<String> updateConfiguration(SttConfigUpdate update) {
    ObjectNode message = Json.MAPPER.createObjectNode().put("type", "UpdateConfiguration");
    if (update.keytermsPrompt() != null) {
      ArrayNode terms = message.putArray("keyterms_prompt");
      update.keytermsPrompt().forEach(terms::add);
    }
    if (update.prompt() != null) {
      message.put("prompt", update.prompt());
    }
    if (update.minTurnSilenceMs() != null) {
      message.put("min_turn_silence", update.minTurnSilenceMs());
    }
    if (update.maxTurnSilenceMs() != null) {
      message.put("max_turn_silence", update.maxTurnSilenceMs());
    }
    return message.size() == 1 ? Optional.empty() : Optional.of(Json.write(message));
  }
}
