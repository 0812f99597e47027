package dev.turntable.harness.mockstt;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.java_websocket.framing.TextFrame;

/** Random frames for {@link MockSttFuzzTest}: valid ones, and each kind of malformed one. */
final class FuzzFrames {
  private static final List<String> VALID = List.of(
      "{\"type\":\"KeepAlive\"}", "{\"type\":\"ForceEndpoint\"}",
      "{\"type\":\"UpdateConfiguration\",\"min_turn_silence\":160,\"max_turn_silence\":1280}");
  private static final List<String> WRONG_TYPES = List.of(
      "[]", "[{\"type\":\"Terminate\"}]", "\"Terminate\"", "42", "null", "true", "{}",
      "{\"type\":5}", "{\"type\":null}", "{\"type\":[\"Terminate\"]}",
      "{\"type\":{\"name\":\"KeepAlive\"}}", "{\"Type\":\"Terminate\"}", "{\"type\":true}");
  private static final List<String> UNKNOWN_TYPES = List.of(
      "terminate", "KEEPALIVE", " Terminate", "Terminate ", "Begin", "Turn", "Termination",
      "Error", "SpeechStarted", "", "ForceEndPoint", "Update_Configuration");
  private static final List<String> INVALID_UPDATES = List.of(
      "\"min_turn_silence\":\"abc\"", "\"min_turn_silence\":1.5", "\"max_turn_silence\":true",
      "\"max_turn_silence\":[]", "\"min_turn_silence\":{}", "\"min_turn_silence\":99999999999",
      "\"vad_threshold\":\"high\"", "\"keyterms_prompt\":5", "\"keyterms_prompt\":[1,2]",
      "\"keyterms_prompt\":\"a,b\"", "\"prompt\":5", "\"prompt\":[\"x\"]", "\"mode\":7");
  private static final List<String> BAD_QUERIES = List.of(
      "sample_rate=abc", "sample_rate=-16000", "sample_rate=0", "encoding=opus",
      "min_turn_silence=soon", "format_turns=maybe", "keyterms_prompt=notjson",
      "keyterms_prompt=%5B1%2C2%5D", "inactivity_timeout=-1", "max_turn_silence=1.5");
  private static final String PRINTABLE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 {}[]:,\"'\\/.-+eE\t\n";

  private FuzzFrames() {}

  /** {@code ms} of random 16 kHz s16le audio. */
  static byte[] audio(Random random, int ms) {
    return bytes(random, ms * 32);
  }

  static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  static String keepAliveOrForceEndpoint(Random random) {
    return VALID.get(random.nextInt(2));
  }

  static String validUpdate(Random random) {
    int min = random.nextInt(600);
    StringBuilder json = new StringBuilder("{\"type\":\"UpdateConfiguration\"");
    switch (random.nextInt(4)) {
      case 0 -> json.append(",\"min_turn_silence\":").append(min)
          .append(",\"max_turn_silence\":").append(min + random.nextInt(3000));
      case 1 -> json.append(",\"keyterms_prompt\":[\"turntable\",\"fuzz ").append(random.nextInt(100)).append("\"]");
      case 2 -> json.append(",\"prompt\":\"").append(random.nextInt()).append("\"");
      default -> json.append(",\"vad_threshold\":").append(random.nextDouble())
          .append(",\"not_modelled_").append(random.nextInt(5)).append("\":").append(random.nextInt());
    }
    return json.append('}').toString();
  }

  /**
   * Text that is not one JSON value: a strict prefix of a message, printable noise that cannot
   * start JSON, or a message with trailing garbage.
   */
  static String invalidJson(Random random) {
    String message = VALID.get(random.nextInt(VALID.size()));
    return switch (random.nextInt(3)) {
      case 0 -> message.substring(0, 1 + random.nextInt(message.length() - 1));
      case 1 -> "}" + noise(random, random.nextInt(200));
      default -> message + "}" + noise(random, random.nextInt(20));
    };
  }

  static String wrongTypes(Random random) {
    return WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
  }

  static String unknownMessage(Random random) {
    String type = random.nextInt(4) == 0
        ? "X" + noise(random, random.nextInt(30)).replace("\"", "").replace("\\", "")
        : UNKNOWN_TYPES.get(random.nextInt(UNKNOWN_TYPES.size()));
    return "{\"type\":\"" + type.replace("\n", " ").replace("\t", " ") + "\"}";
  }

  static String invalidUpdate(Random random) {
    return "{\"type\":\"UpdateConfiguration\","
        + INVALID_UPDATES.get(random.nextInt(INVALID_UPDATES.size())) + "}";
  }

  /** A text frame whose payload is not UTF-8: audio sent where text is expected. */
  static TextFrame notUtf8Text(Random random) {
    byte[] payload = bytes(random, 2 + random.nextInt(3_200));
    payload[0] = (byte) 0xFF; // never valid in UTF-8
    TextFrame frame = new TextFrame();
    frame.setPayload(ByteBuffer.wrap(payload));
    frame.setFin(true);
    return frame;
  }

  static String badQuery(Random random) {
    return BAD_QUERIES.get(random.nextInt(BAD_QUERIES.size()));
  }

  private static String noise(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
    }
    return text.toString();
  }
}
