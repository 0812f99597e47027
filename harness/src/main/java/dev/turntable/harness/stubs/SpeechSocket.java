package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.harness.mockstt.WriteNudge;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** Sends a session's messages on its connection, from any thread. */
final class SpeechSocket {
  static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket connection;
  private final WriteNudge nudge;

  SpeechSocket(WebSocket connection, WriteNudge nudge) {
    this.connection = connection;
    this.nudge = nudge;
  }

  void send(JsonNode message) {
    if (!connection.isOpen()) {
      return;
    }
    try {
      connection.send(message.toString());
      nudge.afterSend();
    } catch (WebsocketNotConnectedException closedMeanwhile) {
      // the client went away between the check and the send: nothing to deliver to
    }
  }

  void close(int code, String reason) {
    connection.close(code, reason);
  }
}
