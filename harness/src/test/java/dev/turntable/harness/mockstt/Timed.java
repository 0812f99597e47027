package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A server message and the audio the client had sent when the server released it. */
record Timed(long audioMs, JsonNode message) {
  String type() {
    return message.get("type").asText();
  }

  boolean isFinal() {
    return message.path("end_of_turn").asBoolean(false);
  }

  /** Streams {@code untilMs} of audio in {@code frameMs} frames, syncing after each one. */
  static List<Timed> stream(TestClient client, long fromMs, long untilMs, long frameMs)
      throws InterruptedException {
    List<Timed> released = new ArrayList<>();
    for (long audio = fromMs + frameMs; audio <= untilMs; audio += frameMs) {
      for (JsonNode message : client.sendAudioAndSync(frameMs)) {
        released.add(new Timed(audio, message));
      }
    }
    return released;
  }
}
