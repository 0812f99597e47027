package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes u3-rt-pro's {@code SpeechStarted} and {@code Turn} messages with every field the spec and
 * the SDKs require, keeping u3's invariants: {@code turn_is_formatted == end_of_turn}, {@code
 * end_of_turn_confidence} 1 on the final and 0 on partials, {@code utterance} only on the final.
 */
final class TurnMessages {
  static final double SPEECH_STARTED_CONFIDENCE = 0.98;
  static final double LANGUAGE_CONFIDENCE = 0.99;

  /** A word as u3 times it, in ms of audio. */
  record Word(String text, long startMs, long endMs) {}

  private TurnMessages() {}

  static ObjectNode speechStarted(long timestampMs) {
    ObjectNode message = ServerMessages.JSON.createObjectNode();
    message.put("type", "SpeechStarted");
    message.put("timestamp", timestampMs);
    message.put("confidence", SPEECH_STARTED_CONFIDENCE);
    return message;
  }

  static ObjectNode turn(int turnOrder, List<Word> words, boolean endOfTurn,
      SessionParameters parameters, Script script) {
    String transcript = words.stream().map(Word::text).collect(Collectors.joining(" "));
    ObjectNode turn = ServerMessages.JSON.createObjectNode();
    turn.put("type", "Turn");
    turn.put("turn_order", turnOrder);
    turn.put("turn_is_formatted", endOfTurn);
    turn.put("end_of_turn", endOfTurn);
    turn.put("transcript", transcript);
    turn.put("utterance", endOfTurn ? transcript : "");
    turn.put("end_of_turn_confidence", endOfTurn ? 1 : 0);
    ArrayNode wordArray = turn.putArray("words");
    for (Word word : words) {
      ObjectNode w = wordArray.addObject();
      w.put("start", word.startMs());
      w.put("end", word.endMs());
      w.put("text", word.text());
      w.put("confidence", script.wordConfidence());
      w.put("word_is_final", endOfTurn);
    }
    if (parameters.languageDetection()) {
      turn.put("language_code", script.languageCode());
      turn.put("language_confidence", LANGUAGE_CONFIDENCE);
    }
    if (parameters.speakerLabels()) {
      turn.put("speaker_label", "A");
    }
    return turn;
  }
}
