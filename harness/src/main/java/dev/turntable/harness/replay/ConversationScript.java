package dev.turntable.harness.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.turntable.harness.fixture.TurnLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A conversation to synthesize into a fixture: what the user says and when (spoken by espeak-ng),
 * and what the LLM answers, in order. Stored beside the fixture as {@code conversation.json}:
 *
 * <pre>{@code
 * {"description": "a backchannel while the agent speaks",
 *  "tags": ["backchannel"],
 *  "user": [{"text": "What's the weather tomorrow?", "at_ms": 500},
 *           {"text": "Mhm.", "at_ms": 4200}],
 *  "agent": ["Tomorrow will be sunny and warm, with a light breeze in the afternoon."],
 *  "tail_ms": 6000,
 *  "expected": {"turns": 1, "bargeIns": {"accepted": 0, "suppressed": 1}}}
 * }</pre>
 *
 * <p>Optional fields shape the session: {@code preset} (fast, balanced, patient) sets the turn
 * silences; {@code llm_first_token_ms} how long the LLM takes to its first token;
 * {@code tts_error_status} makes the first TTS request fail with that HTTP status;
 * {@code stt_drop_at_ms} drops the STT connection (no close frame) at that audio position; each
 * user line's {@code label} (interrupt, ignore, ordinary) says what the agent should do with that
 * turn, and becomes {@code expected.labels} in fixture.json.
 *
 * @param tailMs silence after the last utterance, long enough for the agent to finish
 */
public record ConversationScript(
    String description,
    List<String> tags,
    List<UserLine> user,
    List<String> agent,
    long tailMs,
    JsonNode expected,
    String preset,
    Long llmFirstTokenMs,
    Integer ttsErrorStatus,
    Long sttDropAtMs) {

  /** One utterance, starting {@code atMs} into the session, and what the agent should do with it. */
  public record UserLine(String text, long atMs, String label) {
    public UserLine {
      if (label != null && TurnLabel.Expect.fromJson(label).isEmpty()) {
        throw new IllegalArgumentException("label \"" + label + "\" of \"" + text + "\" is not one of "
            + TurnLabel.Expect.allowed());
      }
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ConversationScript {
    if (user == null || user.isEmpty() || agent == null || agent.isEmpty()) {
      throw new IllegalArgumentException("a conversation needs at least one user line and one agent reply");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
    tailMs = tailMs <= 0 ? 5_000 : tailMs;
  }

  public static ConversationScript load(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), ConversationScript.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": " + e.getOriginalMessage(), e);
    }
  }
}
